import { expect, test } from '@playwright/test';
import { quoted } from '../src/lib/rules/typography';
import { frontPageLimits } from '../src/lib/rules/front-page';
import { normalize, readArticles, readEntries } from './helpers';

/**
 * The front page (issue 17): the lead story with its map, the latest quotes, topics and people in the news, each
 * list bounded. Expected values come from the content files.
 */
type ArticleData = { title: string; teaser: string; published: Date | string; topics: string[]; draft?: boolean; authors: string[] };
type QuoteData = { text: string | string[]; speaker: string; kind: string; article: string };
const articles = readArticles<ArticleData>()
  .filter(({ data }) => !data.draft)
  .sort((a, b) => new Date(b.data.published).getTime() - new Date(a.data.published).getTime());
const published = new Set(articles.map(({ id }) => id));
const quotes = readEntries<QuoteData>('quotes').filter(({ data }) => published.has(data.article));
const people = readEntries<{ name: string }>('people');
const lead = articles[0]!;
const quoteText = (data: QuoteData) => (Array.isArray(data.text) ? data.text.join(' ') : data.text);

test.use({ javaScriptEnabled: false });

test('the lead story leads with its title, teaser, byline and its route map, which links to the map in the article', async ({ page }) => {
  await page.goto('/');
  const story = page.locator('main .lead');
  await expect(story.locator('h2 a')).toHaveAttribute('href', `/articles/${lead.id}/`);
  await expect(story.locator('h2')).toHaveText(lead.data.title);
  await expect(story).toContainText(lead.data.teaser);
  for (const author of lead.data.authors) await expect(story.locator('.lead-meta')).toContainText(people.find((p) => p.id === author)!.data.name);
  // The visual is the article's own map: the same routes, no photo and no credit for one.
  const map = story.locator('.lead-map');
  await expect(map.locator('svg')).toBeVisible();
  await expect(story.locator('img')).toHaveCount(0);
  const href = (await map.locator('a.picture').getAttribute('href'))!;
  expect(href).toMatch(new RegExp(`^/articles/${lead.id}/#route-map-`));
  await page.goto(href);
  await expect(page.locator(`[id="${href.split('#')[1]}"]`)).toHaveCount(1);
});

test('the latest quotes are quoted words, verbatim, each linking to its page and its speaker, and bounded', async ({ page }) => {
  await page.goto('/');
  const shown = page.locator('section[aria-labelledby="quotes-title"] [data-quote]');
  const count = await shown.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(frontPageLimits.quotes);
  for (const item of await shown.all()) {
    const id = await item.getAttribute('data-quote');
    const quote = quotes.find((entry) => entry.id === id)!;
    expect(quote.data.kind).not.toBe('reported');
    expect(normalize(await item.locator('.words').innerText())).toBe(quoted(quoteText(quote.data)));
    await expect(item.locator('.words a')).toHaveAttribute('href', `/quotes/${quote.id}/`);
    await expect(item.locator('.who a')).toHaveAttribute('href', `/people/${quote.data.speaker}/`);
  }
  await expect(page.locator('section[aria-labelledby="quotes-title"]').getByRole('link', { name: 'All quotes' })).toHaveAttribute('href', '/quotes/');
});

test('topics and people in the news come from the newest articles, bounded, linking to their pages', async ({ page }) => {
  await page.goto('/');
  const topicLinks = await page.locator('section[aria-labelledby="topics-title"] .chips a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(topicLinks.length).toBeGreaterThan(0);
  expect(topicLinks.length).toBeLessThanOrEqual(frontPageLimits.topics);
  const recentTopics = new Set(articles.slice(0, frontPageLimits.newsWindow).flatMap(({ data }) => data.topics.map((id) => `/topics/${id}/`)));
  for (const href of topicLinks) expect(recentTopics.has(href!)).toBe(true);

  const personLinks = await page.locator('section[aria-labelledby="people-title"] .people a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(personLinks.length).toBeGreaterThan(0);
  expect(personLinks.length).toBeLessThanOrEqual(frontPageLimits.people);
  const recent = new Set(articles.slice(0, frontPageLimits.newsWindow).map(({ id }) => id));
  const quotedRecently = new Set(quotes.filter(({ data }) => recent.has(data.article)).map(({ data }) => `/people/${data.speaker}/`));
  for (const href of personLinks) expect(quotedRecently.has(href!)).toBe(true);
});

test.describe('the header search box', () => {
  test.use({ javaScriptEnabled: true });
  test('shows its "/" shortcut as a key beside the placeholder on a wide screen, and not once the reader types', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/');
    const hint = page.locator('.header-search .hint');
    await expect(hint).toBeVisible();
    // Drawn as a key: a box with an edge, not a bare character in the field.
    const border = await hint.evaluate((el) => getComputedStyle(el).borderBottomWidth);
    expect(parseFloat(border)).toBeGreaterThanOrEqual(2);
    await page.getByRole('banner').getByRole('searchbox').fill('Astana');
    await expect(hint).toBeHidden();
  });

  test('hides the shortcut on a phone, where there is no key to press', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await expect(page.locator('.header-search .hint')).toBeHidden();
  });
});
