import type { reference } from 'astro:content';

/**
 * Schemas take Astro's `reference()` as an argument instead of importing `astro:content`, so that unit tests can
 * parse entries with a stand-in and the schema modules stay plain zod.
 */
export type Reference = typeof reference;
