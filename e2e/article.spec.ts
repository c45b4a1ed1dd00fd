import { expect, test } from '@playwright/test';
import { normalize, readEntries, seedArticleUrl, seedLines } from './helpers';

/**
 * The seed article must stand whole and verbatim on its page. The fixture is DW's page as text: its first lines are
 * DW's own navigation, then headline, byline, date, standfirst, the lead image's alt text and caption, and the body.
 */
test.describe('the seed article page', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(seedArticleUrl);
  });

  test('shows the headline, author, date, teaser, lead image record and editor as published', async ({ page }) => {
    const lines = seedLines();
    expect(lines.slice(0, 3)).toEqual(['1. Skip to content', '2. Skip to main menu', '3. Skip to more DW sites']);
    const [headline, author, date, teaser, imageAlt, caption] = lines.slice(3, 9);

    const article = page.locator('article').first();
    await expect(article.locator('h1')).toHaveText(headline!);
    await expect(article.locator('.byline a')).toHaveText(author!);
    expect(date).toBe('October 25, 2022');
    await expect(article.locator('header time')).toHaveAttribute('datetime', '2022-10-25');
    await expect(article.locator('header time')).toHaveText('25 October 2022');
    await expect(article.locator('.teaser')).toHaveText(teaser!);
    await expect(article.locator('.lead-image')).toContainText(imageAlt!);
    // DW's text runs caption and credit together ("...on Russia.Image: ..."); the page sets the credit apart.
    const figcaption = normalize(await article.locator('.lead-image figcaption').innerText());
    expect(figcaption.replace(/ /g, '')).toBe(caption!.replace(/ /g, ''));
    expect(figcaption).toContain('Image: Yuri Bereznyuk/Tass/picture alliance');
    await expect(article.locator('.editor-credit')).toHaveText(lines.at(-1)!);
    await expect(article.locator('.editor-credit a')).toHaveAttribute('href', '/people/rob-mudge/');
  });

  test('holds every paragraph and subhead of the seed, verbatim and in order', async ({ page }) => {
    const lines = seedLines();
    const body = lines.slice(9, -1);
    expect(body[0]).toMatch(/^It's a line the Kazakh government/);
    // Three lines of the seed are not prose: a related link, and the infographic's alt text and caption.
    const related = "Ukraine, Belarus, Kazakhstan: Putin's backyard?";
    const infographicAlt = 'infographic of the Caspian Pipeline route';
    const infographicCaption = 'The Caspian Pipeline Consortium handles most exports of Kazakh oil and gas.';
    const prose = body.filter((line) => ![related, infographicAlt, infographicCaption].includes(line));

    const blocks = (await page.locator('.article-body > p, .article-body > h2').allInnerTexts()).map(normalize);
    expect(blocks).toEqual(prose);

    await expect(page.locator('.article-body h2')).toHaveText([
      'Foreign capital flees Russia',
      'Branching out in politics and pipelines',
      'The Kremlin still holds the cards — for now',
      'Kazakhstan is poised to prosper',
    ]);
    for (const heading of await page.locator('.article-body h2').all()) await expect(heading).toHaveAttribute('id', /^[a-z0-9-]+$/);

    // The infographic's place is taken by the route map, under the seed's caption.
    const mapCaption = page.locator('.article-body figure.route-map figcaption');
    await expect(mapCaption).toHaveText(infographicCaption);
    const map = page.locator('.article-body figure.route-map');
    await expect(map.locator('xpath=preceding-sibling::p[1]')).toContainText('For now, the European Union remains');
    await expect(map.locator('xpath=following-sibling::p[1]')).toContainText('"We are maintaining these export routes');

    await expect(page.locator('section[aria-labelledby="related-heading"]')).toContainText(related);
  });

  test('marks up every quote with a stable anchor whose words are the quote entry, verbatim', async ({ page }) => {
    type QuoteData = { text: string | string[]; speaker: string };
    const quotes = readEntries<QuoteData>('quotes');
    expect(quotes.length).toBeGreaterThanOrEqual(20);
    const bodyText = normalize(await page.locator('.article-body').innerText());
    for (const { id, data } of quotes) {
      const segments = Array.isArray(data.text) ? data.text : [data.text];
      const anchor = page.locator(`#quote-${id}`);
      await expect(anchor, `quote ${id}`).toHaveText(segments[0]!);
      await expect(anchor).toHaveAttribute('href', `/quotes/${id}/`);
      await expect(anchor).toHaveAttribute('data-speaker', data.speaker);
      for (const segment of segments) expect(bodyText).toContain(segment);
    }
  });

  test('links the byline, speakers and topics, and shows figures as fact boxes', async ({ page }) => {
    await expect(page.locator('.byline a')).toHaveAttribute('href', '/people/teri-schultz/');
    await expect(page.locator('.article-body > p a[href="/people/temur-umarov/"]')).toHaveText('Temur Umarov');
    await expect(page.locator('section[aria-labelledby="topics-heading"] a[href="/topics/middle-corridor/"]')).toHaveText('Middle Corridor');
    const cpc = page.locator('#figure-cpc-export-share');
    await expect(cpc.locator('.value')).toHaveText('80%');
    await expect(cpc).toContainText('Source: DW');
    const stoppages = page.locator('#figure-cpc-stoppages');
    await expect(stoppages.locator('.value')).toHaveText('5 stoppages');
    await expect(stoppages.locator('a')).toHaveText('Temur Umarov');
    await expect(page.locator('#figure-eaeu-members')).toContainText('Tajikistan, named in the article, is not a member');
    await expect(page.locator('.source-credit')).toContainText('First published by DW on 25 October 2022');
  });
});

test('the home page lists the article, newest first, linking to its page', async ({ page }) => {
  await page.goto('/');
  const first = page.locator('main article').first();
  await expect(first.locator('h2 a')).toHaveAttribute('href', seedArticleUrl);
  await expect(first.locator('time')).toHaveAttribute('datetime', '2022-10-25');
});
