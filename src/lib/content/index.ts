/**
 * The content model's facade: what pages, components and outputs import. The pieces behind it, one idea each:
 * registry.ts (every collection named once), load.ts (Astro and the files, the build's one Site), site.ts (the Site:
 * lists, lookups and every index, built up front), checks.ts (what the schemas cannot check), related.ts and
 * related-index.ts (related articles), shown.ts (which entries a page shows, for cache keys).
 */
export type { Article, Collections, Entry, Figure, Person, Place, Quote, Route, Topic } from './types';
export { createSite, Site, type Credit, type TopicItems } from './site';
export type { RelatedArticle } from './related-index';
export { ContentError, loadSite } from './load';
export { cacheKey, shownOnArticle, shownOnPerson, shownOnQuote, shownOnTopic, type Shown } from './shown';
