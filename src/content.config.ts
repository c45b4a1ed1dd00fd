import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './schemas/article';
import { figureSchema } from './schemas/figure';
import { placeSchema, routeSchema } from './schemas/geo';
import { personSchema } from './schemas/person';
import { quoteSchema } from './schemas/quote';
import { topicSchema } from './schemas/topic';
import { contentDir } from './lib/content/dir';

// One folder per collection under the content folder (CONTENT_DIR, default ./content); the file name is the id.
const data = (folder: string) => glob({ base: `${contentDir}/${folder}`, pattern: '**/*.{yaml,yml}' });

export const collections = {
  articles: defineCollection({
    loader: glob({ base: `${contentDir}/articles`, pattern: '**/*.mdx' }),
    schema: ({ image }) => articleSchema(reference, image),
  }),
  people: defineCollection({ loader: data('people'), schema: personSchema(reference) }),
  quotes: defineCollection({ loader: data('quotes'), schema: quoteSchema(reference) }),
  figures: defineCollection({ loader: data('figures'), schema: figureSchema(reference) }),
  topics: defineCollection({ loader: data('topics'), schema: topicSchema() }),
  places: defineCollection({ loader: data('places'), schema: placeSchema() }),
  routes: defineCollection({ loader: data('routes'), schema: routeSchema(reference) }),
};
