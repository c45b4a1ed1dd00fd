import { describe, expect, it } from 'vitest';
import { byDate, decodeEntries, encodeEntries, pageEntries, wordKey, type Entry, type PageEntries, type PageResultData } from './search-entries';

// An article page as Pagefind gives it: its words in reading order, with each element id where it starts and the
// element's text (a quote's element holds its first segment's words; the fact box's text is empty, as Pagefind gives
// a div's). The quotation marks stand outside the quote's element, as authors write them ("<Quote id="..." />," he
// said): Pagefind puts a space where an element with an id starts, none where it ends, so a closing mark joins the
// last word.
const pieces: (string | { id: string; text: string })[] = [
  "Kazakhstan's balancing act. The minister spoke in Astana.",
  '“',
  { id: 'quote-pro-kazakh', text: 'We are pro-Kazakh.' },
  '” Vassilenko said. “',
  { id: 'quote-split', text: 'We are maintaining these routes,' },
  '” Umarov said, “but we need to diversify.” Exports go by pipeline.',
  { id: 'figure-cpc', text: '' },
  "80%. Share of Kazakhstan's exports that cross Russia.",
  'Source: DW · as of 25 October 2022. 80% of those exports cross Russia, the article says.',
];
const words: string[] = [];
const anchors: { id: string; location: number; text: string }[] = [];
for (const piece of pieces) {
  const text = typeof piece === 'string' ? piece : piece.text;
  if (typeof piece !== 'string') anchors.push({ id: piece.id, location: words.length, text });
  const [first, ...rest] = text.split(/\s+/).filter(Boolean);
  if (first?.startsWith('”')) words[words.length - 1] += first;
  else if (first) words.push(first);
  words.push(...rest);
}
const content = words.join(' ');

const entries: PageEntries = {
  t: ['Kazakhstan', 'Energy exports', 'Foreign policy'],
  a: [0, 2],
  q: [
    ['pro-kazakh', 'direct', 'Roman Vassilenko', 'Deputy Foreign Minister, Kazakhstan', '2022-10-25', 'day', [0, 2], []],
    ['split', 'reported', 'Temur Umarov', 'Analyst', '2022-09-01', 'month', [1], ['but we need to diversify.']],
  ],
  f: [['cpc', '80%', "Share of Kazakhstan's exports that cross Russia", 'DW', '2022-10-25', 'day', 'publication', [1], '80% of those exports cross Russia']],
};

/** Pagefind's answer for a query: the positions of the words each term matches (a prefix of the word here). */
function result(q: string): PageResultData {
  const terms = q.split(/\s+/).map(wordKey).filter(Boolean);
  const locations = words.flatMap((word, at) => (terms.some((term) => wordKey(word).startsWith(term)) ? [at] : []));
  return {
    url: '/articles/balancing-act/',
    excerpt: 'the article’s excerpt',
    content,
    locations,
    anchors,
    meta: { title: "Kazakhstan's balancing act", date: '2022-10-25', entries: encodeEntries(entries) },
    filters: { type: ['article', 'quote', 'figure'] },
  };
}
const criteria = (q: string, narrow: Partial<{ type: Entry['type']; speaker: string; topic: string }> = {}) => ({
  q,
  type: narrow.type ?? ('' as const),
  speaker: narrow.speaker ?? '',
  topic: narrow.topic ?? '',
});
const found = (q: string, narrow?: Parameters<typeof criteria>[1]) =>
  pageEntries(result(q), criteria(q, narrow)).map((entry) => `${entry.type} ${entry.url.split('#')[1] ?? ''}`.trim());

describe('pageEntries', () => {
  it('shows the quote the words fall in first, as a quote with its speaker, role and date, then the article', () => {
    const [quote, article] = pageEntries(result('pro-Kazakh'), criteria('pro-Kazakh'));
    expect(quote).toMatchObject({
      type: 'quote',
      url: '/articles/balancing-act/#quote-pro-kazakh',
      meta: { title: 'We are pro-Kazakh.', kind: 'direct', speaker: 'Roman Vassilenko', role: 'Deputy Foreign Minister, Kazakhstan', date: '2022-10-25', precision: 'day' },
      filters: { type: ['quote'] },
    });
    expect(quote!.excerpt).toBe('We are <mark>pro-Kazakh.</mark>');
    expect(article).toMatchObject({ type: 'article', url: '/articles/balancing-act/', excerpt: 'the article’s excerpt' });
    expect(found('pro-Kazakh')).toEqual(['quote quote-pro-kazakh', 'article']);
  });

  it('finds a split statement by the words of its later segment, and shows it whole with them marked', () => {
    const [quote] = pageEntries(result('diversify'), criteria('diversify'));
    expect(quote).toMatchObject({ type: 'quote', url: '/articles/balancing-act/#quote-split', meta: { title: 'We are maintaining these routes, but we need to diversify.' } });
    expect(quote!.excerpt).toBe('We are maintaining these routes, but we need to <mark>diversify.</mark>');
  });

  it('shows a quote only if every word matched on the page is inside it, the one with more matches first', () => {
    expect(found('we are')).toEqual(['quote quote-split', 'quote quote-pro-kazakh', 'article']);
    // "minister" is only in the prose: no quote holds both words.
    expect(found('minister pro-Kazakh')).toEqual(['article']);
    // Words outside the quotes and figures find the article alone.
    expect(found('Astana')).toEqual(['article']);
  });

  it('finds a figure by its value and what it measures in the fact box, and by the wording in the prose', () => {
    expect(found('share')).toEqual(['figure figure-cpc', 'article']);
    expect(found('those')).toEqual(['figure figure-cpc', 'article']);
    const [figure] = pageEntries(result('share'), criteria('share'));
    expect(figure).toMatchObject({
      meta: { title: "Share of Kazakhstan's exports that cross Russia", value: '80%', source: 'DW', date: '2022-10-25', basis: 'publication' },
      filters: { type: ['figure'] },
    });
    // The source line is not among the words a figure is found by (as the figure's record held value, measures, wording).
    expect(found('source')).toEqual(['article']);
  });

  it('narrows by type: only that type of entry', () => {
    expect(found('we', { type: 'quote' })).toEqual(['quote quote-split', 'quote quote-pro-kazakh']);
    expect(found('we', { type: 'article' })).toEqual(['article']);
    expect(found('cross', { type: 'figure' })).toEqual(['figure figure-cpc']);
  });

  it('narrows by speaker: only that person\'s quotes, no figure or article', () => {
    expect(found('we', { speaker: 'Temur Umarov' })).toEqual(['quote quote-split']);
    expect(found('Kazakhstan', { speaker: 'Temur Umarov' })).toEqual([]);
  });

  it('narrows by topic: entries filed under it themselves, the article by its own topics', () => {
    expect(found('we', { topic: 'Energy exports' })).toEqual(['quote quote-split']);
    expect(found('cross', { topic: 'Energy exports' })).toEqual(['figure figure-cpc']);
    expect(found('we', { topic: 'Foreign policy' })).toEqual(['quote quote-pro-kazakh', 'article']);
  });

  it('with no words, lists every quote and figure the filters allow, in reading order', () => {
    expect(found('')).toEqual(['quote quote-pro-kazakh', 'quote quote-split', 'figure figure-cpc', 'article']);
    expect(found('', { speaker: 'Roman Vassilenko' })).toEqual(['quote quote-pro-kazakh']);
    const [quote] = pageEntries(result(''), criteria('', { speaker: 'Roman Vassilenko' }));
    expect(quote!.excerpt).toBe('We are pro-Kazakh.');
  });

  it('escapes markup in the words it marks, so the excerpt never carries a tag of its own', () => {
    const tricky: PageEntries = { ...entries, q: [['x', 'direct', 'A', 'B', '2022-10-25', 'day', [], []]], f: [] };
    const data: PageResultData = {
      url: '/a/',
      excerpt: '',
      content: '“ <b>bold</b> & co ”',
      locations: [1],
      anchors: [{ id: 'quote-x', location: 1, text: '<b>bold</b> & co' }],
      meta: { entries: encodeEntries(tricky) },
      filters: { type: ['article', 'quote'] },
    };
    expect(pageEntries(data, criteria('bold'))[0]!.excerpt).toBe('<mark>&lt;b&gt;bold&lt;/b&gt;</mark> &amp; co');
  });

  it('takes a quote\'s words from its elements, not the closing marks the page joins to them', () => {
    expect(words).toContain('pro-Kazakh.”');
    const [quote] = pageEntries(result('diversify routes'), criteria('diversify routes'));
    expect(quote!.meta.title).toBe('We are maintaining these routes, but we need to diversify.');
    expect(quote!.excerpt).toBe('We are maintaining these <mark>routes,</mark> but we need to <mark>diversify.</mark>');
  });

  it('leaves out a quote whose element the page does not hold, rather than show it without its words', () => {
    const partial = { ...result('we'), anchors: anchors.filter((anchor) => anchor.id !== 'quote-split') };
    expect(pageEntries(partial, criteria('we')).map((entry) => entry.url.split('#')[1] ?? '')).toEqual(['quote-pro-kazakh', '']);
  });

  it('keeps a page without entries (a person or topic record) as it is, and leaves it out under a speaker filter', () => {
    const person: PageResultData = { url: '/people/temur-umarov/', excerpt: '<mark>Umarov</mark>', meta: { title: 'Temur Umarov', date: '2022-10-25' }, filters: { type: ['person'] } };
    expect(pageEntries(person, criteria('Umarov'))).toEqual([
      { type: 'person', url: '/people/temur-umarov/', excerpt: '<mark>Umarov</mark>', meta: person.meta, filters: { type: ['person'] }, date: '2022-10-25', hits: 0 },
    ]);
    expect(pageEntries(person, criteria('Umarov', { speaker: 'Temur Umarov' }))).toEqual([]);
  });
});

describe('pageEntries of a group record', () => {
  // Two people in one record, their words one after another.
  const members = ['Temur Umarov. Analyst, Carnegie Endowment. Analyst based in Bishkek.', 'Roman Vassilenko. Deputy Foreign Minister, Kazakhstan.'];
  const group = (q: string, type: 'person' | 'topic' = 'person'): PageResultData => {
    const words = members.join(' ').split(' ');
    const terms = q.split(/\s+/).map(wordKey).filter(Boolean);
    const entries: PageEntries = {
      t: [],
      a: [],
      q: [],
      f: [],
      m: [
        ['/people/temur-umarov/', 'Temur Umarov', 'Analyst, Carnegie Endowment', '2022-10-25', members[0]!.split(' ').length],
        ['/people/roman-vassilenko/', 'Roman Vassilenko', 'Deputy Foreign Minister, Kazakhstan', '2022-10-20', members[1]!.split(' ').length],
      ],
    };
    return {
      url: '/people/?group=1',
      excerpt: '',
      content: words.join(' '),
      locations: words.flatMap((word, at) => (terms.some((term) => wordKey(word).startsWith(term)) ? [at] : [])),
      meta: { entries: encodeEntries(entries) },
      filters: { type: [type] },
    };
  };

  it('shows the members the words fall in, each linked to its own page with its role', () => {
    expect(pageEntries(group('analyst'), criteria('analyst'))).toEqual([
      {
        type: 'person',
        url: '/people/temur-umarov/',
        excerpt: '',
        meta: { title: 'Temur Umarov', role: 'Analyst, Carnegie Endowment', date: '2022-10-25' },
        filters: { type: ['person'] },
        date: '2022-10-25',
        hits: 2,
      },
    ]);
    expect(pageEntries(group('Kazakhstan'), criteria('Kazakhstan')).map((entry) => entry.url)).toEqual(['/people/roman-vassilenko/']);
    // Words of two members find neither: each member is found by its own words, as a record of its own was.
    expect(pageEntries(group('Bishkek minister'), criteria('Bishkek minister'))).toEqual([]);
  });

  it('lists every member with no words, none under a speaker filter, and topics by the topic filter', () => {
    expect(pageEntries(group(''), criteria('')).map((entry) => entry.meta.title)).toEqual(['Temur Umarov', 'Roman Vassilenko']);
    expect(pageEntries(group(''), criteria('', { speaker: 'Temur Umarov' }))).toEqual([]);
    const topics = pageEntries(group('', 'topic'), criteria('', { topic: 'Roman Vassilenko' }));
    expect(topics.map((entry) => [entry.type, entry.meta.title, entry.meta.description])).toEqual([['topic', 'Roman Vassilenko', 'Deputy Foreign Minister, Kazakhstan']]);
  });
});

describe('decodeEntries', () => {
  it('reads back what encodeEntries wrote, and nothing from a missing or broken value', () => {
    expect(decodeEntries(encodeEntries(entries))).toEqual(entries);
    expect(decodeEntries(undefined)).toBeUndefined();
    expect(decodeEntries('{"t":[]')).toBeUndefined();
    expect(decodeEntries('{"t":[],"a":[]}')).toBeUndefined();
  });
});

describe('byDate', () => {
  it('orders entries newest or oldest first, keeping the order of equal dates', () => {
    const list = pageEntries(result(''), criteria(''));
    expect(byDate(list, 'newest').map((entry) => entry.date)).toEqual(['2022-10-25', '2022-10-25', '2022-10-25', '2022-09-01']);
    expect(byDate(list, 'oldest').map((entry) => `${entry.type} ${entry.date}`)).toEqual([
      'quote 2022-09-01',
      'quote 2022-10-25',
      'figure 2022-10-25',
      'article 2022-10-25',
    ]);
  });
});
