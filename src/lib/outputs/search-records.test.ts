import { describe, expect, it } from 'vitest';
import { article, figure, person, quote, role, topic } from '@/test-support/fixtures';
import { testSite } from '@/test-support/site';

import {
  articleSearchData,
  figureRecord,
  personRecord,
  quoteRecord,
  recordDates,
  searchFilterOptions,
  searchRecords,
  topicRecord,
  undatedSortKey,
} from './search-records';

// Five people, four topics, one article, two quotes and three figures, written as their files are.
const site = testSite({
  articles: {
    'balancing-act': article({
      title: "Kazakhstan's balancing act",
      teaser: 'Kazakhstan is seeking closer EU ties.',
      authors: ['teri-schultz'],
      editors: ['rob-mudge'],
      topics: ['foreign-policy', 'kazakhstan'],
      people: ['roman-vassilenko'],
    }),
  },
  people: {
    'roman-vassilenko': person('Roman Vassilenko', {
      roles: [role('Deputy Foreign Minister', 'Kazakhstan')],
      newsroom: { description: "Kazakhstan's Deputy Foreign Minister in October 2022." },
    }),
    'temur-umarov': person('Temur Umarov', {
      roles: [
        { ...role('Analyst', 'Carnegie Endowment for International Peace'), place: 'Bishkek' },
        role('Fellow', 'Another Institute'),
      ],
      newsroom: { description: 'Analyst based in Bishkek.' },
    }),
    'teri-schultz': person('Teri Schultz', { roles: [role('Journalist', 'DW')], newsroom: { description: 'Reporter.' } }),
    'rob-mudge': person('Rob Mudge', { roles: [role('Editor', 'DW')], newsroom: { description: 'Editor.' } }),
    'nobody-yet': person('Nobody Yet', { roles: [role('Adviser', 'Nowhere')], newsroom: { description: 'In no article.' } }),
  },
  topics: {
    'foreign-policy': topic("Kazakhstan's foreign policy", { newsroom: { description: 'How Kazakhstan balances its relations.' } }),
    kazakhstan: topic('Kazakhstan', { newsroom: { description: 'The largest country in Central Asia.' } }),
    'energy-exports': topic('Energy exports', { newsroom: { description: 'Oil and gas leaving Kazakhstan.' } }),
    unused: topic('An unused topic', { newsroom: { description: 'Nothing is filed under it yet.' } }),
  },
  quotes: {
    'vassilenko-pro-kazakh': quote({
      text: 'We are pro-Kazakh.',
      speaker: 'roman-vassilenko',
      role: role('Deputy Foreign Minister', 'Kazakhstan'),
      article: 'balancing-act',
      topics: ['foreign-policy', 'kazakhstan'],
      newsroom: { context: 'Context in our words.' },
    }),
    'umarov-split': quote({
      text: ['We are maintaining these routes,', 'but we need to diversify.'],
      speaker: 'temur-umarov',
      role: role('Analyst', 'Carnegie Endowment for International Peace'),
      kind: 'reported',
      said: { date: '2022-09-01', precision: 'month', wording: 'In September', basis: 'stated' },
      article: 'balancing-act',
      topics: ['energy-exports'],
      newsroom: { context: 'Context in our words.' },
    }),
  },
  figures: {
    'cpc-export-share': figure({
      article: 'balancing-act',
      value: 80,
      unit: 'percent',
      measures: "Share of Kazakhstan's oil and gas exports that cross Russia",
      wording: '80% of those exports cross Russia',
      source: { publisher: 'DW' },
      topics: ['energy-exports'],
    }),
    'cpc-stoppages': figure({
      article: 'balancing-act',
      value: 5,
      unit: 'stoppages',
      measures: 'Times Russia has stopped the CPC pipeline',
      wording: 'stopped the pipeline from working five times',
      source: { person: 'temur-umarov' },
      asOf: { date: '2022-08-01', precision: 'month', basis: 'stated' },
      topics: ['energy-exports'],
    }),
    'german-companies': figure({
      article: 'balancing-act',
      value: 40,
      unit: 'companies',
      qualifier: 'nearly',
      measures: 'Relocated companies from Germany',
      wording: 'Nearly 40 of those companies are from Germany',
      source: { report: 'a government report' },
      topics: ['kazakhstan'],
    }),
  },
});
const balancingAct = site.article('balancing-act');

describe('articleSearchData', () => {
  it('gives an article its type and topic filters, teaser and date meta and a date sort key', () => {
    expect(articleSearchData(site, balancingAct)).toEqual({
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

  it('shows a role the research says has ended as former, from the day it ended', () => {
    const formerSite = testSite({
      people: {
        'nursultan-nazarbayev': person('Nursultan Nazarbayev', {
          roles: [{ ...role('President', 'Kazakhstan'), newsroom: { from: '1990-04-24', until: '2019-03-20' } }],
        }),
      },
    });
    const nazarbayev = formerSite.person('nursultan-nazarbayev');
    const dates = recordDates(formerSite);
    expect(personRecord(nazarbayev, dates, new Date('2019-03-19T00:00:00Z')).meta.role).toBe('President, Kazakhstan');
    expect(personRecord(nazarbayev, dates, new Date('2026-12-01T00:00:00Z')).meta.role).toBe('Former President, Kazakhstan');
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
    expect(records).toHaveLength(site.quotes.length + site.people.length + site.topics.length + site.figures.length);
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
