/**
 * Articles rendered to HTML during a build, by id and content digest, so the pages of an article's quotes render it
 * once rather than once per quote. Quote pages are built article by article (src/pages/quotes/[id].astro lists them
 * so), so only the last few articles are kept: memory stays flat however many articles the site has.
 */
const kept = 8;
const cache = new Map<string, string>();

export const renderedArticles = {
  get(key: string): string | undefined {
    const html = cache.get(key);
    if (html !== undefined) {
      // The most recently used goes last, so the oldest is the first to go.
      cache.delete(key);
      cache.set(key, html);
    }
    return html;
  },
  set(key: string, html: string): void {
    cache.set(key, html);
    for (const oldest of cache.keys()) {
      if (cache.size <= kept) break;
      cache.delete(oldest);
    }
  },
};
