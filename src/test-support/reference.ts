import { z } from 'astro/zod';
import type { Reference } from '@/schemas/reference';

/** Stands in for Astro's `reference()` in unit tests: the same `{ id, collection }` result, no store. */
export const testReference = ((collection: string) =>
  z.string().transform((id) => ({ id, collection }))) as unknown as Reference;

/** Stands in for Astro's `image()` helper. */
export const testImage = (() => z.string()) as never;
