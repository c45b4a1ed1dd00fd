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
export const quotesUrl = () => page('quotes');
export const quoteUrl = (id: string) => page('quotes', id);
export const searchUrl = () => page('search');
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
