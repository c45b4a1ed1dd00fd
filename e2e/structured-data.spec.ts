/**
 * Structured data and social meta as search engines and platforms read them from the built pages: every JSON-LD
 * block parses, each page type carries the schema.org type Google's rules ask for with its required properties,
 * and every page has its Open Graph and Twitter card meta.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { readEntries } from './helpers';
import { sitemapPaths } from './site';

type Json = Record<string, any>;

const pages = sitemapPaths();
const ofKind = (pattern: RegExp) => pages.filter((path) => pattern.test(path));
const articlePages = ofKind(/^\/articles\/.+\/$/);
const personPages = ofKind(/^\/people\/[^/]+\/$/);
const topicPages = ofKind(/^\/topics\/[^/]+\/$/);
const quotePages = ofKind(/^\/quotes\/(?!by\/|topic\/|\d+\/)[^/]+\/$/);

/** ISO 8601: a calendar date, or a date and time with its zone. */
const iso8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

async function structuredData(page: Page): Promise<Json[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((block) => JSON.parse(block));
}

const ofType = (things: Json[], type: string) => things.filter((thing) => thing['@type'] === type);
const meta = (page: Page, property: string) => page.locator(`head meta[property="${property}"], head meta[name="${property}"]`);
const pathOf = (url: string) => new URL(url).pathname;

async function expectResolves(request: APIRequestContext, url: string) {
  expect(url, url).toMatch(/^https?:\/\//);
  expect((await request.get(pathOf(url))).status(), url).toBe(200);
}

/** A BreadcrumbList from the home page to this page, each crumb an absolute URL that resolves. */
async function expectBreadcrumbs(request: APIRequestContext, things: Json[], pagePath: string) {
  const [list] = ofType(things, 'BreadcrumbList');
  expect(list, pagePath).toBeDefined();
  const crumbs = list!['itemListElement'] as Json[];
  expect(crumbs.length, pagePath).toBeGreaterThanOrEqual(2);
  expect(crumbs.map((crumb) => crumb['position'])).toEqual(crumbs.map((_, index) => index + 1));
  for (const crumb of crumbs) {
    expect(crumb['@type']).toBe('ListItem');
    expect(crumb['name'], pagePath).toBeTruthy();
    await expectResolves(request, crumb['item']);
  }
  expect(pathOf(crumbs[0]!['item'])).toBe('/');
  expect(pathOf(crumbs.at(-1)!['item'])).toBe(pagePath);
}

test.describe('every page has Open Graph and Twitter card meta, and JSON-LD that parses as schema.org', () => {
  // Crawlers and link previews read the HTML as served, without running scripts.
  test.use({ javaScriptEnabled: false });
  const required = ['og:site_name', 'og:title', 'og:description', 'og:type', 'og:url', 'twitter:card', 'twitter:title', 'twitter:description'];
  // One test per page, so each holds on a busy machine however many pages the site has (issue 16).
  for (const pagePath of [...pages, '/404.html']) {
    test(pagePath, async ({ page }) => {
      await page.goto(pagePath, { waitUntil: 'domcontentloaded' });
      const head = await page.evaluate(() => ({
        meta: Object.fromEntries(
          [...document.querySelectorAll('head meta[property], head meta[name]')].map((m) => [
            m.getAttribute('property') ?? m.getAttribute('name'),
            m.getAttribute('content'),
          ]),
        ),
        canonical: document.querySelector('head link[rel="canonical"]')?.getAttribute('href'),
        jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ''),
      }));
      for (const property of required) expect(head.meta[property], `${pagePath} ${property}`).toMatch(/\S/);
      expect(head.meta['og:url'], pagePath).toBe(head.canonical);
      for (const block of head.jsonLd) {
        const thing = JSON.parse(block) as Json;
        expect(thing['@context'], pagePath).toBe('https://schema.org');
        expect(thing['@type'], pagePath).toEqual(expect.any(String));
      }
    });
  }
});

test.describe('articles are NewsArticles with headline, dates, authors, publisher and logo, and a breadcrumb trail', () => {
  test('one page for each', () => {
    expect(articlePages.length).toBeGreaterThan(0);
  });
  for (const pagePath of articlePages) {
    test(pagePath, async ({ page, request }) => {
      await page.goto(pagePath, { waitUntil: 'domcontentloaded' });
      const things = await structuredData(page);
      const [article] = ofType(things, 'NewsArticle');
      expect(article, pagePath).toBeDefined();
      const { headline, datePublished, dateModified, author, publisher } = article!;
      expect(headline).toEqual(expect.any(String));
      expect(headline.length).toBeLessThanOrEqual(110);
      // The page's headline, or its first words when it is longer than Google takes.
      const title = await page.locator('h1').innerText();
      if (title.length <= 110) expect(headline).toBe(title);
      else expect(title.startsWith(headline.replace(/…$/, ''))).toBe(true);
      expect(datePublished).toMatch(iso8601);
      expect(dateModified).toMatch(iso8601);
      expect(dateModified >= datePublished).toBe(true);
      await expect(page.locator('header time').first()).toHaveAttribute('datetime', datePublished);

      expect(author.length).toBeGreaterThan(0);
      for (const person of author) {
        expect(person).toMatchObject({ '@type': 'Person', name: expect.any(String), url: expect.any(String) });
        await expectResolves(request, person.url);
      }
      expect(publisher).toMatchObject({ '@type': 'Organization', name: 'Newsroom', logo: { '@type': 'ImageObject' } });
      await expectResolves(request, publisher.logo.url);
      expect(pathOf(article!['mainEntityOfPage'])).toBe(pagePath);
      // An image is stated only when the page shows one.
      const shown = await page.locator('.lead-image img').count();
      expect(article!['image']?.length ?? 0).toBe(shown);

      await expect(meta(page, 'og:type')).toHaveAttribute('content', 'article');
      await expect(meta(page, 'article:published_time')).toHaveAttribute('content', datePublished);
      await expect(meta(page, 'article:modified_time')).toHaveAttribute('content', dateModified);
      const authorMeta = await meta(page, 'article:author').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('content')));
      expect(authorMeta).toEqual(author.map((person: Json) => person.url));
      await expectBreadcrumbs(request, things, pagePath);
    });
  }
});

test.describe('person pages are a Person with name and page, and a breadcrumb trail', () => {
  type Role = { title: string; newsroom?: { until?: Date } };
  const entries = new Map(readEntries<{ name: string; roles: Role[] }>('people').map((p) => [p.id, p.data]));
  const people = new Map([...entries].map(([id, data]) => [id, data.name]));
  /** The job a person's page states: their latest role's title, none once the content says it ended. */
  const jobTitle = (id: string) => {
    const role = entries.get(id)!.roles[0]!;
    return role.newsroom?.until !== undefined && new Date(role.newsroom.until).getTime() <= Date.now() ? undefined : role.title;
  };
  test('one page for each', () => {
    expect(personPages.length).toBe(people.size);
  });
  for (const pagePath of personPages) {
    test(pagePath, async ({ page, request }) => {
      await page.goto(pagePath, { waitUntil: 'domcontentloaded' });
      const things = await structuredData(page);
      const [person] = ofType(things, 'Person');
      const id = pagePath.split('/')[2]!;
      expect(person, pagePath).toMatchObject({ name: people.get(id) });
      expect(person!['jobTitle'], pagePath).toBe(jobTitle(id));
      expect(pathOf(person!['url'])).toBe(pagePath);
      await expectBreadcrumbs(request, things, pagePath);
    });
  }
});

test.describe('topic pages are a CollectionPage, with a breadcrumb trail', () => {
  test('one page for each', () => {
    expect(topicPages.length).toBe(readEntries('topics').length);
  });
  for (const pagePath of topicPages) {
    test(pagePath, async ({ page, request }) => {
      await page.goto(pagePath, { waitUntil: 'domcontentloaded' });
      const things = await structuredData(page);
      const [collection] = ofType(things, 'CollectionPage');
      expect(collection?.['name'], pagePath).toBe(await page.locator('h1').innerText());
      expect(pathOf(collection!['url'])).toBe(pagePath);
      await expectBreadcrumbs(request, things, pagePath);
    });
  }
});

test.describe('quote pages are a Quotation of the words as filed, by its speaker, with a breadcrumb trail', () => {
  const quotes = new Map(readEntries<{ text: string | string[]; speaker: string }>('quotes').map((q) => [q.id, q.data]));
  const people = new Map(readEntries<{ name: string }>('people').map((p) => [p.id, p.data.name]));
  test('one page for each', () => {
    expect(quotePages.length).toBe(quotes.size);
  });
  for (const pagePath of quotePages) {
    test(pagePath, async ({ page, request }) => {
      const quote = quotes.get(pagePath.split('/')[2]!)!;
      await page.goto(pagePath, { waitUntil: 'domcontentloaded' });
      const things = await structuredData(page);
      const [quotation] = ofType(things, 'Quotation');
      expect(quotation, pagePath).toMatchObject({
        text: [quote.text].flat().join(' '),
        spokenByCharacter: { '@type': 'Person', name: people.get(quote.speaker) },
        isPartOf: { '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'Newsroom' } },
      });
      expect(pathOf(quotation!['url'])).toBe(pagePath);
      await expectResolves(request, quotation!['spokenByCharacter']['url']);
      await expectResolves(request, quotation!['isPartOf']['url']);
      if (quotation!['dateCreated']) expect(quotation!['dateCreated']).toMatch(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);
      await expectBreadcrumbs(request, things, pagePath);
    });
  }
});
