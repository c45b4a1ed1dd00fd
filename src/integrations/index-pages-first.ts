/**
 * Astro's prerenderer with the pages the search index waits for rendered before any other (issue 14).
 *
 * Astro asks every route for its paths, then renders them eight at a time in the order the routes come: the API's
 * documents first, among them the ones that hold every article (`/api/v1/articles.json`, `quotes.json`). A publish's
 * new article page shared the thread with those and reached the index about 0.3 s after the last path was known, and
 * Pagefind can only write the index (about 2 s at 1,000 articles) once it has that page. So the pages the index
 * waits for go first, and no other page starts rendering until they are rendered: in a publish the index gets the new
 * article as soon as Astro renders anything, in a cold build every article page before the other 14,000 paths.
 *
 * Every page is still rendered once, by Astro's own prerenderer, and what it writes does not depend on the order.
 */
import type { AstroPrerenderer } from 'astro';

/** A URL's path as both Astro's requests and the index's plan spell it, whatever the trailing slash or encoding. */
function pathKey(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURI(pathname);
  } catch {
    // Not percent-encoded as a URL would be (a path with a lone "%"): taken as it is.
  }
  return decoded.replace(/\/+$/, '') || '/';
}

/**
 * Wraps Astro's prerenderer (`setPrerenderer` at astro:build:start). `waitingFor` is asked once every route's paths
 * are known (the articles route's getStaticPaths has planned the index by then) and gives the URLs of the pages the
 * index waits for.
 */
export function indexPagesFirst(standard: AstroPrerenderer, waitingFor: () => Iterable<string>): AstroPrerenderer {
  // The first pages not yet rendered; the others wait until there are none. Only paths Astro was given count, and
  // they come first in its list, so each of them is rendered before any page waits.
  const pending = new Set<string>();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const done = (key: string) => {
    if (pending.delete(key) && pending.size === 0) release();
  };

  const prerenderer: AstroPrerenderer = {
    name: `newsroom:index-pages-first(${standard.name})`,
    setup: async () => standard.setup?.(),
    async getStaticPaths() {
      const paths = await standard.getStaticPaths();
      const wanted = new Set([...waitingFor()].map(pathKey));
      const first = paths.filter((path) => wanted.has(pathKey(path.pathname)));
      for (const path of first) pending.add(pathKey(path.pathname));
      if (pending.size === 0) release();
      return [...first, ...paths.filter((path) => !wanted.has(pathKey(path.pathname)))];
    },
    async render(request, options) {
      const key = pathKey(new URL(request.url).pathname);
      if (!pending.has(key)) {
        await released;
        return standard.render(request, options);
      }
      try {
        return await standard.render(request, options);
      } finally {
        done(key);
      }
    },
    teardown: async () => standard.teardown?.(),
  };
  if (standard.collectStaticImages) prerenderer.collectStaticImages = () => standard.collectStaticImages!();
  return prerenderer;
}
