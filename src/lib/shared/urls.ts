/**
 * Every href the site links to is built here, so no URL template is spelled twice. Paths end in a slash
 * (trailingSlash: 'always') and carry the configured base.
 */
const base = import.meta.env.BASE_URL.replace(/\/$/, '');

const page = (...segments: string[]) => `${base}/${segments.map(encodeURIComponent).join('/')}${segments.length ? '/' : ''}`;

export const homeUrl = () => page();
export const articleUrl = (id: string) => page('articles', ...id.split('/'));
export const peopleUrl = () => page('people');
export const personUrl = (id: string) => page('people', id);
export const topicsUrl = () => page('topics');
export const topicUrl = (id: string) => page('topics', id);
export const quoteUrl = (id: string) => page('quotes', id);

/**
 * A listing's front page (no number: the newest items) or its page n, numbered from the oldest (/quotes/, /quotes/1/:
 * the first 20 quotes ever published; src/lib/rules/listing.ts, listingPages).
 */
const numbered = (segments: string[], pageNumber?: number) => page(...segments, ...(pageNumber !== undefined ? [String(pageNumber)] : []));
/** All quotes, newest first. */
export const quotesUrl = (pageNumber?: number) => numbered(['quotes'], pageNumber);
/** The quotes one person said: the no-JavaScript speaker filter of the quotes listing. */
export const quotesByUrl = (personId: string, pageNumber?: number) => numbered(['quotes', 'by', personId], pageNumber);
/** Everyone quoted, with how many quotes: the full list behind the listing's speaker filter. */
export const quoteSpeakersUrl = () => page('quotes', 'by');
/** Every topic quoted on, with how many quotes: the full list behind the listing's topic filter. */
export const quoteTopicsUrl = () => page('quotes', 'topic');
/** The quotes on one topic: the no-JavaScript topic filter of the quotes listing. */
export const quotesOnTopicUrl = (topicId: string, pageNumber?: number) =>
  numbered(['quotes', 'topic', topicId], pageNumber);
export const searchUrl = () => page('search');
/** The search form's speaker and topic lists (src/pages/search/filters.json.ts). */
export const searchFiltersUrl = () => `${base}/search/filters.json`;
/** A file of the search index bundle that the build writes (src/integrations/search-index.ts). */
export const searchBundleUrl = (file: string) => `${base}/pagefind/${file}`;

/** The id of a quote's first segment in its article: stable, so links to it keep working. */
export const quoteAnchor = (quoteId: string) => `quote-${quoteId}`;
/** The id of a figure's fact box in its article. */
export const figureAnchor = (figureId: string) => `figure-${figureId}`;

/** A quote where it stands in its article. */
export const quoteInArticleUrl = (articleId: string, quoteId: string) => `${articleUrl(articleId)}#${quoteAnchor(quoteId)}`;
/** A figure where it stands in its article. */
export const figureInArticleUrl = (articleId: string, figureId: string) =>
  `${articleUrl(articleId)}#${figureAnchor(figureId)}`;

/** An absolute URL on this site, for canonical links, feeds and structured data. */
export const absoluteUrl = (href: string, site: URL | undefined) => (site ? new URL(href, site).href : href);

export const correctionsUrl = () => page('corrections');
/** The site's RSS feed. */
export const feedUrl = () => `${base}/rss.xml`;
/** The RSS feed of the articles on one topic. */
export const topicFeedUrl = (id: string) => `${topicUrl(id)}rss.xml`;
/** The RSS feed of the articles a person wrote, edited, is quoted or mentioned in. */
export const personFeedUrl = (id: string) => `${personUrl(id)}rss.xml`;

/** The site's icon, also its logo in structured data. */
export const faviconUrl = () => `${base}/favicon.svg`;
/** The sitemap index that @astrojs/sitemap writes. */
export const sitemapUrl = () => `${base}/sitemap-index.xml`;

/**
 * The headless content API: static JSON under a versioned path, so a later incompatible shape can live beside it
 * at /api/v2/ while consumers move over.
 */
const api = (...segments: string[]) => `${base}/api/v1/${segments.map(encodeURIComponent).join('/')}`;
/** The API's index document: every collection with its URL, JSON Schema and count. */
export const apiIndexUrl = () => api('index.json');
/** A collection's document, e.g. /api/v1/quotes.json; routes are GeoJSON, /api/v1/routes.geojson. */
export const apiCollectionUrl = (name: string, extension = 'json') => api(`${name}.${extension}`);
/** One article's document. */
export const apiArticleUrl = (id: string) => {
  const segments = id.split('/');
  return api('articles', ...segments.slice(0, -1), `${segments.at(-1)}.json`);
};
/** The JSON Schema an API document validates against. */
export const apiSchemaUrl = (name: string) => api('schemas', `${name}.schema.json`);

/** The country shapes the interactive route maps draw, built from Natural Earth by src/pages/maps/basemap.json.ts. */
export const basemapUrl = () => `${base}/maps/basemap.json`;

/**
 * A route map's files (src/pages/maps/routes/): its picture, light or dark, and the interactive map's data, named
 * after the routes it shows (src/lib/map/route-map.ts `routeMapKey`).
 */
export const routeMapFileUrl = (key: string, file: 'svg' | 'dark.svg' | 'json') => `${base}/maps/routes/${encodeURIComponent(key)}.${file}`;
/** The locator map drawn as an article's lead visual when its own photo cannot be shown, light or dark. */
export const articleLocatorUrl = (id: string, scheme: 'light' | 'dark' = 'light') =>
  `${base}/maps/articles/${id.split('/').map(encodeURIComponent).join('/')}${scheme === 'dark' ? '.dark' : ''}.svg`;
/** An article's share card (og:image), drawn at build from its headline and credits. */
export const articleCardUrl = (id: string) => `${base}/cards/articles/${id.split('/').map(encodeURIComponent).join('/')}.png`;
