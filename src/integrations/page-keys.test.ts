import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { smallSite } from '@/test-support/small-site';
import { cacheKey, keyedListing } from '@/lib/content/shown';
import { dataCollections } from '@/lib/outputs/api';
import { apiSchemaNames } from '@/lib/outputs/api-schemas';
import { routeMapKey, routeMapsInSite } from '@/lib/map/route-map';
import {
  apiArticleUrl,
  apiCollectionUrl,
  apiSchemaUrl,
  articleCardUrl,
  articleLocatorUrl,
  articleUrl,
  personFeedUrl,
  personUrl,
  quotesByUrl,
  quotesOnTopicUrl,
  quotesUrl,
  quoteUrl,
  routeMapFileUrl,
  topicFeedUrl,
  topicUrl,
} from '@/lib/shared/urls';
import { liveOutputEnv } from './seeded-output';
import pageKeys, { fillRoute, keptFileText, keptPageNames, keyedFiles, keyedPages, nextPagesEnv, recordAssets, outputFile, previousPagesEnv, withKeptPages, type PagesManifest } from './page-keys';

const site = smallSite();
const pagesDir = path.resolve(import.meta.dirname, '../pages');

/** Each route under src/pages that keys its paths, as Astro names its pattern ("/quotes/by/[person]/[...page]"). */
const keyedRoutes = (fs.readdirSync(pagesDir, { recursive: true }) as string[])
  .filter((file) => /\.(astro|ts)$/.test(file) && /\bkeyed(Pages|Files)\(/.test(fs.readFileSync(path.join(pagesDir, file), 'utf8')))
  .map((file) => `/${file.split(path.sep).join('/').replace(/\.(astro|ts)$/, '')}`)
  .sort();

describe('fillRoute: the path Astro builds for each keyed route, which is the address the site links to', () => {
  // Each route's params as its getStaticPaths makes them (from the small site), and the link src/lib/shared/urls.ts
  // makes for the same thing.
  const article = site.articles[0]!;
  const person = site.people[0]!;
  const topic = site.topics[0]!;
  const quote = site.quotes[0]!;
  const mapRoutes = routeMapsInSite(site)[0]!;
  const cases: Record<string, { page: boolean; params: Record<string, string | undefined>; url: string }[]> = {
    '/[cards]/articles/[...file]': [{ page: false, params: { cards: 'cards', file: `${article.id}.png` }, url: articleCardUrl(article.id) }],
    '/api/v1/[collection].json': dataCollections.map((collection) => ({ page: false, params: { collection }, url: apiCollectionUrl(collection) })),
    '/api/v1/articles/[...id].json': [
      { page: false, params: { id: article.id }, url: apiArticleUrl(article.id) },
      { page: false, params: { id: 'world/2026/a-nested-id' }, url: apiArticleUrl('world/2026/a-nested-id') },
    ],
    '/api/v1/schemas/[name].schema.json': apiSchemaNames.map((name) => ({ page: false, params: { name }, url: apiSchemaUrl(name) })),
    '/articles/[...id]': [
      { page: true, params: { id: article.id }, url: articleUrl(article.id) },
      { page: true, params: { id: 'world/2026/a-nested-id' }, url: articleUrl('world/2026/a-nested-id') },
    ],
    '/maps/articles/[...file]': [
      { page: false, params: { file: `${article.id}.svg` }, url: articleLocatorUrl(article.id, 'light') },
      { page: false, params: { file: `${article.id}.dark.svg` }, url: articleLocatorUrl(article.id, 'dark') },
    ],
    '/maps/routes/[file]': (['svg', 'dark.svg', 'json'] as const).map((kind) => ({
      page: false,
      params: { file: `${routeMapKey(mapRoutes)}.${kind}` },
      url: routeMapFileUrl(routeMapKey(mapRoutes), kind),
    })),
    '/people/[id]': [{ page: true, params: { id: person.id }, url: personUrl(person.id) }],
    '/people/[id]/rss.xml': [{ page: false, params: { id: person.id }, url: personFeedUrl(person.id) }],
    '/quotes/[...page]': [
      { page: true, params: { page: undefined }, url: quotesUrl() },
      { page: true, params: { page: '3' }, url: quotesUrl(3) },
    ],
    '/quotes/[id]': [{ page: true, params: { id: quote.id }, url: quoteUrl(quote.id) }],
    '/quotes/by/[person]/[...page]': [
      { page: true, params: { person: person.id, page: undefined }, url: quotesByUrl(person.id) },
      { page: true, params: { person: person.id, page: '2' }, url: quotesByUrl(person.id, 2) },
    ],
    '/quotes/topic/[topic]/[...page]': [
      { page: true, params: { topic: topic.id, page: undefined }, url: quotesOnTopicUrl(topic.id) },
      { page: true, params: { topic: topic.id, page: '1' }, url: quotesOnTopicUrl(topic.id, 1) },
    ],
    '/topics/[id]': [{ page: true, params: { id: topic.id }, url: topicUrl(topic.id) }],
    '/topics/[id]/rss.xml': [{ page: false, params: { id: topic.id }, url: topicFeedUrl(topic.id) }],
  };

  it('has a case for every route under src/pages that keys its paths', () => {
    expect(keyedRoutes.length).toBeGreaterThan(0);
    expect(Object.keys(cases).sort()).toEqual(keyedRoutes);
  });

  it.each(Object.entries(cases))('%s', (routePattern, examples) => {
    expect(mapRoutes.length).toBeGreaterThan(0);
    for (const { page, params, url } of examples) expect(fillRoute(routePattern, params, page)).toBe(url);
  });

  it("leaves out an undefined rest parameter: a listing's front page, as its getStaticPaths makes it", () => {
    const front = keyedListing(site, site.quotesBy(quote.data.speaker.id), { speaker: quote.data.speaker.id }).find(({ page }) => page.number === undefined)!;
    const params = { person: quote.data.speaker.id, page: front.page.number === undefined ? undefined : String(front.page.number) };
    expect(fillRoute('/quotes/by/[person]/[...page]', params, true)).toBe(`/quotes/by/${quote.data.speaker.id}/`);
    expect(fillRoute('/quotes/[...page]', {}, true)).toBe('/quotes/');
  });

  it('throws when a required parameter has no value, naming the route and the parameter', () => {
    expect(() => fillRoute('/quotes/by/[person]/[...page]', { page: '2' }, true)).toThrow(
      'Route /quotes/by/[person]/[...page]: no value for the parameter "person".',
    );
    expect(() => fillRoute('/api/v1/[collection].json', {}, false)).toThrow('Route /api/v1/[collection].json: no value for the parameter "collection".');
  });
});

describe('outputFile: where a path is written, relative to the site', () => {
  it("a page is its folder's index.html (build.format 'directory')", () => {
    expect(outputFile('/quotes/abc/', true)).toBe('quotes/abc/index.html');
    expect(outputFile(fillRoute('/quotes/[...page]', { page: undefined }, true), true)).toBe('quotes/index.html');
    expect(outputFile(fillRoute('/articles/[...id]', { id: 'world/2026/x' }, true), true)).toBe('articles/world/2026/x/index.html');
  });

  it('a file is its path', () => {
    expect(outputFile('/api/v1/people.json', false)).toBe('api/v1/people.json');
    expect(outputFile(fillRoute('/[cards]/articles/[...file]', { cards: 'cards', file: 'x.png' }, false), false)).toBe('cards/articles/x.png');
  });
});

describe('keyedPages and keyedFiles: what a build renders, and the manifest it writes', () => {
  const stateKey = Symbol.for('newsroom.page-keys');
  const reset = () => delete (globalThis as Record<symbol, unknown>)[stateKey];
  let scratch: string;
  const savedEnv = { previous: process.env[previousPagesEnv], next: process.env[nextPagesEnv] };
  const restoreEnv = (name: string, value: string | undefined) => (value === undefined ? delete process.env[name] : (process.env[name] = value));

  // Keys as the routes make them (src/lib/content/shown.ts): an entry's key changes with its digest, as when it is edited.
  const keyOf = (collection: string, id: string, digest: number) => cacheKey([{ collection, id, digest }]);
  const quotePaths = (digests: Record<string, number>) =>
    Object.entries(digests).map(([id, digest]) => ({ params: { id }, props: { id }, cacheKey: keyOf('quotes', id, digest) }));
  const feedPaths = (digests: Record<string, number>) =>
    Object.entries(digests).map(([id, digest]) => ({ params: { id }, cacheKey: keyOf('people', id, digest) }));
  const logger = () => ({ info: vi.fn() });
  const buildDone = (integration: AstroIntegration, pages: { pathname: string }[], log = logger()) =>
    integration.hooks['astro:build:done']!({ pages, dir: new URL('file:///site/'), assets: new Map(), logger: log as unknown as AstroIntegrationLogger });
  /** Every page written: when the manifest is written. */
  const generated = (log = logger()) =>
    pageKeys().hooks['astro:build:generated']!({ dir: new URL('file:///site/'), routeToHeaders: new Map(), logger: log as unknown as AstroIntegrationLogger });

  /** A first build of the quote pages abc, def, ghi and the person feeds pat, quinn, its manifest written where build.mjs asks. */
  async function firstBuild(): Promise<string> {
    const manifest = path.join(scratch, 'pages.json');
    process.env[nextPagesEnv] = manifest;
    keyedPages('/quotes/[id]', quotePaths({ abc: 1, def: 1, ghi: 1 }));
    keyedFiles('/people/[id]/rss.xml', feedPaths({ pat: 1, quinn: 1 }));
    await generated();
    reset();
    return manifest;
  }

  beforeEach(() => {
    reset();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-page-keys-'));
    delete process.env[previousPagesEnv];
    delete process.env[nextPagesEnv];
  });
  afterEach(() => {
    reset();
    fs.rmSync(scratch, { recursive: true, force: true });
    restoreEnv(previousPagesEnv, savedEnv.previous);
    restoreEnv(nextPagesEnv, savedEnv.next);
  });

  it('without a previous manifest returns every path, without its key, and records each', async () => {
    const pages = quotePaths({ abc: 1, def: 1 });
    expect(keyedPages('/quotes/[id]', pages)).toEqual([
      { params: { id: 'abc' }, props: { id: 'abc' } },
      { params: { id: 'def' }, props: { id: 'def' } },
    ]);
    expect(keyedFiles('/people/[id]/rss.xml', feedPaths({ pat: 1 }))).toEqual([{ params: { id: 'pat' } }]);
    expect(keptPageNames()).toEqual([]);

    const manifest = path.join(scratch, 'next.json');
    process.env[nextPagesEnv] = manifest;
    const log = logger();
    await generated(log);
    expect(JSON.parse(fs.readFileSync(manifest, 'utf8'))).toEqual({
      version: 1,
      paths: {
        '/quotes/abc/': { key: keyOf('quotes', 'abc', 1), file: 'quotes/abc/index.html', page: true },
        '/quotes/def/': { key: keyOf('quotes', 'def', 1), file: 'quotes/def/index.html', page: true },
        '/people/pat/rss.xml': { key: keyOf('people', 'pat', 1), file: 'people/pat/rss.xml', page: false },
      },
    } satisfies PagesManifest);
    // A full build has nothing to say about what it kept.
    expect(log.info).not.toHaveBeenCalled();
  });

  it('with a previous manifest returns only the changed and new paths, and counts the unchanged ones as kept', async () => {
    process.env[previousPagesEnv] = await firstBuild();
    const next = path.join(scratch, 'next.json');
    process.env[nextPagesEnv] = next;

    // def edited, jkl new, ghi gone; quinn's feed changed.
    expect(keyedPages('/quotes/[id]', quotePaths({ abc: 1, def: 2, jkl: 1 })).map(({ params }) => params.id)).toEqual(['def', 'jkl']);
    expect(keyedFiles('/people/[id]/rss.xml', feedPaths({ pat: 1, quinn: 2 })).map(({ params }) => params.id)).toEqual(['quinn']);

    const log = logger();
    await generated(log);
    expect(log.info).toHaveBeenCalledWith('2 keyed files unchanged since the last build, left in place; 3 rendered.');
    // The new manifest holds every path this build makes, kept or rendered, and not the one it no longer makes.
    const written = JSON.parse(fs.readFileSync(next, 'utf8')) as PagesManifest;
    expect(Object.keys(written.paths).sort()).toEqual(['/people/pat/rss.xml', '/people/quinn/rss.xml', '/quotes/abc/', '/quotes/def/', '/quotes/jkl/']);
    expect(written.paths['/quotes/def/']!.key).toBe(keyOf('quotes', 'def', 2));
  });

  it('gives the text of a file left in place from the live site, and nothing for one this build renders or outside a build from it', async () => {
    process.env[previousPagesEnv] = await firstBuild();
    const live = path.join(scratch, 'live');
    fs.mkdirSync(path.join(live, 'people', 'pat'), { recursive: true });
    fs.writeFileSync(path.join(live, 'people', 'pat', 'rss.xml'), "<rss>pat's feed</rss>");
    keyedFiles('/people/[id]/rss.xml', feedPaths({ pat: 1, quinn: 2 }));
    expect(keptFileText('/people/[id]/rss.xml', { id: 'pat' })).toBeUndefined();
    process.env[liveOutputEnv] = live;
    try {
      expect(keptFileText('/people/[id]/rss.xml', { id: 'pat' })).toBe("<rss>pat's feed</rss>");
      expect(keptFileText('/people/[id]/rss.xml', { id: 'quinn' })).toBeUndefined();
      expect(keptFileText('/people/[id]/rss.xml', { id: 'nobody' })).toBeUndefined();
    } finally {
      delete process.env[liveOutputEnv];
    }
  });

  it("a previous key counts only for its own path: another route's paths with the same keys are rendered", async () => {
    process.env[previousPagesEnv] = await firstBuild();
    // The same ids and keys, but as topic pages: other paths, so nothing is in place.
    expect(keyedPages('/topics/[id]', quotePaths({ abc: 1, def: 1 }))).toHaveLength(2);
    expect(keptPageNames()).toEqual([]);
  });

  it("keeps the images Astro's image pipeline made for a page, and a page left in place carries them to the next manifest", async () => {
    const first = path.join(scratch, 'pages.json');
    process.env[nextPagesEnv] = first;
    keyedPages('/quotes/[id]', quotePaths({ abc: 1, def: 1 }));
    // As the CSP middleware hands over each rendered page: a lead image in two formats and sizes, named twice in a
    // srcset; the bundles' scripts and styles under /_astro/ are no images of a page.
    recordAssets(
      '/quotes/abc/',
      '<link rel="stylesheet" href="/_astro/BaseLayout.CPhOArRb.css"><script src="/_astro/urls.DqCE7cNX.js"></script>' +
        '<picture><source srcset="/_astro/photo.Ab1_x.avif 400w, /_astro/photo.Cd2-y.avif 800w"><img src="/_astro/photo.Ef3.webp" srcset="/_astro/photo.Ef3.webp 400w"></picture>',
    );
    recordAssets('/quotes/def/', '<p>No picture.</p>');
    await generated();
    const written = (JSON.parse(fs.readFileSync(first, 'utf8')) as PagesManifest).paths;
    expect(written['/quotes/abc/']!.assets).toEqual(['_astro/photo.Ab1_x.avif', '_astro/photo.Cd2-y.avif', '_astro/photo.Ef3.webp']);
    expect(written['/quotes/def/']!.assets).toBeUndefined();

    // Next build: abc unchanged (left in place, its images with it), def edited and rendered again.
    reset();
    process.env[previousPagesEnv] = first;
    const next = path.join(scratch, 'next.json');
    process.env[nextPagesEnv] = next;
    expect(keyedPages('/quotes/[id]', quotePaths({ abc: 1, def: 2 })).map(({ params }) => params.id)).toEqual(['def']);
    await generated();
    expect((JSON.parse(fs.readFileSync(next, 'utf8')) as PagesManifest).paths['/quotes/abc/']!.assets).toEqual(written['/quotes/abc/']!.assets);
  });

  it('keptPageNames lists the pages left in place as Astro names built pages, and no files', async () => {
    process.env[previousPagesEnv] = await firstBuild();
    keyedPages('/quotes/[id]', quotePaths({ abc: 1, def: 2, ghi: 1 }));
    keyedFiles('/people/[id]/rss.xml', feedPaths({ pat: 1, quinn: 1 }));
    expect(keptPageNames().sort()).toEqual(['quotes/abc/', 'quotes/ghi/']);
  });

  it("withKeptPages gives the wrapped integration's astro:build:done the built pages and the kept ones", async () => {
    process.env[previousPagesEnv] = await firstBuild();
    keyedPages('/quotes/[id]', quotePaths({ abc: 1, def: 2 }));
    const seen: { pages: string[]; dir: string }[] = [];
    const sitemap: AstroIntegration = {
      name: 'sitemap',
      hooks: { 'astro:build:done': ({ pages, dir }) => void seen.push({ pages: pages.map((page) => page.pathname), dir: dir.href }) },
    };
    const wrapped = withKeptPages(sitemap);
    expect(wrapped.name).toBe('sitemap');
    // Astro built the edited quote's page and the home page; abc's was left in place. They come in the sitemap's own
    // order (numbers by value), so its sort finds them sorted.
    await buildDone(wrapped, [{ pathname: 'quotes/def/' }, { pathname: 'quotes/10/' }, { pathname: '' }, { pathname: 'quotes/9/' }]);
    const sitemapOrder = (paths: string[]) => [...paths].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect(seen).toEqual([{ pages: sitemapOrder(['', 'quotes/9/', 'quotes/10/', 'quotes/abc/', 'quotes/def/']), dir: 'file:///site/' }]);
    expect(seen[0]!.pages).toEqual(['', 'quotes/9/', 'quotes/10/', 'quotes/abc/', 'quotes/def/']);
  });

  it('withKeptPages leaves an integration without astro:build:done as it was', () => {
    const other: AstroIntegration = { name: 'other', hooks: {} };
    expect(withKeptPages(other)).toBe(other);
  });
});
