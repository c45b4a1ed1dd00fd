/**
 * What other programs get from the built site: the RSS feeds and the content API (/api/v1/), read as a feed reader
 * or an API client would, with a real XML parser, JSON.parse and a JSON Schema validator (Ajv) given the schemas the
 * API itself publishes; and checked against the content folder the site was built from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { schemaProblems } from '../src/test-support/json-schema';
import { normalize, readArticles, readEntries, seedArticleUrl, seedLines } from './helpers';
import { sitemapPaths } from './site';

type Json = Record<string, any>;

/** Absolute URLs carry the configured site's origin; the test server has its own, so requests go by path. */
const pathOf = (url: string) => {
  const { pathname, search } = new URL(url, 'http://site.invalid');
  return pathname + search;
};

async function getJson(request: APIRequestContext, url: string): Promise<Json> {
  const response = await request.get(pathOf(url));
  expect(response.status(), url).toBe(200);
  return JSON.parse(await response.text());
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

async function getFeed(request: APIRequestContext, path: string): Promise<Json> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return xml.parse(await response.text()).rss;
}

test.describe('the content API', () => {
  let index: Json;
  const documents = new Map<string, Json>();
  const collection = (name: string): Json => documents.get(name)!;

  test.beforeAll(async ({ request }) => {
    index = await getJson(request, '/api/v1/index.json');
    for (const { name, url } of index['collections']) documents.set(name, await getJson(request, url));
  });

  test('the index validates against its schema and lists every collection with its document, schema and count', async ({ request }) => {
    expect(schemaProblems(await getJson(request, index['schema']), index)).toEqual([]);
    expect(index['collections'].map((c: Json) => c['name'])).toEqual(['articles', 'people', 'quotes', 'figures', 'topics', 'places', 'routes']);
    for (const { name, count } of index['collections']) {
      const document = collection(name);
      expect(name === 'routes' ? document['features'].length : document['items'].length, name).toBe(count);
    }
  });

  test('every document validates against the JSON Schema the index names for it', async ({ request }) => {
    for (const { name, schema } of index['collections']) {
      expect(schemaProblems(await getJson(request, schema), collection(name)), name).toEqual([]);
    }
  });

  test('each article has its own document, valid against its schema and the same as its entry in articles.json', async ({ request }) => {
    const [articles] = index['collections'];
    const itemSchema = await getJson(request, articles['itemSchema']);
    expect(articles['itemUrls']).toEqual(collection('articles')['items'].map((a: Json) => a['apiUrl']));
    for (const [position, url] of (articles['itemUrls'] as string[]).entries()) {
      const article = await getJson(request, url);
      expect(schemaProblems(itemSchema, article), url).toEqual([]);
      expect(article).toEqual(collection('articles')['items'][position]);
    }
  });

  test('holds every published entry of the content folder, by id, with its words as written', () => {
    const drafts = new Set(readArticles<{ draft?: boolean }>().filter((a) => a.data.draft).map((a) => a.id));
    const ids = (name: string) => collection(name)['items'].map((item: Json) => item['id']).sort();
    expect(ids('articles')).toEqual(readArticles().map((a) => a.id).filter((id) => !drafts.has(id)).sort());
    for (const name of ['people', 'topics', 'places']) expect(ids(name), name).toEqual(readEntries(name).map((e) => e.id).sort());

    const quotes = readEntries<{ text: string | string[]; speaker: string; article: string }>('quotes').filter((q) => !drafts.has(q.data.article));
    expect(ids('quotes')).toEqual(quotes.map((q) => q.id).sort());
    for (const { id, data } of quotes) {
      const quote = collection('quotes')['items'].find((item: Json) => item['id'] === id);
      expect(quote['segments'], id).toEqual(list(data.text));
      expect(quote['text'], id).toBe(list(data.text).join(' '));
      expect(quote['speaker'], id).toBe(data.speaker);
    }
    const figures = readEntries<{ article: string }>('figures').filter((f) => !drafts.has(f.data.article));
    expect(ids('figures')).toEqual(figures.map((f) => f.id).sort());
    expect(collection('routes')['features'].map((f: Json) => f['id']).sort()).toEqual(readEntries('routes').map((r) => r.id).sort());
  });

  test('gives the seed article\'s body as plain text that is DW\'s prose, paragraph by paragraph', () => {
    const article = collection('articles')['items'].find((a: Json) => pathOf(a['url']) === seedArticleUrl);
    // As in e2e/article.spec.ts: the body lines of the seed, less a related link and an infographic's alt and caption.
    const notProse = [
      "Ukraine, Belarus, Kazakhstan: Putin's backyard?",
      'infographic of the Caspian Pipeline route',
      'The Caspian Pipeline Consortium handles most exports of Kazakh oil and gas.',
    ];
    const prose = seedLines().slice(9, -1).filter((line) => !notProse.includes(line));
    expect(article['body']['text'].split('\n\n').map(normalize)).toEqual(prose);
    // The MDX as written: each quote a mark around its words, as in the article's file.
    const source = fs.readFileSync(path.resolve(process.env.CONTENT_DIR ?? 'content', 'articles', `${article['id']}.mdx`), 'utf8');
    const mark = /<Quote id="vassilenko-not-silence"[^>]*>[^<]*<\/Quote>/.exec(source)![0];
    expect(article['body']['mdx']).toContain(mark);
    expect(article['body']['html']).toContain(`href="${index['site']['url']}quotes/vassilenko-not-silence/"`);
  });

  test('every URL it gives resolves on the site, #fragments included', async ({ request }) => {
    const urls = new Set<string>();
    const collect = (value: unknown, key = ''): void => {
      if (typeof value === 'string' && /url$/i.test(key) && /^https?:/.test(value)) urls.add(value);
      else if (Array.isArray(value)) value.forEach((item) => collect(item, key === 'itemUrls' ? 'url' : key));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, k);
    };
    collect(index);
    for (const document of documents.values()) collect(document);
    // Other hosts appear only where the content names them (an original's address): those are not the site's to check.
    const onSite = [...urls].filter((url) => url.startsWith(index['site']['url']));
    const entries = ['people', 'quotes', 'topics'].reduce((sum, name) => sum + collection(name)['items'].length, 0);
    expect(onSite.length).toBeGreaterThan(entries);

    const pages = new Map<string, string>();
    for (const url of onSite) {
      const path = new URL(url).pathname;
      if (!pages.has(path)) {
        const response = await request.get(path);
        expect(response.status(), url).toBe(200);
        pages.set(path, await response.text());
      }
      const fragment = new URL(url).hash.slice(1);
      if (fragment) expect(pages.get(path), url).toContain(`id="${fragment}"`);
    }
  });

  test('routes.geojson draws each route through its waypoints\' coordinates, [longitude, latitude]', () => {
    const places = new Map(collection('places')['items'].map((p: Json) => [p['id'], p['location']]));
    for (const feature of collection('routes')['features']) {
      expect(feature['geometry']['type']).toBe('LineString');
      expect(feature['geometry']['coordinates'], feature['id']).toEqual(
        feature['properties']['waypoints'].map((w: Json) => {
          const location = places.get(w['place']) as { lat: number; lon: number };
          return [location.lon, location.lat];
        }),
      );
    }
  });
});

test.describe('the RSS feeds', () => {
  let articles: Json[];
  let feeds: { path: string; page: string; expected: string[] }[];

  test.beforeAll(async ({ request }) => {
    articles = (await getJson(request, '/api/v1/articles.json'))['items'];
    const quotes: Json[] = (await getJson(request, '/api/v1/quotes.json'))['items'];
    const topics: Json[] = (await getJson(request, '/api/v1/topics.json'))['items'];
    const people: Json[] = (await getJson(request, '/api/v1/people.json'))['items'];
    const linksOf = (chosen: Json[]) => chosen.map((article) => article['url']);
    // A person's articles: written, edited, named in the frontmatter, quoted, or linked in the body with <Person>.
    const withPerson = (id: string) =>
      articles.filter(
        (article) =>
          [...article['authors'], ...article['editors'], ...article['people']].includes(id) ||
          quotes.some((quote) => quote['speaker'] === id && quote['article'] === article['id']) ||
          article['body']['mdx'].includes(`<Person id="${id}"`),
      );
    feeds = [
      { path: '/rss.xml', page: '/', expected: linksOf(articles) },
      ...topics.map((topic) => ({
        path: pathOf(topic['feedUrl']),
        page: pathOf(topic['url']),
        expected: linksOf(articles.filter((article) => article['topics'].includes(topic['id']))),
      })),
      ...people.map((person) => ({ path: pathOf(person['feedUrl']), page: pathOf(person['url']), expected: linksOf(withPerson(person['id'])) })),
    ];
  });

  test('each feed is RSS 2.0 naming its page, language and own address, with its articles newest first', async ({ request }) => {
    for (const { path, page, expected } of feeds) {
      const rss = await getFeed(request, path);
      expect(rss['@version'], path).toBe('2.0');
      const { channel } = rss;
      expect(channel.title, path).toMatch(/^Newsroom/);
      expect(channel.description, path).toBeTruthy();
      expect(pathOf(channel.link), path).toBe(page);
      expect(channel.language, path).toBe('en');
      expect(channel['atom:link'], path).toMatchObject({ '@rel': 'self', '@type': 'application/rss+xml' });
      expect(pathOf(channel['atom:link']['@href']), path).toBe(path);
      expect(list(channel.item).map((item: Json) => item['link']), path).toEqual(expected);
    }
    // The seed article is in the site feed, its authors' and editors' feeds, and the feeds of those it quotes.
    const seedFeeds = feeds.filter(({ expected }) => expected.some((url) => pathOf(url) === seedArticleUrl)).map(({ path }) => path);
    expect(seedFeeds).toEqual(expect.arrayContaining(['/rss.xml', '/people/teri-schultz/rss.xml', '/people/rob-mudge/rss.xml', '/people/roman-vassilenko/rss.xml', '/topics/kazakhstan/rss.xml']));
  });

  test('each item has a headline, link, guid, date, teaser, authors and topics, and its link is a page of the site', async ({ request }) => {
    const pages = new Set(sitemapPaths());
    for (const { path } of feeds) {
      for (const item of list((await getFeed(request, path)).channel.item) as Json[]) {
        const article = articles.find((a) => a['url'] === item['link'])!;
        expect(article, `${path}: ${item['link']}`).toBeDefined();
        expect(item['title']).toBe(article['title']);
        expect(item['description']).toBe(article['teaser']);
        expect(item['guid']).toEqual({ '#text': item['link'], '@isPermaLink': 'true' });
        expect(new Date(item['pubDate']).toISOString().slice(0, 10)).toBe(article['published']);
        expect(list(item['category']).length).toBe(article['topics'].length);
        expect(list(item['dc:creator']).length).toBe(article['authors'].length);
        expect(pages.has(pathOf(item['link'])), item['link']).toBe(true);
        expect((await request.get(pathOf(item['link']))).status()).toBe(200);
      }
    }
  });

  test('topic and person pages list their feed in <head> and link to it visibly', async ({ page }) => {
    for (const { path, page: pagePath } of feeds.filter((feed) => feed.page !== '/')) {
      await page.goto(pagePath, { waitUntil: 'domcontentloaded' });
      await expect(page.locator(`head link[rel="alternate"][type="application/rss+xml"][href="${path}"]`), pagePath).toHaveCount(1);
      await expect(page.locator(`main a[href="${path}"]`), pagePath).toBeVisible();
      await expect(page.locator(`main a[href="${path}"]`), pagePath).toContainText('RSS feed');
    }
  });
});
