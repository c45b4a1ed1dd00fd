import { quoted } from '../../src/lib/rules/typography';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { normalize, readEntries } from '../helpers';
import { analyst, analystQuote, article, author, fixtureContent, searchWord, seedId, seedTitle, vassilenkoQuote } from './fixture';

/**
 * Issue 6's journalist scenario. Before these tests run, prepare.ts has added a second article to a scratch copy of
 * content/ with the scaffolders (a new author, a new person, the article, a quote by Vassilenko and one by the new
 * person), checked it and built it; playwright.journalist.config.ts serves that build. The tests read what a reader
 * finds, without JavaScript except for search, and check that the site linked the new article up by itself.
 */

const articleUrl = `/articles/${article.id}/`;
const seedUrl = `/articles/${seedId}/`;

type QuoteData = { speaker: string; article: string; text: string | string[] };
const quotes = readEntries<QuoteData>('quotes', fixtureContent);

const hrefs = (page: Page, selector: string) => page.locator(selector).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
const quoteIds = (page: Page, scope = 'main') => page.locator(`${scope} [data-quote]`).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-quote')));

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the new article leads the home page, the seed article after it', async ({ page }) => {
    await page.goto('/');
    expect(await hrefs(page, 'main #lead-title a')).toEqual([articleUrl]);
    await expect(page.locator('main .lead')).toContainText(article.teaser);
    expect(await hrefs(page, 'main .more .card .title a')).toEqual([seedUrl]);
  });

  test('the article page shows both quotes as prose, each with its mark leading to its page, and the people linked to theirs', async ({ page }) => {
    await page.goto(articleUrl);
    await expect(page.locator('h1')).toHaveText(article.title);
    for (const quote of [vassilenkoQuote, analystQuote]) {
      await expect(page.locator(`#quote-${quote.id}`)).toHaveText(quote.text);
      // The words read as prose; the quote's own page is one step away, by its mark after the words.
      await expect(page.locator(`.article-body a[href="/quotes/${quote.id}/"]`)).toHaveCount(1);
    }
    await expect(page.locator('.article-body a[href="/people/roman-vassilenko/"]')).toHaveText('Roman Vassilenko');
    await expect(page.locator(`.article-body a[href="/people/${analyst.id}/"]`)).toHaveText(analyst.name);
    // Published by this site itself: not "First published by Newsroom … Republished on Newsroom".
    const credit = page.locator('.source-credit');
    const published = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(article.date));
    await expect(credit).toContainText(`Published by ${article.publisher} on ${published}`);
    await expect(credit).not.toContainText('Republished');
  });

  test('the Middle Corridor topic page lists the new article, its quotes and the new person', async ({ page }) => {
    await page.goto('/topics/middle-corridor/');
    expect(await hrefs(page, 'section[aria-labelledby="articles-heading"] h3 a')).toEqual([articleUrl, seedUrl]);
    const onTopic = await quoteIds(page, 'section[aria-labelledby="quotes-heading"]');
    expect(onTopic.slice(0, 2)).toEqual([vassilenkoQuote.id, analystQuote.id]);
    await expect(page.locator(`section[aria-labelledby="people-heading"] a[href="/people/${analyst.id}/"]`)).toHaveText(analyst.name);
  });

  test("Vassilenko's page gathers his quotes from both articles, by article, newest first", async ({ page }) => {
    await page.goto('/people/roman-vassilenko/');
    const said = page.locator('section[aria-labelledby="said-heading"]');
    const his = quotes.filter(({ data }) => data.speaker === 'roman-vassilenko');
    expect(new Set(his.map(({ data }) => data.article))).toEqual(new Set([seedId, article.id]));

    const shown = await quoteIds(page, 'section[aria-labelledby="said-heading"]');
    expect([...shown].sort()).toEqual(his.map(({ id }) => id).sort());
    // The new article is dated 2023-03-14, the seed 2022-10-25: its quote comes first.
    expect(shown[0]).toBe(vassilenkoQuote.id);
    // One group per article, the newer first, each headed by its article and holding that article's quotes.
    const groups = said.locator('.quote-group');
    expect(await groups.evaluateAll((els) => els.map((el) => el.getAttribute('data-article')))).toEqual([article.id, seedId]);
    expect(await hrefs(page, 'section[aria-labelledby="said-heading"] .group-title a')).toEqual([articleUrl, seedUrl]);
    for (const id of [article.id, seedId]) {
      const inGroup = await quoteIds(page, `section[aria-labelledby="said-heading"] .quote-group[data-article="${id}"]`);
      expect(inGroup.sort()).toEqual(his.filter(({ data }) => data.article === id).map(({ id: quoteId }) => quoteId).sort());
    }
    expect(await hrefs(page, 'section[aria-labelledby="mentioned-heading"] a')).toEqual([articleUrl, seedUrl]);
  });

  test("the new person's page has her role, the site's description, her quote and the article", async ({ page }) => {
    await page.goto(`/people/${analyst.id}/`);
    await expect(page.locator('h1')).toHaveText(analyst.name);
    await expect(page.locator('header .role')).toHaveText(`${analyst.role}, ${analyst.organisation}, ${analyst.place}`);
    await expect(page.locator('header .newsroom-text')).toContainText(analyst.description);
    expect(await quoteIds(page, 'section[aria-labelledby="said-heading"]')).toEqual([analystQuote.id]);
    const card = page.locator(`[data-quote="${analystQuote.id}"]`);
    expect(normalize(await card.locator('.words').innerText())).toContain(analystQuote.text);
    await expect(card.locator('a[data-link="permalink"]')).toHaveAttribute('href', `/quotes/${analystQuote.id}/`);
    expect(await hrefs(page, 'section[aria-labelledby="mentioned-heading"] a')).toEqual([articleUrl]);
  });

  test("the author's page credits the article, and the people index lists both new people", async ({ page }) => {
    await page.goto(`/people/${author.id}/`);
    const wrote = page.locator('section[aria-labelledby="wrote-heading"]');
    expect(await hrefs(page, 'section[aria-labelledby="wrote-heading"] a')).toEqual([articleUrl]);
    await expect(wrote).toContainText('Wrote');

    await page.goto('/people/');
    const listed = await hrefs(page, 'main ol a');
    expect(listed).toContain(`/people/${author.id}/`);
    expect(listed).toContain(`/people/${analyst.id}/`);
  });

  test('the new quotes lead the quotes listing, fill their speaker listings and each has its own page', async ({ page }) => {
    await page.goto('/quotes/');
    const listed = 'section[aria-labelledby="quotes-heading"]';
    expect((await quoteIds(page, listed)).slice(0, 2)).toEqual([vassilenkoQuote.id, analystQuote.id]);

    await page.goto(`/quotes/by/${analyst.id}/`);
    expect(await quoteIds(page, listed)).toEqual([analystQuote.id]);
    await page.goto('/quotes/by/roman-vassilenko/');
    expect(await quoteIds(page, listed)).toContain(vassilenkoQuote.id);

    await page.goto(`/quotes/${analystQuote.id}/`);
    await expect(page.locator('.quote-page .quote-text .words')).toHaveText(quoted(analystQuote.text));
    await expect(page.locator('.pull-quote .attribution a[href^="/people/"]')).toHaveAttribute('href', `/people/${analyst.id}/`);
    await expect(page.locator('.quote-page .about .newsroom-text').first()).toContainText(analystQuote.context);
    await page.locator('a[data-link="in-article"]').click();
    await expect(page).toHaveURL(`${articleUrl}#quote-${analystQuote.id}`);
    await expect(page.locator(':target')).toHaveText(analystQuote.text);
  });

  test('the two articles list each other as related, saying what they share', async ({ page }) => {
    const suggested = 'section[aria-labelledby="related-heading"] ul.related-suggested li';
    await page.goto(articleUrl);
    expect(await hrefs(page, `${suggested} > a`)).toEqual([seedUrl]);
    await expect(page.locator(suggested)).toContainText(seedTitle);
    await expect(page.locator(`${suggested} .shared`)).toHaveText('Shared: Middle Corridor, Roman Vassilenko, Baku');

    await page.goto(seedUrl);
    expect(await hrefs(page, `${suggested} > a`)).toEqual([articleUrl]);
    await expect(page.locator(`${suggested} .shared`)).toHaveText('Shared: Middle Corridor, Roman Vassilenko, Baku');
  });
});

test('search finds the new quote by its words, shown as hers, and leads to it in the article', async ({ page }) => {
  await page.goto(`/search/?q=${searchWord}`);
  const results = page.getByRole('region', { name: 'Search results' }).getByRole('listitem');
  // The quote, and the article it stands in.
  await expect(page.getByRole('status')).toHaveText(`2 results for ${quoted(searchWord)}.`);
  // The status can be written a moment before the list: poll.
  await expect.poll(() => results.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset['type']))).toEqual(['quote', 'article']);
  await expect(results.nth(1).getByRole('link')).toHaveText(article.title);
  await expect(results.first().locator('.result-type')).toHaveText('Quote');
  await expect(results.first().getByRole('link')).toHaveText(quoted(analystQuote.text));
  await expect(results.first().locator('.result-meta')).toHaveText(
    `${analyst.name} · ${analyst.role}, ${analyst.organisation} · 14 March 2023`,
  );
  await results.first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${articleUrl}\\?pagefind-highlight=${searchWord}#quote-${analystQuote.id}$`));
  await expect(page.locator(`#quote-${analystQuote.id}`)).toBeInViewport();
});

test('the feed carries the new article first, with its date, author and topic', async ({ request }) => {
  const response = await request.get('/rss.xml');
  expect(response.ok()).toBe(true);
  const items = [new XMLParser().parse(await response.text()).rss.channel.item].flat();
  expect(items.map((item) => new URL(item.link).pathname)).toEqual([articleUrl, seedUrl]);
  expect(items[0]).toMatchObject({ title: article.title, description: article.teaser, 'dc:creator': author.name, category: 'Middle Corridor' });
  expect(new Date(items[0].pubDate).toISOString().slice(0, 10)).toBe(article.date);
});

test('the fixture stays out of content/', () => {
  const repoContent = path.resolve(import.meta.dirname, '../../content');
  expect(fixtureContent.startsWith(repoContent)).toBe(false);
  for (const file of [`articles/${article.id}.mdx`, `people/${analyst.id}.yaml`, `people/${author.id}.yaml`, `quotes/${analystQuote.id}.yaml`, `quotes/${vassilenkoQuote.id}.yaml`]) {
    expect(fs.existsSync(path.join(repoContent, file)), file).toBe(false);
    expect(fs.existsSync(path.join(fixtureContent, file)), file).toBe(true);
  }
});
