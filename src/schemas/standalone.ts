/**
 * The content schemas outside Astro: `npm run check:content`, the `new:*` scaffolders, the JSON Schema generator
 * and unit tests parse entries with the same zod schemas the build uses, with stand-ins for Astro's `reference()`
 * and `image()` helpers.
 */
import { z } from 'astro/zod';
import { articleSchema } from './article';
import { figureSchema } from './figure';
import { placeSchema, routeSchema } from './geo';
import { personSchema } from './person';
import { quoteSchema } from './quote';
import type { Reference } from './reference';
import { topicSchema } from './topic';

/** Stands in for Astro's `reference()`: the same `{ id, collection }` result, without a store to look in. */
export const plainReference = ((collection: string) =>
  z.string().transform((id) => ({ id, collection }))) as unknown as Reference;

/** Stands in for Astro's `image()`: the path as written, relative to the article. */
export const plainImage = (() => z.string()) as never;

/** Every collection's schema, keyed by collection (folder) name. */
export const contentSchemas = {
  articles: articleSchema(plainReference, plainImage),
  people: personSchema(plainReference),
  quotes: quoteSchema(plainReference),
  figures: figureSchema(plainReference),
  topics: topicSchema(),
  places: placeSchema(),
  routes: routeSchema(plainReference),
};
