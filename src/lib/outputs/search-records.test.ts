import { describe, expect, it, vi } from 'vitest';
import { articleSchema } from '@/schemas/article';
import { figureSchema } from '@/schemas/figure';
import { personSchema } from '@/schemas/person';
import { quoteSchema } from '@/schemas/quote';
import { topicSchema } from '@/schemas/topic';
import { testImage, testReference } from '@/test-support/reference';
import { createSite, type Article, type Figure, type Person, type Quote, type Topic } from '../content/index';

// src/lib/content/load.ts loads collections through astro:content, which only exists inside a build; these tests give the record
// builders a Site made here, so the store is never asked for.
vi.mock('astro:content', () => ({ getCollection: () => Promise.reject(new Error('no content store in unit tests')) }));
const { articleSearchData, figureRecord, personRecord, quoteRecord, recordDates, searchFilterOptions, searchRecords, topicRecord, undatedSortKey } =
  await import(
  './search-records'
);

const article = {
  id: 'balancing-act',
  data: articleSchema(testReference, testImage).parse({
    title: "Kazakhstan's balancing act",
    teaser: 'Kazakhstan is seeking closer EU ties.',
    authors: ['teri-schultz'],
    editors: ['rob-mudge'],
    published: '2022-10-25',
    topics: ['foreign-policy', 'kazakhstan'],
    people: ['roman-vassilenko'],
    source: { publisher: 'DW' },
  }),
} as unknown as Article;

const person = (id: string, data: unknown) => ({ id, data: personSchema(testReference).parse(data) }) as unknown as Person;
const people = [
  person('roman-vassilenko', {
    name: 'Roman Vassilenko',
    roles: [{ title: 'Deputy Foreign Minister', organisation: 'Kazakhstan' }],
    newsroom: { description: "Kazakhstan's Deputy Foreign Minister in October 2022." },
  }),
  person('temur-umarov', {
    name: 'Temur Umarov',
    roles: [
      { title: 'Analyst', organisation: 'Carnegie Endowment for International Peace', place: 'Bishkek' },
      { title: 'Fellow', organisation: 'Another Institute' },
    ],
    newsroom: { description: 'Analyst based in Bishkek.' },
  }),
  person('teri-schultz', { name: 'Teri Schultz', roles: [{ title: 'Journalist', organisation: 'DW' }], newsroom: { description: 'Reporter.' } }),
  person('rob-mudge', { name: 'Rob Mudge', roles: [{ title: 'Editor', organisation: 'DW' }], newsroom: { description: 'Editor.' } }),
  person('nobody-yet', { name: 'Nobody Yet', roles: [{ title: 'Adviser', organisation: 'Nowhere' }], newsroom: { description: 'In no article.' } }),
];

const topic = (id: string, name: string, description: string) =>
  ({ id, data: topicSchema().parse({ name, newsroom: { description } }) }) as unknown as Topic;
const topics = [
  topic('foreign-policy', "Kazakhstan's foreign policy", 'How Kazakhstan balances its relations.'),
  topic('kazakhstan', 'Kazakhstan', 'The largest country in Central Asia.'),
  topic('energy-exports', 'Energy exports', 'Oil and gas leaving Kazakhstan.'),
  topic('unused', 'An unused topic', 'Nothing is filed under it yet.'),
];

const quote = (id: string, data: Record<string, unknown>) =>
  ({
    id,
    data: quoteSchema(testReference).parse({
      kind: 'direct',
      said: { date: '2022-10-25', basis: 'publication' },
      article: 'balancing-act',
      newsroom: { context: 'Context in our words.' },
      ...data,
    }),
  }) as unknown as Quote;
const quotes = [
  quote('vassilenko-pro-kazakh', {
    text: 'We are pro-Kazakh.',
    speaker: 'roman-vassilenko',
    role: { title: 'Deputy Foreign Minister', organisation: 'Kazakhstan' },
    topics: ['foreign-policy', 'kazakhstan'],
  }),
  quote('umarov-split', {
    text: ['We are maintaining these routes,', 'but we need to diversify.'],
    speaker: 'temur-umarov',
    role: { title: 'Analyst', organisation: 'Carnegie Endowment for International Peace' },
    kind: 'reported',
    said: { date: '2022-09-01', precision: 'month', wording: 'In September', basis: 'stated' },
    topics: ['energy-exports'],
  }),
];

const figure = (id: string, data: Record<string, unknown>) =>
  ({
    id,
    data: figureSchema(testReference).parse({
      asOf: { date: '2022-10-25', basis: 'publication' },
      article: 'balancing-act',
      ...data,
    }),
  }) as unknown as Figure;
const figures = [
  figure('cpc-export-share', {
    value: 80,
    unit: 'percent',
    measures: "Share of Kazakhstan's oil and gas exports that cross Russia",
    wording: '80% of those exports cross Russia',
    source: { publisher: 'DW' },
    topics: ['energy-exports'],
  }),
  figure('cpc-stoppages', {
    value: 5,
    unit: 'stoppages',
    measures: 'Times Russia has stopped the CPC pipeline',
    wording: 'stopped the pipeline from working five times',
    source: { person: 'temur-umarov' },
    asOf: { date: '2022-08-01', precision: 'month', basis: 'stated' },
    topics: ['energy-exports'],
  }),
  figure('german-companies', {
    value: 40,
    unit: 'companies',
    qualifier: 'nearly',
    measures: 'Relocated companies from Germany',
    wording: 'Nearly 40 of those companies are from Germany',
    source: { report: 'a government report' },
    topics: ['kazakhstan'],
  }),
];

const site = createSite({ articles: [article], people, quotes, figures, topics, places: [], routes: [] });

describe('articleSearchData', () => {
  it('gives an article its type and topic filters, teaser and date meta and a date sort key', () => {
    expect(articleSearchData(site, article)).toEqual({
      meta: { date: '2022-10-25', teaser: 'Kazakhstan is seeking closer EU ties.' },
      filters: { type: ['article'], topic: ["Kazakhstan's foreign policy", 'Kazakhstan'] },
      sort: { date: '2022-10-25' },
    });
  });
});

describe('quoteRecord', () => {
  it('points at the quote in its article and carries its words, speaker, role and date', () => {
    expect(quoteRecord(site, site.quote('vassilenko-pro-kazakh'))).toEqual({
      url: '/articles/balancing-act/#quote-vassilenko-pro-kazakh',
      content: 'We are pro-Kazakh.',
      language: 'en',
      meta: {
        title: 'We are pro-Kazakh.',
        kind: 'direct',
        speaker: 'Roman Vassilenko',
        role: 'Deputy Foreign Minister, Kazakhstan',
        date: '2022-10-25',
        precision: 'day',
      },
      filters: { type: ['quote'], speaker: ['Roman Vassilenko'], topic: ["Kazakhstan's foreign policy", 'Kazakhstan'] },
      sort: { date: '2022-10-25' },
    });
  });

  it('joins the segments of a split statement and keeps the kind and how precisely the date is known', () => {
    const record = quoteRecord(site, site.quote('umarov-split'));
    expect(record.content).toBe('We are maintaining these routes, but we need to diversify.');
    expect(record.meta).toMatchObject({ kind: 'reported', role: 'Analyst, Carnegie Endowment for International Peace', date: '2022-09-01', precision: 'month' });
    expect(record.filters).toEqual({ type: ['quote'], speaker: ['Temur Umarov'], topic: ['Energy exports'] });
  });
});

describe('personRecord', () => {
  it('finds a person by name, every role and our description, shows the current role, dates by their newest article', () => {
    expect(personRecord(site.person('temur-umarov'), recordDates(site))).toEqual({
      url: '/people/temur-umarov/',
      content:
        'Temur Umarov. Analyst, Carnegie Endowment for International Peace, Bishkek. Fellow, Another Institute. Analyst based in Bishkek.',
      language: 'en',
      meta: { title: 'Temur Umarov', role: 'Analyst, Carnegie Endowment for International Peace, Bishkek' },
      filters: { type: ['person'] },
      // Not in the article's people list, but quoted in it: the article's date, not the quote's (September).
      sort: { date: '2022-10-25' },
    });
    expect(personRecord(site.person('rob-mudge'), recordDates(site)).sort).toEqual({ date: '2022-10-25' });
  });

  it('gives no speaker filter to people, so the speaker filter leaves only quotes', () => {
    expect(personRecord(site.person('roman-vassilenko'), recordDates(site)).filters).toEqual({ type: ['person'] });
  });

  it('keeps someone in no article in date-sorted results with the oldest sort key', () => {
    expect(personRecord(site.person('nobody-yet'), recordDates(site)).sort).toEqual({ date: undatedSortKey });
  });
});

describe('topicRecord', () => {
  it('carries the name, our description (shown as ours) and itself as topic filter, dated by its newest entry', () => {
    expect(topicRecord(site.topic('energy-exports'), recordDates(site))).toEqual({
      url: '/topics/energy-exports/',
      content: 'Energy exports. Oil and gas leaving Kazakhstan.',
      language: 'en',
      meta: { title: 'Energy exports', description: 'Oil and gas leaving Kazakhstan.' },
      filters: { type: ['topic'], topic: ['Energy exports'] },
      sort: { date: '2022-10-25' },
    });
    expect(topicRecord(site.topic('unused'), recordDates(site)).sort).toEqual({ date: undatedSortKey });
  });
});

describe('figureRecord', () => {
  it('points at the fact box and carries value, what it measures, its wording, source and date', () => {
    expect(figureRecord(site, site.figure('cpc-export-share'))).toEqual({
      url: '/articles/balancing-act/#figure-cpc-export-share',
      content: "80%. Share of Kazakhstan's oil and gas exports that cross Russia. 80% of those exports cross Russia",
      language: 'en',
      meta: {
        title: "Share of Kazakhstan's oil and gas exports that cross Russia",
        value: '80%',
        source: 'DW',
        date: '2022-10-25',
        precision: 'day',
        basis: 'publication',
      },
      filters: { type: ['figure'], topic: ['Energy exports'] },
      sort: { date: '2022-10-25' },
    });
  });

  it('names a person or a report as the source', () => {
    expect(figureRecord(site, site.figure('cpc-stoppages')).meta).toMatchObject({
      value: '5 stoppages',
      source: 'Temur Umarov',
      date: '2022-08-01',
      precision: 'month',
      basis: 'stated',
    });
    expect(figureRecord(site, site.figure('german-companies')).meta).toMatchObject({
      value: 'Nearly 40 companies',
      source: 'a government report',
    });
  });
});

describe('searchRecords', () => {
  it('holds one record per quote, person, topic and figure, each typed and with a date sort key', () => {
    const records = searchRecords(site);
    expect(records).toHaveLength(quotes.length + people.length + topics.length + figures.length);
    expect(records.map((record) => record.filters.type[0]).sort()).toEqual(
      [...Array(2).fill('quote'), ...Array(5).fill('person'), ...Array(4).fill('topic'), ...Array(3).fill('figure')].sort(),
    );
    for (const record of records) expect(record.sort.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Set(records.map((record) => record.url)).size).toBe(records.length);
  });
});

describe('searchFilterOptions', () => {
  const options = searchFilterOptions(site);

  it('counts each type as the index holds it, in the order the form offers types', () => {
    expect(options.type).toEqual([
      { value: 'quote', count: 2 },
      { value: 'person', count: 5 },
      { value: 'article', count: 1 },
      { value: 'topic', count: 4 },
      { value: 'figure', count: 3 },
    ]);
  });

  it('lists the people quoted, by family name, with how many quotes each', () => {
    expect(options.speaker).toEqual([
      { value: 'Temur Umarov', count: 1 },
      { value: 'Roman Vassilenko', count: 1 },
    ]);
  });

  it('counts everything filed under a topic: articles, quotes, figures and the topic itself', () => {
    expect(options.topic).toEqual([
      { value: 'An unused topic', count: 1 },
      { value: 'Energy exports', count: 4 },
      { value: 'Kazakhstan', count: 4 },
      { value: "Kazakhstan's foreign policy", count: 3 },
    ]);
  });
});
