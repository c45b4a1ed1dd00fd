import { expect, test, type Page } from '@playwright/test';
import { quoted } from '../src/lib/rules/typography';
import { readEntries, seedArticleUrl } from './helpers';

/** Search runs on the built Pagefind index: these tests read what a reader sees on /search/ and where results lead. */

interface QuoteEntry {
  text: string | string[];
  speaker: string;
  kind: string;
  said: { date: string | Date };
}
const quotes = readEntries<QuoteEntry>('quotes');
const quoteText = (quote: QuoteEntry) => (Array.isArray(quote.text) ? quote.text.join(' ') : quote.text);
const proKazakh = quotes.find((quote) => quote.id === 'vassilenko-pro-kazakh')!;

const searchBox = (page: Page) => page.getByLabel('Search quotes, people, articles, topics and figures');
const results = (page: Page) => page.getByRole('region', { name: 'Search results' }).getByRole('listitem');
const status = (page: Page) => page.getByRole('status');

test.describe('search', () => {
  test('"pro-Kazakh" finds Vassilenko\'s quote first, with speaker, role, date and the match marked', async ({ page }) => {
    await page.goto('/search/');
    await searchBox(page).fill('pro-Kazakh');
    await expect(status(page)).toHaveText(new RegExp(`^\\d+ results? for ${quoted('pro-Kazakh')}`));
    // The query lives in the URL, so the search can be shared.
    await expect(page).toHaveURL(/\/search\/\?q=pro-Kazakh$/);

    const first = results(page).first();
    await expect(first.locator('.result-type')).toHaveText('Quote');
    // A direct quote stands in <q>, which draws the quotation marks.
    await expect(first.getByRole('link')).toHaveText(quoted(quoteText(proKazakh.data)));
    await expect(first.locator('mark')).toHaveText(/^pro-Kazakh/);
    await expect(first.locator('.result-meta')).toHaveText('Roman Vassilenko · Deputy Foreign Minister, Kazakhstan · 25 October 2022');
    await expect(first.locator('time')).toHaveAttribute('datetime', '2022-10-25');
  });

  test('the speaker filter "Temur Umarov" leaves only his quotes, and back undoes it', async ({ page }) => {
    await page.goto('/search/?q=Kazakhstan');
    await expect(status(page)).toContainText(`results for ${quoted('Kazakhstan')}`);
    const speakers = () => results(page).locator('.result-speaker').allInnerTexts();
    const types = () => results(page).evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset['type']));
    expect(new Set(await types()).size).toBeGreaterThan(1);

    // The list of speakers loads when the reader reaches for it, with everyone quoted.
    await expect(page.getByLabel('Quotes by').locator('option')).toHaveText(['Anyone']);
    await page.getByLabel('Quotes by').hover();
    await expect(page.getByLabel('Quotes by').locator('option')).toHaveCount(new Set(quotes.map((quote) => quote.data.speaker)).size + 1);
    await page.getByLabel('Quotes by').selectOption('Temur Umarov');
    await expect(page).toHaveURL(/speaker=Temur\+Umarov/);
    await expect(status(page)).toContainText(`for ${quoted('Kazakhstan')}, by Temur Umarov`);
    // Exactly his quotes that use the word, each shown as his.
    const his = quotes.filter((quote) => quote.data.speaker === 'temur-umarov');
    const withWord = his.filter((quote) => /\bKazakhstan\b/.test(quoteText(quote.data)));
    await expect(results(page)).toHaveCount(withWord.length);
    expect(await types()).toEqual(withWord.map(() => 'quote'));
    expect(await speakers()).toEqual(withWord.map(() => 'Temur Umarov'));

    // With no words, the filter lists everything he said, as many as the list said it would.
    await expect(page.getByLabel('Quotes by').locator('option', { hasText: /^Temur Umarov/ })).toHaveText(`Temur Umarov (${his.length})`);
    await searchBox(page).fill('');
    await searchBox(page).press('Enter');
    await expect(status(page)).toHaveText(`${his.length} results, by Temur Umarov.`);
    expect(await speakers()).toEqual(his.map(() => 'Temur Umarov'));

    await page.goBack();
    await page.goBack();
    await expect(page).toHaveURL(/\/search\/\?q=Kazakhstan$/);
    await expect(page.getByLabel('Quotes by')).toHaveValue('');
    await expect(searchBox(page)).toHaveValue('Kazakhstan');
    // The unfiltered results come back: the status loses its speaker, and the list holds more than quotes again.
    // (While some pages found are not loaded yet, it says how many the results come from.)
    await expect(status(page)).toHaveText(new RegExp(`results? for ${quoted('Kazakhstan')}( in the first \\d+ of \\d+ pages found)?\\.$`));
    await expect.poll(async () => new Set(await types()).size).toBeGreaterThan(1);
  });

  test('a statement split by "he said" is found by the words of its second part, and shown whole', async ({ page }) => {
    // Quotes are found inside their article (only the first part stands in #quote-<id>): the second part must count too.
    const split = quotes.find((quote) => Array.isArray(quote.data.text) && quote.data.kind === 'direct')!;
    const second = (split.data.text as string[])[1]!;
    await page.goto(`/search/?q=${encodeURIComponent(second)}&type=quote`);
    await expect(status(page)).toHaveText(new RegExp(`^\\d+ results? for `));
    const result = results(page).filter({ has: page.getByRole('link', { name: quoted(quoteText(split.data)), exact: true }) });
    await expect(result).toHaveCount(1);
    await expect(result.getByRole('link')).toHaveAttribute('href', new RegExp(`#quote-${split.id}$`));
    await expect(result.locator('mark').first()).toBeVisible();
  });

  test('quotes with no words, newest first: every quote in its words, each dated no later than the one before', async ({ page }) => {
    await page.goto('/search/?type=quote&sort=newest');
    await expect(status(page)).toHaveText(`${quotes.length} results, quotes, newest first.`);
    await expect(results(page)).toHaveCount(quotes.length);
    const dates = await results(page).locator('time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
    expect(dates).toHaveLength(quotes.length);
    expect(dates).toEqual([...dates].sort().reverse());
    const said = (date: string | Date) => (date instanceof Date ? date.toISOString() : String(date)).slice(0, 10);
    expect(dates[0]!.slice(0, 10)).toBe(quotes.map((quote) => said(quote.data.said.date)).sort().at(-1));
    // Each shows its words verbatim, a split statement's segments joined (the first segment's words come from the
    // quote's element in its article, the later ones from the search meta).
    const shown = await results(page).evaluateAll((items) => items.map((item) => item.querySelector('a')?.textContent ?? ''));
    const words = (text: string) => text.trim().replace(/^[“‘"]+|[”’"]+$/g, '');
    expect(shown.map(words).sort()).toEqual(quotes.map((quote) => words(quoteText(quote.data))).sort());
  });

  test('a shared link runs its search, filters and sort on load', async ({ page }) => {
    await page.goto('/search/?q=pipeline&type=figure&sort=newest');
    await expect(searchBox(page)).toHaveValue('pipeline');
    await expect(page.getByLabel('Type')).toHaveValue('figure');
    await expect(page.getByLabel('Sort')).toHaveValue('newest');
    await expect(status(page)).toHaveText(new RegExp(`results? for ${quoted('pipeline')}, figures, newest first\\.$`));
    const figures = results(page);
    expect(await figures.count()).toBeGreaterThan(0);
    for (const figure of await figures.all()) {
      await expect(figure.locator('.result-type')).toHaveText('Figure');
      await expect(figure.locator('.result-value')).not.toBeEmpty();
      await expect(figure.locator('.result-meta')).toContainText('Source: ');
    }
  });

  test('a result lands on the quote in its article, with the searched words highlighted', async ({ page }) => {
    await page.goto('/search/?q=pro-Kazakh');
    await results(page).first().getByRole('link').click();

    await expect(page).toHaveURL(new RegExp(`${seedArticleUrl}\\?pagefind-highlight=pro-Kazakh#quote-vassilenko-pro-kazakh$`));
    const quote = page.locator('#quote-vassilenko-pro-kazakh');
    await expect(quote).toBeInViewport();
    await expect(quote.locator('mark.pagefind-highlight')).toHaveText(/^pro-Kazakh/);

    // Back on the search page, the search is still there.
    await page.goBack();
    await expect(searchBox(page)).toHaveValue('pro-Kazakh');
    await expect(results(page).first().locator('.result-type')).toHaveText('Quote');
  });

  test('markup, quotes and very long or empty queries are searched as text and do no harm', async ({ page }) => {
    page.on('dialog', (dialog) => {
      throw new Error(`A dialog opened: ${dialog.message()}`);
    });
    const probe = '"]}<script>';
    await page.goto(`/search/?q=${encodeURIComponent(probe)}`);
    await expect(searchBox(page)).toHaveValue(probe);
    await expect(status(page)).toHaveText(`No results for ${quoted(probe)}.`);

    const injected = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    await searchBox(page).fill(injected);
    await expect(status(page)).toContainText(`for ${quoted(injected)}`);
    await expect(page.locator('site-search script, site-search img, main img')).toHaveCount(0);

    await searchBox(page).fill('Kazakhstan '.repeat(100));
    expect((await searchBox(page).inputValue()).length).toBeLessThanOrEqual(200);
    await expect(status(page)).toContainText(`results for ${quoted('Kazakhstan Kazakhstan').slice(0, -1)}`);

    await searchBox(page).fill('');
    await searchBox(page).press('Enter');
    await expect(status(page)).toHaveText('');
    await expect(results(page)).toHaveCount(0);

    // Still working.
    await searchBox(page).fill('pro-Kazakh');
    await expect(results(page).first().getByRole('link')).toHaveText(quoted(quoteText(proKazakh.data)));
  });

  test('"/" and Ctrl+K focus the header box, not while typing, and it searches through /search/', async ({ page }) => {
    await page.goto(seedArticleUrl);
    const header = page.getByRole('banner').getByRole('searchbox');
    await expect(header).toHaveAccessibleName('Search quotes, people, articles, topics and figures');
    await page.keyboard.press('/');
    await expect(header).toBeFocused();
    await expect(header).toHaveValue('');

    // Typing "/" in the box types a slash.
    await page.keyboard.type('a/b');
    await expect(header).toHaveValue('a/b');

    await header.blur();
    await page.keyboard.press('Control+k');
    await expect(header).toBeFocused();

    await header.fill('pro-Kazakh');
    await header.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=pro-Kazakh$/);
    await expect(results(page).first().locator('.result-speaker')).toHaveText('Roman Vassilenko');
    // On the search page, "/" goes to the page's own box.
    await page.getByRole('heading', { name: 'Search', level: 1 }).click();
    await page.keyboard.press('/');
    await expect(searchBox(page)).toBeFocused();
  });

  test('each kind of result says what it is', async ({ page }) => {
    await page.goto('/search/?q=Umarov');
    await expect(status(page)).toContainText(`results for ${quoted('Umarov')}`);
    const person = results(page).filter({ has: page.locator('.result-type', { hasText: /^Person$/ }) });
    await expect(person.getByRole('link')).toHaveText('Temur Umarov');
    await expect(person.locator('.result-meta')).toHaveText('Analyst, Carnegie Endowment for International Peace, Bishkek');
    await expect(person.getByRole('link')).toHaveAttribute('href', /^\/people\/temur-umarov\//);

    await page.goto('/search/?q=Caspian&type=topic');
    const topic = results(page).first();
    await expect(topic.locator('.result-type')).toHaveText('Topic');
    await expect(topic.locator('.newsroom-label')).toHaveText('Newsroom');

    await page.goto('/search/?q=balancing&type=article');
    const article = results(page).first();
    await expect(article.locator('.result-type')).toHaveText('Article');
    await expect(article.getByRole('link')).toHaveText("Kazakhstan's balancing act between the EU and Russia");
    await expect(article.locator('time')).toHaveText('25 October 2022');
    await expect(article.locator('.result-text')).toHaveText(/^Kazakhstan is actively seeking closer European Union ties/);
  });
});

test.describe('search on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the results start on the first screen, the lists folded under one line that opens them', async ({ page }) => {
    await page.goto('/search/?q=policy');
    const first = results(page).first();
    await expect(first.locator('.result-type')).toBeVisible();
    const box = (await first.boundingBox())!;
    // The result's type and title, at least, without scrolling.
    expect(box.y + 60).toBeLessThanOrEqual(844);
    await expect(page.getByLabel('Type')).toBeHidden();
    await page.locator('summary', { hasText: 'Narrow and sort' }).click();
    await expect(page.getByLabel('Type')).toBeVisible();
  });

  test('a link with a filter opens the lists, so the reader sees what narrows the results', async ({ page }) => {
    await page.goto('/search/?q=Kazakhstan&speaker=Temur+Umarov');
    await expect(page.getByLabel('Quotes by')).toBeVisible();
    await expect(page.getByLabel('Quotes by')).toHaveValue('Temur Umarov');
  });
});

test('an article excerpt keeps each opening quotation mark on its word, as the article prints it', async ({ page }) => {
  // The seed prints "<Quote id="vassilenko-not-pro-anyone" />,": Pagefind cuts the mark off its first word.
  const notProAnyone = quotes.find((quote) => quote.id === 'vassilenko-not-pro-anyone')!;
  const opening = quoted(quoteText(notProAnyone.data)).split(' ').slice(0, 2).join(' ');
  await page.goto('/search/?q=pro-Western&type=article');
  const excerpt = results(page).first().locator('.result-excerpt');
  await expect(excerpt).toContainText(opening);
  expect(await excerpt.innerText()).not.toMatch(/(^|\s)"\s/);
});

test.describe('search without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page says search needs JavaScript and links to the listings', async ({ page }) => {
    await page.goto('/search/?q=pro-Kazakh');
    await expect(page.getByText('Search needs JavaScript')).toBeVisible();
    // The message's own links, not the header's or footer's.
    const message = page.getByRole('main');
    await expect(message.getByRole('link', { name: 'All quotes' })).toHaveAttribute('href', '/quotes/');
    await expect(message.getByRole('link', { name: 'People' })).toHaveAttribute('href', '/people/');
    await expect(message.getByRole('link', { name: 'Topics' })).toHaveAttribute('href', '/topics/');
    await expect(searchBox(page)).toBeHidden();
  });
});
