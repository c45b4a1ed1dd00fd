/**
 * Stands in for the `astro:content` virtual module in unit tests (aliased in vitest.config.ts), so modules that
 * import it, such as src/lib/content/, load outside a build. Tests build a Site with `createSite` instead.
 */
export function getCollection(): never {
  throw new Error('astro:content is not available in unit tests: build a Site from entries with createSite().');
}
