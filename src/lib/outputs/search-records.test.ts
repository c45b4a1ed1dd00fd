import { describe, expect, it } from 'vitest';
import { article, figure, person, quote, role, topic } from '@/test-support/fixtures';
import { testSite } from '@/test-support/site';

import { decodeEntries } from '@/lib/shared/search-entries';
import {
  articleSearchData,
  groupRecords,
  personRecord,
  recordGroupSize,
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
  const data = articleSearchData(site, balancingAct);
  const entries = decodeEntries(data.meta.entries)!;

  it('gives an article its teaser and date meta and a date sort key', () => {
    expect(data.meta).toMatchObject({ date: '2022-10-25', teaser: 'Kazakhstan is seeking closer EU ties.' });
    expect(data.sort).toEqual({ date: '2022-10-25' });
  });

  it('filters the page by every type, speaker and topic among the article, its quotes and its figures', () => {
    expect(data.filters).toEqual({
      type: ['article', 'quote', 'figure'],
      speaker: ['Roman Vassilenko', 'Temur Umarov'],
      topic: ["Kazakhstan's foreign policy", 'Kazakhstan', 'Energy exports'],
    });
  });

  it('carries each quote with its kind, speaker, role at the time, date, topics and a split statement\'s later words', () => {
    const topics = (indexes: number[]) => indexes.map((index) => entries.t[index]);
    expect(topics(entries.a)).toEqual(["Kazakhstan's foreign policy", 'Kazakhstan']);
    const [proKazakh, split] = ['vassilenko-pro-kazakh', 'umarov-split'].map((id) => entries.q.find((quote) => quote[0] === id)!);
    expect(proKazakh).toEqual([
      'vassilenko-pro-kazakh',
      'direct',
      'Roman Vassilenko',
      'Deputy Foreign Minister, Kazakhstan',
      '2022-10-25',
      'day',
      proKazakh![6],
      [],
    ]);
    expect(topics(proKazakh![6])).toEqual(["Kazakhstan's foreign policy", 'Kazakhstan']);
    // The first segment's words are the text of its anchor in the page; a split statement carries its later ones.
    expect(split!.slice(1, 6)).toEqual(['reported', 'Temur Umarov', 'Analyst, Carnegie Endowment for International Peace', '2022-09-01', 'month']);
    expect(split![7]).toEqual(['but we need to diversify.']);
    expect(topics(split![6])).toEqual(['Energy exports']);
    expect(entries.q).toHaveLength(site.quotesIn(balancingAct).length);
  });

  it('carries each figure with its value, what it measures, source, date, basis, topics and wording', () => {
    const figure = (id: string) => entries.f.find((entry) => entry[0] === id)!;
    expect(figure('cpc-export-share')).toEqual([
      'cpc-export-share',
      '80%',
      "Share of Kazakhstan's oil and gas exports that cross Russia",
      'DW',
      '2022-10-25',
      'day',
      'publication',
      [entries.t.indexOf('Energy exports')],
      '80% of those exports cross Russia',
    ]);
    expect(figure('cpc-stoppages').slice(1, 7)).toEqual(['5 stoppages', 'Times Russia has stopped the CPC pipeline', 'Temur Umarov', '2022-08-01', 'month', 'stated']);
    expect(figure('german-companies').slice(1, 4)).toEqual(['Nearly 40 companies', 'Relocated companies from Germany', 'a government report']);
    expect(entries.f).toHaveLength(3);
  });
});

describe('personRecord', () => {
  it('finds a person by name, every role and our description, shows the current role, dates by their newest article', () => {
    expect(personRecord(site.person('temur-umarov'), recordDates(site))).toEqual({
      url: '/people/temur-umarov/',
      content:
        'Temur Umarov. Analyst, Carnegie Endowment for International Peace, Bishkek. Fellow, Another Institute. Analyst based in Bishkek.',
      language: 'en',
      meta: { title: 'Temur Umarov', role: 'Analyst, Carnegie Endowment for International Peace, Bishkek', date: '2022-10-25' },
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
      meta: { title: 'Energy exports', description: 'Oil and gas leaving Kazakhstan.', date: '2022-10-25' },
      filters: { type: ['topic'], topic: ['Energy exports'] },
      sort: { date: '2022-10-25' },
    });
    expect(topicRecord(site.topic('unused'), recordDates(site)).sort).toEqual({ date: undatedSortKey });
  });
});

describe('searchRecords', () => {
  it('holds people and topics in records of a few each, typed, with a date sort key: quotes and figures are in their articles', () => {
    const records = searchRecords(site);
    const groups = (count: number) => Math.ceil(count / recordGroupSize);
    expect(records.map((record) => record.filters.type)).toEqual([
      ...Array(groups(site.people.length)).fill(['person']),
      ...Array(groups(site.topics.length)).fill(['topic']),
    ]);
    for (const record of records) expect(record.sort.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Set(records.map((record) => record.url)).size).toBe(records.length);
    // Every person and topic is a member of one, linked to its own page.
    const members = records.flatMap((record) => decodeEntries(record.meta.entries)!.m!.map((member) => member[0]));
    expect(members).toEqual([...site.people.map((person) => `/people/${person.id}/`), ...site.topics.map((topic) => `/topics/${topic.id}/`)]);
  });
});

describe('groupRecords', () => {
  const dates = recordDates(site);
  const people = site.people.map((person) => personRecord(person, dates));
  const topics = site.topics.map((topic) => topicRecord(topic, dates));
  const url = (group: number) => `/people/?group=${group}`;

  it('puts the members\' words one after another and says how many are each one\'s, with what the result shows', () => {
    const [group] = groupRecords(people, 'person', url);
    expect(group!.content).toBe(people.slice(0, recordGroupSize).map((record) => record.content).join(' '));
    const members = decodeEntries(group!.meta.entries)!.m!;
    const umarov = people.find((record) => record.url === '/people/temur-umarov/')!;
    expect(members.find((member) => member[0] === umarov.url)).toEqual([
      '/people/temur-umarov/',
      'Temur Umarov',
      'Analyst, Carnegie Endowment for International Peace, Bishkek',
      '2022-10-25',
      umarov.content.split(' ').length,
    ]);
    // The counts add up to the record's words, so the last member ends where the content does.
    expect(members.reduce((sum, member) => sum + member[4], 0)).toBe(group!.content.split(' ').length);
  });

  it('filters a group of topics by every member\'s name and sorts it by the newest member', () => {
    const [group] = groupRecords(topics, 'topic', (n) => `/topics/?group=${n}`);
    expect(group!.filters).toEqual({ type: ['topic'], topic: topics.map((record) => record.meta.title) });
    expect(group!.sort.date).toBe(topics.map((record) => record.sort.date).sort().at(-1));
    expect(decodeEntries(group!.meta.entries)!.m!.map((member) => member[2])).toEqual(topics.map((record) => record.meta.description));
  });

  it('makes a record per recordGroupSize members', () => {
    const many = Array.from({ length: recordGroupSize * 2 + 1 }, (_, n) => ({ ...people[0]!, url: `/people/p${n}/` }));
    expect(groupRecords(many, 'person', url).map((group) => decodeEntries(group.meta.entries)!.m!.length)).toEqual([recordGroupSize, recordGroupSize, 1]);
  });
});

describe('searchFilterOptions', () => {
  const options = searchFilterOptions(site);

  it('counts each type as the result list shows entries, in the order the form offers types', () => {
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
