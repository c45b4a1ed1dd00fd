/**
 * The collection registry: every collection named once, with what the rest of the project derives from it. Astro's
 * collections (src/content.config.ts), the standalone schemas (src/schemas/standalone.ts), the editors' JSON Schemas,
 * the content API and the content checks all read this list; adding a collection means adding it here, writing its
 * schema, and giving it pages.
 *
 * Plain data and zod schema factories only: the build, the scripts and the tests all import it.
 */
import { articleSchema } from '../../schemas/article';
import { figureSchema } from '../../schemas/figure';
import { placeSchema, routeSchema } from '../../schemas/geo';
import { personSchema } from '../../schemas/person';
import { quoteFileSchema, quoteSchema } from '../../schemas/quote';
import type { Reference } from '../../schemas/reference';
import { topicSchema } from '../../schemas/topic';

type ImageFunction = Parameters<typeof articleSchema>[1];

/** What one collection is. */
export interface CollectionSpec {
  /** Its folder under the content folder. */
  folder: string;
  /** The kind of file an entry is: MDX with frontmatter (prose), or YAML (data). */
  format: 'mdx' | 'yaml';
  /** Nouns for messages and pages: "no person with id …". */
  noun: { one: string; many: string };
  /**
   * The file name of its JSON Schema for editors (src/schemas/json/, the files as written) and the content API (the
   * entries as served: for quotes, derived from the marks in the articles, not the files' extras).
   */
  jsonSchema: string;
  /** How the content API publishes it (/api/v1/<name>.<extension>), and what the API index says of it. */
  api: { extension: 'json' | 'geojson'; mediaType: string; description: string };
}

const json = { extension: 'json', mediaType: 'application/json' } as const;

/** The collections, in the order the API index, the checks and the messages list them. */
export const registry = {
  articles: {
    folder: 'articles',
    format: 'mdx',
    noun: { one: 'article', many: 'articles' },
    jsonSchema: 'article.schema.json',
    api: { ...json, description: 'Published articles, newest first, with their body as MDX, HTML and plain text.' },
  },
  people: {
    folder: 'people',
    format: 'yaml',
    noun: { one: 'person', many: 'people' },
    jsonSchema: 'person.schema.json',
    api: { ...json, description: 'People who wrote, edited, are quoted or named, by family name.' },
  },
  quotes: {
    folder: 'quotes',
    format: 'yaml',
    noun: { one: 'quote', many: 'quotes' },
    jsonSchema: 'quote.schema.json',
    api: { ...json, description: 'Quotes verbatim as published, with speaker, role at the time, date and article.' },
  },
  figures: {
    folder: 'figures',
    format: 'yaml',
    noun: { one: 'figure', many: 'figures' },
    jsonSchema: 'figure.schema.json',
    api: { ...json, description: 'Figures the articles report, with who they come from and when they hold.' },
  },
  topics: {
    folder: 'topics',
    format: 'yaml',
    noun: { one: 'topic', many: 'topics' },
    jsonSchema: 'topic.schema.json',
    api: { ...json, description: 'Topics, by name.' },
  },
  places: {
    folder: 'places',
    format: 'yaml',
    noun: { one: 'place', many: 'places' },
    jsonSchema: 'place.schema.json',
    api: { ...json, description: 'Places the articles and routes name, with coordinates (WGS 84).' },
  },
  routes: {
    folder: 'routes',
    format: 'yaml',
    noun: { one: 'route', many: 'routes' },
    jsonSchema: 'route.schema.json',
    api: {
      extension: 'geojson',
      mediaType: 'application/geo+json',
      description: 'Pipelines, shipping lanes and rail routes as a GeoJSON FeatureCollection of LineStrings.',
    },
  },
} as const satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof registry;

/** Every collection's name, in registry order. */
export const collectionNames = Object.keys(registry) as CollectionName[];

/**
 * Each collection's zod schema, given Astro's `reference()` and `image()` (or the stand-ins of
 * src/schemas/standalone.ts). A function per collection, so each keeps its own inferred type.
 */
export const schemaFactories = {
  articles: (reference: Reference, image: ImageFunction) => articleSchema(reference, image),
  people: (reference: Reference) => personSchema(reference),
  quotes: (reference: Reference) => quoteSchema(reference),
  figures: (reference: Reference) => figureSchema(reference),
  topics: () => topicSchema(),
  places: () => placeSchema(),
  routes: (reference: Reference) => routeSchema(reference),
} satisfies Record<CollectionName, (reference: Reference, image: ImageFunction) => unknown>;

/**
 * The schema of each collection's files as written: the collection's schema, except for derived collections, whose
 * files hold only the extras (quotes/<id>.yaml: when it was said, topics, this site's context and note).
 */
export const fileSchemaFactories = {
  ...schemaFactories,
  quotes: (reference: Reference) => quoteFileSchema(reference),
} satisfies Record<CollectionName, (reference: Reference, image: ImageFunction) => unknown>;

/** The file endings an entry of the collection may have. */
export const fileExtensions = (collection: CollectionName): readonly string[] =>
  registry[collection].format === 'mdx' ? ['mdx'] : ['yaml', 'yml'];

/** The glob Astro's loader and the checks use to find a collection's entries below its folder. */
export const filePattern = (collection: CollectionName): string => {
  const extensions = fileExtensions(collection);
  return extensions.length === 1 ? `**/*.${extensions[0]}` : `**/*.{${extensions.join(',')}}`;
};

/**
 * Components authors may use in MDX, and which collection each names in which prop. The article page, the quote
 * pages' paragraphs, the content API and the checks all take their list from here.
 */
export const mdxComponents = {
  // A mark around the quote's words: <Quote id="…" speaker="…" kind="…">the words</Quote> (src/lib/content/quote-marks.ts).
  Quote: { prop: 'id', collection: 'quotes', list: false },
  Person: { prop: 'id', collection: 'people', list: false },
  FactBox: { prop: 'figures', collection: 'figures', list: true },
  RouteMap: { prop: 'routes', collection: 'routes', list: true },
} as const satisfies Record<string, { prop: string; collection: CollectionName; list: boolean }>;

export type MdxComponentName = keyof typeof mdxComponents;
