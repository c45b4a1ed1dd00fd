import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleLoader } from './lib/content/article-loader';
import { contentDir } from './lib/content/dir';
import { unchangedFilesKept } from './lib/content/unchanged-files';
import { filePattern, registry, schemaFactories, type CollectionName } from './lib/content/registry';

// One folder per collection under the content folder (CONTENT_DIR, default ./content); the file name is the id.
// Folders, file kinds and schemas come from the registry (src/lib/content/registry.ts). The keys are spelled out
// because Astro infers each entry's type from this literal (a mapped type is circular through `reference` and
// loses them); `satisfies` holds the keys equal to the registry, so a collection added there fails `astro check`
// until it is added here.
// Each loader is Astro's glob loader, run on the files that changed since the last sync (unchanged-files.ts).
const loader = (name: CollectionName) => unchangedFilesKept(glob, { base: `${contentDir}/${registry[name].folder}`, pattern: filePattern(name) });

export const collections = {
  // Articles are kept as data, not compiled as modules: their pages render the body themselves (article-loader.ts).
  articles: defineCollection({ loader: articleLoader(loader('articles')), schema: ({ image }) => schemaFactories.articles(reference, image) }),
  people: defineCollection({ loader: loader('people'), schema: schemaFactories.people(reference) }),
  // Quotes are marks in the articles' text: src/lib/content/load.ts derives their entries (with their optional files
  // in quotes/) when content loads. The collection is declared for its entry type and schema; Astro loads nothing.
  quotes: defineCollection({ loader: () => [], schema: schemaFactories.quotes(reference) }),
  figures: defineCollection({ loader: loader('figures'), schema: schemaFactories.figures(reference) }),
  topics: defineCollection({ loader: loader('topics'), schema: schemaFactories.topics() }),
  places: defineCollection({ loader: loader('places'), schema: schemaFactories.places() }),
  routes: defineCollection({ loader: loader('routes'), schema: schemaFactories.routes(reference) }),
} satisfies Record<CollectionName, unknown>;
