import type { AstroPrerenderer } from 'astro';
import { describe, expect, it } from 'vitest';
import { indexPagesFirst } from './index-pages-first';

type Path = Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>[number];
const route = {} as Path['route'];
const paths = (...pathnames: string[]): Path[] => pathnames.map((pathname) => ({ pathname, route }));

/** Astro's prerenderer as far as the wrapper sees it: each render takes a turn of the event loop and is logged. */
function standard(pathnames: string[], failing = new Set<string>()) {
  const log: string[] = [];
  const prerenderer: AstroPrerenderer = {
    name: 'astro:default',
    getStaticPaths: async () => paths(...pathnames),
    async render(request) {
      const pathname = new URL(request.url).pathname;
      log.push(`start ${pathname}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`end ${pathname}`);
      if (failing.has(pathname)) throw new Error(`${pathname} failed`);
      return new Response(pathname);
    },
  };
  return { prerenderer, log };
}

/** Renders every path as Astro does: in the order given, `concurrency` at a time. */
async function renderAll(prerenderer: AstroPrerenderer, concurrency = 8) {
  const list = await prerenderer.getStaticPaths();
  const results = new Map<string, string>();
  let next = 0;
  const lane = async () => {
    while (next < list.length) {
      const { pathname, route } = list[next++]!;
      try {
        const rendered = await prerenderer.render(new Request(`http://localhost${pathname}`), { routeData: route });
        results.set(pathname, await (rendered instanceof Response ? rendered : rendered.response).text());
      } catch (error) {
        results.set(pathname, (error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { order: list.map((path) => path.pathname), results };
}

const site = ['/404.html', '/api/v1/articles.json', '/api/v1/quotes.json', '/articles/a/', '/articles/new/', '/people/', '/quotes/1/'];

describe('indexPagesFirst', () => {
  it('puts the pages the index waits for first, the others in Astro’s order after them', async () => {
    const { prerenderer } = standard(site);
    const { order } = await renderAll(indexPagesFirst(prerenderer, () => ['/articles/new/', '/articles/a/']));
    expect(order).toEqual(['/articles/a/', '/articles/new/', '/404.html', '/api/v1/articles.json', '/api/v1/quotes.json', '/people/', '/quotes/1/']);
  });

  it('starts no other page until those are rendered, and renders every page once', async () => {
    const { prerenderer, log } = standard(site);
    const { results } = await renderAll(indexPagesFirst(prerenderer, () => ['/articles/new/']));
    expect(log.slice(0, 2)).toEqual(['start /articles/new/', 'end /articles/new/']);
    expect(log.filter((line) => line.startsWith('start')).sort()).toEqual(site.map((pathname) => `start ${pathname}`).sort());
    expect([...results.values()].sort()).toEqual([...site].sort());
  });

  it('lets the other pages render when one it waits for fails, and passes the failure on', async () => {
    const { prerenderer } = standard(site, new Set(['/articles/new/']));
    const { results } = await renderAll(indexPagesFirst(prerenderer, () => ['/articles/new/']));
    expect(results.get('/articles/new/')).toBe('/articles/new/ failed');
    expect(results.get('/people/')).toBe('/people/');
  });

  it('changes nothing when the index waits for no page, or for pages Astro was not given', async () => {
    for (const waiting of [[], ['/articles/gone/']]) {
      const { prerenderer, log } = standard(site);
      const { order, results } = await renderAll(indexPagesFirst(prerenderer, () => waiting), 2);
      expect(order).toEqual(site);
      expect(log.slice(0, 2)).toEqual([`start ${site[0]}`, `start ${site[1]}`]);
      expect(results.size).toBe(site.length);
    }
  });

  it('matches a page whatever its trailing slash or encoding, and renders a path that is not valid percent-encoding', async () => {
    const { prerenderer } = standard(['/people/', '/articles/café', '/odd%/']);
    const { order, results } = await renderAll(indexPagesFirst(prerenderer, () => ['/articles/caf%C3%A9/']));
    expect(order).toEqual(['/articles/café', '/people/', '/odd%/']);
    expect(results.get('/odd%/')).toBe('/odd%/');
  });
});
