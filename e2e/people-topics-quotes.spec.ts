import { quoted } from '../src/lib/rules/typography';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { normalize, readArticles, readEntries, seedArticleUrl } from './helpers';
import { htmlFiles } from './site';
import { quoteTally } from '../src/lib/rules/quotes';

/**
 * People, topic and quote pages, read the way a reader meets them: without JavaScript, following links. Expected
 * values come from the content files, never from the pages themselves.
 */
type QuoteData = {
  text: string | string[];
  speaker: string;
  role: { title: string; organisation: string };
  kind: 'direct' | 'partial' | 'reported';
  said: { date: Date | string; precision?: 'day' | 'month' | 'year'; wording?: string; basis: 'stated' | 'publication' };
  article: string;
  topics: string[];
  newsroom: { context: string; note?: string };
};
type PersonData = { name: string; roles: { title: string; organisation: string; place?: string; newsroom?: { from?: Date; until?: Date } }[] };
type TopicData = { name: string; newsroom: { description: string } };

const drafts = new Set(readArticles<{ draft?: boolean }>().filter(({ data }) => data.draft).map(({ id }) => id));
/** Quotes readers can see: those of published articles. */
const quotes = readEntries<QuoteData>('quotes').filter(({ data }) => !drafts.has(data.article));
const people = readEntries<PersonData>('people');
const topics = readEntries<TopicData>('topics');
const quoteText = (data: QuoteData) => (Array.isArray(data.text) ? data.text.join(' ') : data.text);
const roleText = (role: { title: string; organisation: string; place?: string }) => [role.title, role.organisation, role.place].filter(Boolean).join(', ');
/** Whether the content says a role ended before now (the site then calls it former). */
const ended = (role: PersonData['roles'][number]) => role.newsroom?.until !== undefined && new Date(role.newsroom.until).getTime() <= Date.now();
/** The said date as a comparable day. */
const saidDay = (data: QuoteData) => new Date(data.said.date).toISOString().slice(0, 10);
/** One occasion per article, speaker, role and date: what a person or topic page prints its role and date once for. */
const occasionKey = (data: QuoteData) => [data.article, data.speaker, data.role.title, data.role.organisation, saidDay(data), data.said.basis].join('|');

test.use({ javaScriptEnabled: false });

test('from the article a reader reaches Umarov, sees all his quotes, opens one and returns to it in the article', async ({ page }) => {
  await page.goto(seedArticleUrl);
  await page.locator('.article-body a[href="/people/temur-umarov/"]').first().click();
  await expect(page).toHaveURL('/people/temur-umarov/');
  await expect(page.locator('h1')).toHaveText('Temur Umarov');

  const his = quotes.filter(({ data }) => data.speaker === 'temur-umarov');
  expect(his.length).toBeGreaterThanOrEqual(10);
  const said = page.locator('section[aria-labelledby="said-heading"]');
  await expect(said.locator('h2')).toHaveText('Said');
  const cards = said.locator('[data-quote]');
  expect((await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-quote')))).sort()).toEqual(
    his.map(({ id }) => id).sort(),
  );
  for (const { id, data } of his) {
    const card = said.locator(`[data-quote="${id}"]`);
    expect(normalize(await card.locator('.words').innerText())).toContain(quoteText(data));
    // The role is said once for the occasion the quote belongs to, not on the quote.
    await expect(said.locator('.occasion', { has: page.locator(`[data-quote="${id}"]`) }).locator('.occasion-line')).toContainText(`${data.role.title}, ${data.role.organisation}`);
  }

  // A statement split by "he explained": the quote page joins its segments.
  const split = his.find(({ data }) => Array.isArray(data.text))!;
  await said.locator(`[data-quote="${split.id}"] a[data-link="permalink"]`).click();
  await expect(page).toHaveURL(`/quotes/${split.id}/`);
  const words = quoteText(split.data);
  await expect(page.locator('.quote-page .quote-text .words')).toHaveText(split.data.kind === 'reported' ? words : quoted(words));

  await page.locator('a[data-link="in-article"]').click();
  await expect(page).toHaveURL(`${seedArticleUrl}#quote-${split.id}`);
  const target = page.locator(':target');
  await expect(target).toHaveCount(1);
  await expect(target).toHaveAttribute('id', `quote-${split.id}`);
  await expect(target).toHaveText((split.data.text as string[])[0]!);
  await expect(target).toBeInViewport();
});

// One test per page, so each holds on a busy machine however many entries there are (issue 16).
test('the people index lists every person', async ({ page }) => {
  await page.goto('/people/');
  const listed = await page.locator('main ol a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(listed.sort()).toEqual(people.map(({ id }) => `/people/${id}/`).sort());
  // Each with the role they hold now, "Former" where the content says their latest role ended.
  for (const { id, data } of people) {
    const role = page.locator('main li', { has: page.locator(`a[href="/people/${id}/"]`) }).locator('.role');
    const current = data.roles[0]!;
    await expect(role).toHaveText(ended(current) ? `Former ${roleText(current)}` : roleText(current));
  }
});

test.describe('every person has a page with their roles, their newsroom description and every quote they said', () => {
  for (const { id, data } of people) {
    test(`/people/${id}/`, async ({ page }) => {
      await page.goto(`/people/${id}/`);
      await expect(page.locator('h1')).toHaveText(data.name);
      await expect(page.locator('header .newsroom-text .newsroom-label')).toHaveText('Newsroom');
      const roles = page.locator('section[aria-labelledby="roles-heading"] li');
      await expect(roles).toHaveCount(data.roles.length);
      for (const [index, role] of data.roles.entries()) {
        await expect(roles.nth(index)).toContainText(`${role.title}, ${role.organisation}`);
        // "Former" exactly where the content says the role ended.
        if (ended(role)) await expect(roles.nth(index).locator('.role-title')).toHaveText(`Former ${roleText(role)}`);
        else await expect(roles.nth(index).locator('.role-title')).not.toContainText('Former');
        if (role.newsroom?.from) {
          const research = roles.nth(index).locator('.newsroom-text');
          await expect(research.locator('.newsroom-label')).toHaveText('Newsroom research');
          await expect(research.locator('time').first()).toHaveAttribute('datetime', new Date(role.newsroom.from).toISOString().slice(0, 10));
        }
      }
      // The page's schema.org Person (a BreadcrumbList stands beside it).
      const jsonLd = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((block) => JSON.parse(block));
      expect(jsonLd).toContainEqual(expect.objectContaining({ '@type': 'Person', name: data.name }));

      const theirs = quotes.filter(({ data: quote }) => quote.speaker === id);
      await expect(page.locator('[data-quote]')).toHaveCount(theirs.length);
      for (const quote of theirs) {
        const card = page.locator(`[data-quote="${quote.id}"]`);
        expect(normalize(await card.locator('.words').innerText())).toContain(quoteText(quote.data));
        await expect(card.locator('a[data-link="permalink"]')).toHaveAttribute('href', `/quotes/${quote.id}/`);
      }
      if (theirs.length > 0) {
        // Quoted words and reported speech apart, and counted apart.
        const said = page.locator('section[aria-labelledby="said-heading"]');
        const ids = (selector: string) => said.locator(selector).evaluateAll((els) => els.map((el) => el.getAttribute('data-quote')).sort());
        expect(await ids('.entries.quoted [data-quote]')).toEqual(theirs.filter(({ data: q }) => q.kind !== 'reported').map(({ id: q }) => q).sort());
        expect(await ids('.reported [data-quote]')).toEqual(theirs.filter(({ data: q }) => q.kind === 'reported').map(({ id: q }) => q).sort());
        await expect(page.locator('header .summary')).toContainText(quoteTally(theirs.map(({ data: q }) => ({ data: { kind: q.kind } }))));
      }
      const current = data.roles[0]!;
      await expect(page.locator('header .role')).toContainText(ended(current) ? `Former ${roleText(current)}` : roleText(current));
      if (!ended(current)) await expect(page.locator('header .role')).not.toContainText('Former');
    });
  }
});

test('a journalist who wrote or edited the article is credited on their page, not listed as mentioned', async ({ page }) => {
  await page.goto('/people/teri-schultz/');
  const wrote = page.locator('section[aria-labelledby="wrote-heading"]');
  await expect(wrote.locator(`a[href="${seedArticleUrl}"]`)).toHaveCount(1);
  await expect(wrote).toContainText('Wrote');
  await expect(page.locator('section[aria-labelledby="mentioned-heading"]')).toHaveCount(0);
  await page.goto('/people/rob-mudge/');
  await expect(page.locator('section[aria-labelledby="wrote-heading"]')).toContainText('Edited');
});

test("Vassilenko's page says his role once per occasion and dates nothing twice, with no per-quote labels", async ({ page }) => {
  const theirs = quotes.filter(({ data }) => data.speaker === 'roman-vassilenko');
  const occasions = new Map(theirs.map(({ data }) => [occasionKey(data), roleText(data.role)]));
  await page.goto('/people/roman-vassilenko/');
  const said = page.locator('section[aria-labelledby="said-heading"]');
  await expect(said.locator('.occasion')).toHaveCount(occasions.size);
  // The role appears once per occasion, on its line, and nowhere else in the section.
  const text = normalize(await said.innerText());
  for (const role of new Set(occasions.values())) {
    expect(text.split(role).length - 1).toBe([...occasions.values()].filter((r) => r === role).length);
  }
  // One article heading per article he is quoted in, with its date once.
  await expect(said.locator('.quote-group')).toHaveCount(new Set(theirs.map(({ data }) => data.article)).size);
  expect(text).not.toContain('(at the time)');
  expect(text).not.toContain('does not say when');
  expect(text).not.toContain('Newsroom context');
  // "Newest first" is claimed over articles, not over quotes that share one date.
  await expect(said.locator('.section-intro')).toContainText('by article, newest first');
});

test.describe('every quote has its own page: words, speaker, role, date, context, its paragraph, a way back and a link to copy', () => {
  for (const { id, data } of quotes) {
    test(`/quotes/${id}/`, async ({ page }) => {
      // The paragraph the quote stands in, as the article page renders it.
      let paragraph: string | undefined;
      if (data.article === 'kazakhstan-balancing-act-eu-russia') {
        await page.goto(seedArticleUrl);
        paragraph = normalize((await page.locator(`.article-body p:has(a[href="/quotes/${id}/"])`).allInnerTexts()).join(' '));
      }

      await page.goto(`/quotes/${id}/`);
      const text = quoteText(data);
      const words = page.locator('.quote-page .quote-text .words');
      await expect(words).toHaveText(data.kind === 'reported' ? text : quoted(text));
      // A pull-quote: the words, then the speaker named once, with the role they spoke in; no record layout.
      const attribution = page.locator('.pull-quote .attribution');
      await expect(attribution.locator('a')).toHaveAttribute('href', `/people/${data.speaker}/`);
      await expect(attribution).toContainText(`${data.role.title}, ${data.role.organisation}`);
      const name = people.find((p) => p.id === data.speaker)!.data.name;
      const top = normalize(`${await page.locator('.pull-quote').innerText()} ${await page.locator('.quote-page .about').innerText()}`);
      expect(top.split(name).length - 1).toBe(1);
      await expect(page.locator('.quote-page dl')).toHaveCount(0);
      const about = page.locator('.quote-page .about');
      await expect(about.locator('.newsroom-text').first()).toContainText(data.newsroom.context);
      if (data.newsroom.note) {
        const note = about.locator('.newsroom-text', { hasText: data.newsroom.note });
        await expect(note.locator('.newsroom-label')).toHaveText('Newsroom note');
      }

      if (data.said.basis === 'stated') {
        const iso = new Date(data.said.date).toISOString();
        const precision = data.said.precision ?? 'day';
        await expect(attribution.locator('time')).toHaveAttribute('datetime', precision === 'day' ? iso.slice(0, 10) : precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 4));
      } else {
        await expect(attribution.locator('time')).toHaveCount(0);
        await expect(about).toContainText('The article does not say when this was said.');
      }

      if (paragraph !== undefined) {
        expect(normalize(await page.locator('.article-paragraph').innerText())).toBe(paragraph);
      }
      await expect(page.locator('.article-paragraph mark.this-quote').first()).toHaveText(Array.isArray(data.text) ? data.text[0]! : data.text);
      await expect(page.locator('a[data-link="in-article"]')).toHaveAttribute('href', `/articles/${data.article}/#quote-${id}`);

      // The speaker's other quotes are a link away when there are any.
      const more = page.locator('.quote-page .more a');
      if (quotes.filter((other) => other.data.speaker === data.speaker).length > 1) {
        await expect(more).toHaveAttribute('href', `/quotes/by/${data.speaker}/`);
        await expect(more).toHaveText(`Everything by ${name} in our quotes`);
      } else await expect(more).toHaveCount(0);

      const copy = page.getByLabel('Copy this address to link to the quote');
      await expect(copy).toHaveJSProperty('readOnly', true);
      expect(await copy.inputValue()).toMatch(new RegExp(`^https?://[^/]+/quotes/${id}/$`));
      await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();

      const jsonLd = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((block) => JSON.parse(block));
      expect(jsonLd).toContainEqual(
        expect.objectContaining({
          '@type': 'Quotation',
          text,
          spokenByCharacter: expect.objectContaining({ name: people.find((p) => p.id === data.speaker)!.data.name }),
        }),
      );
    });
  }
});

test('a date known only to the month is shown as the month, with the article\'s words for it', async ({ page }) => {
  const monthly = quotes.find(({ data }) => data.said.precision === 'month')!;
  await page.goto(`/quotes/${monthly.id}/`);
  const date = page.locator('.pull-quote .attribution time');
  await expect(date).toHaveText(new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(monthly.data.said.date)));
});

test('the topics index lists every topic', async ({ page }) => {
  await page.goto('/topics/');
  const listed = await page.locator('main h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(listed.sort()).toEqual(topics.map(({ id }) => `/topics/${id}/`).sort());
});

test.describe('every topic has a page with its description, articles, quotes and the people quoted', () => {
  const articles = readArticles<{ title: string; topics: string[]; draft?: boolean }>().filter(({ data }) => !data.draft);
  for (const { id, data } of topics) {
    test(`/topics/${id}/`, async ({ page }) => {
      await page.goto(`/topics/${id}/`);
      await expect(page.locator('h1')).toHaveText(data.name);
      await expect(page.locator('header .newsroom-text')).toContainText(data.newsroom.description);
      const onTopic = articles.filter(({ data: article }) => article.topics.includes(id));
      const articleLinks = page.locator('section[aria-labelledby="articles-heading"] h3 a');
      await expect(articleLinks).toHaveCount(onTopic.length);
      const topicQuotes = quotes.filter(({ data: quote }) => quote.topics.includes(id));
      await expect(page.locator('[data-quote]')).toHaveCount(Math.min(topicQuotes.length, 20));
      for (const speaker of new Set(topicQuotes.map(({ data: quote }) => quote.speaker))) {
        await expect(page.locator(`section[aria-labelledby="people-heading"] a[href="/people/${speaker}/"]`)).toHaveCount(1);
      }
    });
  }
});

test('the quotes listing holds every quote once, by article and occasion, newest first: the newest 20, then older pages numbered from the oldest, with rel prev/next', async ({ page }) => {
  const byId = new Map(quotes.map((quote) => [quote.id, quote.data]));
  const seen: string[] = [];
  const visited: string[] = [];
  /** Each page's said days, to check that every page is older than the one before it. */
  const pageDays: string[][] = [];
  let url: string | null = '/quotes/';
  while (url) {
    await page.goto(url);
    visited.push(url);
    const listed = page.locator('section[aria-labelledby="quotes-heading"]');
    const cards = listed.locator('[data-quote]');
    pageDays.push(await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-quote')!)).then((ids) => ids.map((id) => saidDay(byId.get(id)!))));
    expect(await cards.count()).toBeLessThanOrEqual(20);
    // Each article's quotes under its heading; within it each occasion says its speaker and role once; occasions run
    // newest first, and each holds only quotes of its own article, speaker, role and date.
    for (const group of await listed.locator('.quote-group').all()) {
      const article = (await group.getAttribute('data-article'))!;
      const days: string[] = [];
      for (const occasion of await group.locator('.occasion').all()) {
        const ids = await occasion.locator('[data-quote]').evaluateAll((els) => els.map((el) => el.getAttribute('data-quote')!));
        const keys = new Set(ids.map((id) => occasionKey(byId.get(id)!)));
        expect(keys.size).toBe(1);
        expect(byId.get(ids[0]!)!.article).toBe(article);
        days.push(saidDay(byId.get(ids[0]!)!));
        seen.push(...ids);
      }
      expect(days).toEqual([...days].sort().reverse());
    }
    const next = page.locator('a[rel="next"]');
    url = (await next.count()) ? await next.getAttribute('href') : null;
    if (url) await expect(page.locator('link[rel="next"]')).toHaveAttribute('href', url);
    if (visited.length > 1) await expect(page.locator('a[rel="prev"]')).toHaveCount(1);
  }
  // The front page holds the newest 20; the rest fill pages of 20 counted from the oldest, so the last page reached
  // is /quotes/1/, and the newest numbered page holds what is left over.
  const numbered = Math.ceil(Math.max(0, quotes.length - 20) / 20);
  expect(visited).toEqual(['/quotes/', ...Array.from({ length: numbered }, (_, i) => `/quotes/${numbered - i}/`)]);
  expect(seen.sort()).toEqual(quotes.map(({ id }) => id).sort());
  for (let i = 1; i < pageDays.length; i++) expect(pageDays[i]!.every((day) => pageDays[i - 1]!.every((newer) => day <= newer))).toBe(true);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the first quote of /quotes/ is on the first screen', async ({ page }) => {
    await page.goto('/quotes/');
    const first = page.locator('section[aria-labelledby="quotes-heading"] [data-quote] .words').first();
    await expect(first).toBeVisible();
    const box = (await first.boundingBox())!;
    // Its first line at least, without scrolling.
    expect(box.y + Math.min(box.height, 30)).toBeLessThanOrEqual(844);
    // The filters are still there, every one a link.
    await expect(page.locator('nav.filters').getByRole('link', { name: /^Temur Umarov/ })).toHaveAttribute('href', '/quotes/by/temur-umarov/');
  });
});

test('the quotes listing filters by speaker and by topic with plain links', async ({ page }) => {
  await page.goto('/quotes/');
  await page.locator('nav.filters').getByRole('link', { name: /^Temur Umarov/ }).click();
  await expect(page).toHaveURL('/quotes/by/temur-umarov/');
  const his = quotes.filter(({ data }) => data.speaker === 'temur-umarov').map(({ id }) => id);
  expect((await page.locator('[data-quote]').evaluateAll((els) => els.map((el) => el.getAttribute('data-quote')))).sort()).toEqual(his.sort());

  // Back to all quotes from his listing, then on to a topic.
  await page.locator('nav.filters').getByRole('link', { name: 'All quotes', exact: true }).click();
  await expect(page).toHaveURL('/quotes/');
  const topic = topics.find(({ id }) => id === 'middle-corridor')!;
  await page.locator('nav.filters').getByRole('link', { name: new RegExp(`^${topic.data.name}`) }).click();
  await expect(page).toHaveURL(`/quotes/topic/${topic.id}/`);
  const onTopic = quotes.filter(({ data }) => data.topics.includes(topic.id)).map(({ id }) => id);
  expect((await page.locator('[data-quote]').evaluateAll((els) => els.map((el) => el.getAttribute('data-quote')))).sort()).toEqual(onTopic.sort());
});

test("a speaker's or topic's listing links back to all quotes and the full lists, and names what its own quotes are about, without the site's counts", async ({ page }) => {
  /** The names of a full list's entries, in its order: the order a listing's own links follow. */
  const order = async (url: string) => {
    await page.goto(url);
    return page.locator('.filter-list li a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  };
  const speakerOrder = await order('/quotes/by/');
  const topicOrder = await order('/quotes/topic/');
  const listings = [
    ...[...new Set(quotes.map(({ data }) => data.speaker))].map((id) => {
      const theirs = quotes.filter(({ data }) => data.speaker === id);
      const linked = [...new Set(theirs.flatMap(({ data }) => data.topics))];
      return { url: `/quotes/by/${id}/`, heading: 'Their topics', linked: linked.map((t) => ({ href: `/quotes/topic/${t}/`, name: topics.find((e) => e.id === t)!.data.name })), order: topicOrder };
    }),
    ...[...new Set(quotes.flatMap(({ data }) => data.topics))].map((id) => {
      const linked = [...new Set(quotes.filter(({ data }) => data.topics.includes(id)).map(({ data }) => data.speaker))];
      return { url: `/quotes/topic/${id}/`, heading: 'Who is quoted', linked: linked.map((p) => ({ href: `/quotes/by/${p}/`, name: people.find((e) => e.id === p)!.data.name })), order: speakerOrder };
    }),
  ];
  for (const { url, heading, linked, order: fullOrder } of listings) {
    // Past a dozen a row shows the most quoted (a unit test holds that choice); the seed's rows are shorter.
    expect(linked.length, url).toBeLessThanOrEqual(12);
    await page.goto(url);
    const nav = page.getByRole('navigation', { name: 'More quotes' });
    const row = (name: string) => nav.locator('.filter').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
    const links = async (name: string) => row(name).getByRole('link').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, name: a.textContent!.trim() })));
    expect(await links('Browse'), url).toEqual([
      { href: '/quotes/', name: 'All quotes' },
      { href: '/quotes/by/', name: 'All speakers' },
      { href: '/quotes/topic/', name: 'All topics' },
    ]);
    // Every topic of a speaker's quotes, or everyone quoted on a topic, in the full list's order, by name only.
    const expected = [...linked].sort((a, b) => fullOrder.indexOf(a.href) - fullOrder.indexOf(b.href));
    expect(expected.every(({ href }) => fullOrder.includes(href)), url).toBe(true);
    expect(await links(heading), url).toEqual(expected);
    await expect(nav.locator('.filter')).toHaveCount(2);
    // No count (the links' names are exact above), no note of more left out, nothing marked as the current page.
    await expect(nav.locator('.n, .note, [aria-current]')).toHaveCount(0);
  }
});

test('the full speaker and topic lists name everyone and everything quoted, with counts, linking to their quotes', async ({ page }) => {
  // Quoted words and reported speech counted apart (src/lib/rules/quotes.ts words the count).
  const tally = (pairs: [string, QuoteData][]) => {
    const by = new Map<string, QuoteData[]>();
    for (const [id, data] of pairs) by.set(id, [...(by.get(id) ?? []), data]);
    return [...by].map(([id, list]) => [id, quoteTally(list.map((data) => ({ data: { kind: data.kind } })))] as const);
  };
  const all = quoteTally(quotes.map(({ data }) => ({ data: { kind: data.kind } })));
  const lists: { url: string; heading: string; pairs: [string, QuoteData][]; entries: { id: string; data: { name: string } }[] }[] = [
    { url: '/quotes/by/', heading: 'Quotes by speaker', pairs: quotes.map(({ data }) => [data.speaker, data]), entries: people },
    { url: '/quotes/topic/', heading: 'Quotes by topic', pairs: quotes.flatMap(({ data }) => data.topics.map((t) => [t, data] as [string, QuoteData])), entries: topics },
  ];
  for (const { url, heading, pairs, entries } of lists) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.locator('.intro')).toContainText(`Or read all of them (${all}), newest first.`);
    const counted = tally(pairs);
    await expect(page.locator('.filter-list li')).toHaveCount(counted.length);
    for (const [id, words] of counted) {
      const name = entries.find((entry) => entry.id === id)!.data.name;
      const item = page.locator('.filter-list li').filter({ has: page.getByRole('link', { name, exact: true }) });
      await expect(item.getByRole('link')).toHaveAttribute('href', `${url}${id}/`);
      await expect(item).toContainText(words);
    }
  }
});

test('the article links every speaker to their page and every topic chip to its topic, and the header links quotes', async ({ page }) => {
  await page.goto(seedArticleUrl);
  for (const speaker of new Set(quotes.map(({ data }) => data.speaker))) {
    await expect(page.locator(`article a[href="/people/${speaker}/"]`).first()).toBeVisible();
  }
  const { data } = readArticles<{ topics: string[] }>().find(({ id }) => `/articles/${id}/` === seedArticleUrl)!;
  const chips = page.locator('section[aria-labelledby="topics-heading"] a');
  expect(await chips.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(data.topics.map((id) => `/topics/${id}/`));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotes' }).click();
  await expect(page).toHaveURL('/quotes/');
  await expect(page.locator('h1')).toHaveText('Quotes');
});

test.describe('with JavaScript', () => {
  test.use({ javaScriptEnabled: true });
  test('the quote page offers a button that copies its link, the address it is served at', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { id } = quotes[0]!;
    await page.goto(`/quotes/${id}/`);
    // The address the reader has open, wherever the site is served (not the build's SITE_URL).
    const here = new URL(`/quotes/${id}/`, baseURL).href;
    await expect(page.getByLabel('Copy this address to link to the quote')).toHaveValue(here);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('status')).toHaveText('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(here);
  });
});

/** Internal links of a page, split into address and fragment. */
async function linksOn(request: APIRequestContext, url: string): Promise<string[]> {
  const html = await (await request.get(url)).text();
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map(([, href]) => href!.replace(/&amp;/g, '&'));
}

const inScope = (path: string) => /^\/(people|topics|quotes)\//.test(path);
/** Every built page of the people, topics and quotes, from the files of the built site (the sitemap omits some). */
const pagesInScope = htmlFiles()
  .filter((file) => file.endsWith('index.html'))
  .map((file) => `/${file.replace(/index\.html$/, '')}`)
  .filter(inScope);

test('the people, topic and quote pages link to every listing of theirs, which are reached only through links', async ({ request, baseURL }) => {
  // Requests only: the pages' links are read from their HTML, and each target is checked in the tests below.
  const origin = new URL(baseURL!).origin;
  const start = ['/people/', '/topics/', '/quotes/', ...people.map(({ id }) => `/people/${id}/`), ...topics.map(({ id }) => `/topics/${id}/`), ...quotes.map(({ id }) => `/quotes/${id}/`)];
  const queue = [...start];
  const crawled = new Set<string>();
  const targets = new Set<string>();
  while (queue.length) {
    const url = queue.shift()!;
    if (crawled.has(url)) continue;
    crawled.add(url);
    for (const href of await linksOn(request, url)) {
      const resolved = new URL(href, origin + url);
      if (resolved.origin !== origin) continue;
      targets.add(resolved.pathname);
      if (inScope(resolved.pathname) && !crawled.has(resolved.pathname)) queue.push(resolved.pathname);
    }
  }
  // The filtered listings and later pages are reached only through links, so the crawl must have found them.
  // The seed has more quotes than the front page holds, so its oldest are on /quotes/1/.
  expect(quotes.length).toBeGreaterThan(20);
  expect([...crawled]).toEqual(expect.arrayContaining(['/quotes/1/', '/quotes/by/temur-umarov/', '/quotes/topic/middle-corridor/']));
  expect(targets.size).toBeGreaterThan(start.length);
  // Each page the crawl reaches has its own test below (feeds, also reached, hold no links).
  expect(pagesInScope).toEqual(expect.arrayContaining([...crawled].filter((path) => path.endsWith('/'))));
});

/** Each link target fetched once per worker: many pages link to the same article and people. */
const fetched = new Map<string, Promise<{ status: number; html: string }>>();
function fetchOnce(request: APIRequestContext, path: string) {
  if (!fetched.has(path)) {
    fetched.set(path, request.get(path, { maxRedirects: 0 }).then(async (response) => ({ status: response.status(), html: await response.text() })));
  }
  return fetched.get(path)!;
}

test.describe('every internal link and #anchor on the people, topic and quote pages resolves', () => {
  for (const pagePath of pagesInScope) {
    test(pagePath, async ({ request, baseURL }) => {
      const origin = new URL(baseURL!).origin;
      const broken: string[] = [];
      for (const href of await linksOn(request, pagePath)) {
        const resolved = new URL(href, origin + pagePath);
        if (resolved.origin !== origin) continue;
        const { status, html } = await fetchOnce(request, resolved.pathname);
        if (status !== 200) {
          broken.push(`${resolved.pathname}: HTTP ${status}`);
          continue;
        }
        if (!resolved.hash) continue;
        const fragment = decodeURIComponent(resolved.hash.slice(1));
        const escaped = fragment.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
        if (!new RegExp(`\\sid="${escaped}"`).test(html)) broken.push(`${resolved.pathname}#${fragment}: no element with that id`);
      }
      expect(broken).toEqual([]);
    });
  }
});
