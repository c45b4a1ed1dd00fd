/**
 * The content schemas outside Astro: `npm run check:content`, the `new:*` scaffolders, the JSON Schema generator
 * and unit tests parse entries with the same zod schemas the build uses, with stand-ins for Astro's `reference()`
 * and `image()` helpers.
 */
import { z } from 'astro/zod';
import { collectionNames, fileSchemaFactories, schemaFactories, type CollectionName } from '../lib/content/registry';
import type { Reference } from './reference';

/** Stands in for Astro's `reference()`: the same `{ id, collection }` result, without a store to look in. */
export const plainReference = ((collection: string) =>
  z.string().transform((id) => ({ id, collection }))) as unknown as Reference;

/** Stands in for Astro's `image()`: the path as written, relative to the article. */
export const plainImage = (() => z.string()) as never;

/** Every collection's schema, keyed by collection name (the registry's). */
export const contentSchemas = Object.fromEntries(
  collectionNames.map((name) => [name, schemaFactories[name](plainReference, plainImage)]),
) as { [N in CollectionName]: ReturnType<(typeof schemaFactories)[N]> };

/** The schema of each collection's files as written (a quote's file holds only its extras). */
export const fileSchemas = Object.fromEntries(
  collectionNames.map((name) => [name, fileSchemaFactories[name](plainReference, plainImage)]),
) as { [N in CollectionName]: ReturnType<(typeof fileSchemaFactories)[N]> };
