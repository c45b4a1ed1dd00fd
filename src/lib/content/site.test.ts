import { describe, expect, it } from 'vitest';

import { rankRelated, type RelatedCandidate } from './related';
import { relatedCandidate } from './related-index';
import { article, figure, person, place, quote, role, route, topic } from '@/test-support/fixtures';
import { testSite } from '@/test-support/site';

const journalist = role('Journalist', 'DW');
const analyst = role('Analyst', 'Carnegie');

/**
 * Jane writes the October article and is interviewed in the March one; Ed edits one and writes the other; Sam is
 * quoted twice in October (in reading order zebra, then apple) and once in a draft.
 */
const site = testSite({
  people: {
    'jane-doe': person('Jane Doe', { roles: [journalist], sortName: 'Doe, Jane' }),
    'ed-editor': person('Ed Editor', { roles: [role('Editor', 'DW')] }),
    'sam-analyst': person('Sam Analyst', { roles: [role('Analyst', 'Carnegie')] }),
    'pat-mentioned': person('Pat Mentioned', { roles: [role('Minister', 'Kazakhstan')] }),
    'nobody-yet': person('Nobody Yet', { roles: [role('Mayor', 'Astana')] }),
  },
  topics: { energy: topic('Energy'), politics: topic('Politics'), climate: topic('Climate'), empty: topic('Empty') },
  articles: {
    october: {
      ...article({ title: 'Published 2022-10-25', published: '2022-10-25', authors: ['jane-doe'], editors: ['ed-editor'], topics: ['energy'] }),
      body: 'Sam says <Quote id="sam-zebra" />. Later: "<Quote id="sam-apple" />" <Person id="pat-mentioned">Pat</Person> agreed.',
    },
    march: {
      ...article({ title: 'Published 2023-03-01', published: '2023-03-01', authors: ['ed-editor'], topics: ['politics'], people: ['sam-analyst'] }),
      body: 'Jane Doe, who covers the region, said "<Quote id="jane-on-politics" />"',
    },
    unpublished: {
      ...article({ title: 'Published 2023-04-01', published: '2023-04-01', authors: ['jane-doe'], topics: ['energy'], draft: true }),
      body: '"<Quote id="sam-in-draft" />"',
    },
  },
  quotes: {
    'sam-apple': quote({ speaker: 'sam-analyst', role: analyst, article: 'october', said: { date: '2022-10-25', basis: 'publication' }, topics: ['energy', 'politics'] }),
    'sam-zebra': quote({ speaker: 'sam-analyst', role: analyst, article: 'october', said: { date: '2022-10-25', basis: 'publication' }, topics: ['energy'] }),
    'jane-on-politics': quote({ speaker: 'jane-doe', role: journalist, article: 'march', said: { date: '2023-03-01', basis: 'publication' }, topics: ['politics', 'climate'] }),
    'sam-in-draft': quote({ speaker: 'sam-analyst', role: analyst, article: 'unpublished', said: { date: '2023-04-01', basis: 'publication' }, topics: ['energy'] }),
  },
  figures: {
    'sam-count': figure({ source: { person: 'pat-mentioned' }, article: 'october', topics: ['energy'] }),
    'draft-count': figure({
      value: 7,
      measures: 'Pipeline stoppages, in a draft',
      wording: 'seven times',
      asOf: { date: '2023-04-01', basis: 'publication' },
      source: { person: 'pat-mentioned' },
      article: 'unpublished',
      topics: ['energy'],
    }),
  },
  routes: {
    pipeline: route('A pipeline', { waypoints: [{ place: 'a' }, { place: 'b' }], topics: ['energy'], newsroom: { description: 'A pipeline.' } }),
  },
});

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

describe('a person who is both author and speaker', () => {
  it('lists what she wrote, what she said and where she is quoted, each once', () => {
    expect(site.articlesBy('jane-doe').map(({ article, credits }) => [article.id, credits])).toEqual([
      ['october', ['author']],
    ]);
    expect(ids(site.quotesBy('jane-doe'))).toEqual(['jane-on-politics']);
    expect(ids(site.articlesMentioning('jane-doe'))).toEqual(['march']);
    expect(site.personCounts('jane-doe')).toEqual({ quotes: 1, articles: 2 });
  });

  it('leaves out the draft she wrote', () => {
    expect(ids(site.articlesBy('jane-doe').map(({ article }) => article))).not.toContain('unpublished');
  });

  it('does not count an article as mentioning someone who wrote or edited it', () => {
    const selfQuoted = testSite({
      people: { 'jane-doe': person('Jane Doe', { roles: [role('Journalist', 'DW')] }) },
      topics: { energy: topic('Energy') },
      articles: {
        column: article({ title: 'Published 2023-01-01', published: '2023-01-01', authors: ['jane-doe'], topics: ['energy'], body: '"<Quote id="jane-says" />"' }),
      },
      quotes: { 'jane-says': quote({ speaker: 'jane-doe', role: journalist, article: 'column', said: { date: '2023-01-01', basis: 'publication' }, topics: ['energy'] }) },
    });
    expect(ids(selfQuoted.quotesBy('jane-doe'))).toEqual(['jane-says']);
    expect(selfQuoted.articlesMentioning('jane-doe')).toEqual([]);
    expect(selfQuoted.personCounts('jane-doe')).toEqual({ quotes: 1, articles: 1 });
  });
});

describe('a person\'s feed', () => {
  it('carries every article they wrote, edited, are quoted, named or linked in, newest first, each once', () => {
    expect(ids(site.articlesWith('jane-doe'))).toEqual(['march', 'october']);
    expect(ids(site.articlesWith('ed-editor'))).toEqual(['march', 'october']);
    expect(ids(site.articlesWith('sam-analyst'))).toEqual(['march', 'october']);
    expect(ids(site.articlesWith('pat-mentioned'))).toEqual(['october']);
  });

  it('is empty for someone no published article names, and leaves drafts out', () => {
    expect(site.articlesWith('nobody-yet')).toEqual([]);
    expect(ids(site.articlesWith('sam-analyst'))).not.toContain('unpublished');
  });
});

describe('people', () => {
  it('credits an editor who also writes, newest article first', () => {
    expect(site.articlesBy('ed-editor').map(({ article, credits }) => [article.id, credits])).toEqual([
      ['march', ['author']],
      ['october', ['editor']],
    ]);
  });

  it('gives a speaker\'s quotes newest first and, within one article, in reading order, without drafts', () => {
    expect(ids(site.quotesBy('sam-analyst'))).toEqual(['sam-zebra', 'sam-apple']);
    expect(ids(site.quotes)).toEqual(['jane-on-politics', 'sam-zebra', 'sam-apple']);
  });

  it('finds a person named only by <Person> in a body, or only in the people list', () => {
    expect(ids(site.articlesMentioning('pat-mentioned'))).toEqual(['october']);
    expect(ids(site.articlesMentioning('sam-analyst'))).toEqual(['march', 'october']);
  });

  it('lists speakers by family name with their counts, leaving out people never quoted', () => {
    expect(site.speakers().map(({ person, quotes }) => [person.id, quotes])).toEqual([
      ['sam-analyst', 2],
      ['jane-doe', 1],
    ]);
    expect(site.personCounts('nobody-yet')).toEqual({ quotes: 0, articles: 0 });
  });

  it('says how many quotes a speaker has as their quote pages print it, leaving the draft\'s out', () => {
    expect(site.quoteTallyBy('sam-analyst')).toBe('2 quotes');
    expect(site.quoteTallyBy('jane-doe')).toBe('1 quote');
    expect(site.quoteTallyBy('nobody-yet')).toBe('');
  });
});

describe('topics', () => {
  it('files a quote with several topics under each of them', () => {
    expect(ids(site.quotesOn('energy'))).toEqual(['sam-zebra', 'sam-apple']);
    expect(ids(site.quotesOn('politics'))).toEqual(['jane-on-politics', 'sam-apple']);
  });

  it('gathers a topic\'s articles, quotes, figures, routes and the people quoted or cited', () => {
    const energy = site.topicItems('energy');
    expect(ids(energy.articles)).toEqual(['october']);
    expect(ids(energy.quotes)).toEqual(['sam-zebra', 'sam-apple']);
    expect(ids(energy.figures)).toEqual(['sam-count']);
    expect(ids(energy.routes)).toEqual(['pipeline']);
    // By family name: Analyst before Mentioned.
    expect(ids(energy.people)).toEqual(['sam-analyst', 'pat-mentioned']);
  });

  it('holds a topic with quotes but no articles yet, and one with nothing yet', () => {
    const climate = site.topicItems('climate');
    expect(climate.articles).toEqual([]);
    expect(ids(climate.quotes)).toEqual(['jane-on-politics']);
    expect(ids(climate.people)).toEqual(['jane-doe']);
    expect(site.topicItems('empty')).toEqual({ articles: [], quotes: [], figures: [], routes: [], people: [] });
  });

  it('lists the topics that have quotes, by name, with their counts', () => {
    expect(site.quoteTopics().map(({ topic, quotes }) => [topic.id, quotes])).toEqual([
      ['climate', 1],
      ['energy', 2],
      ['politics', 2],
    ]);
  });
});

describe('relatedArticles at scale', () => {
  // A small newsroom drawn at random (seeded): articles sharing topics, people and places in every combination, some
  // chosen links, exclusions and opt-outs. The indexed search must give what ranking every article gives.
  let state = 42;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const some = (prefix: string, pool: number, least: number, most: number) => [
    ...new Set(Array.from({ length: least + Math.floor(next() * (most - least + 1)) }, () => `${prefix}${Math.floor(next() * pool)}`)),
  ];
  const count = 40;
  const articles: Record<string, Record<string, unknown>> = {};
  for (let n = 0; n < count; n++) {
    const chosen = next() < 0.2 ? [`a${Math.floor(next() * count)}`].filter((id) => id !== `a${n}`) : [];
    const published = `2022-0${1 + (n % 9)}-1${n % 10}`;
    articles[`a${n}`] = article({
      title: `Published ${published}`,
      published,
      authors: some('p', 6, 1, 1),
      topics: some('t', 5, 1, 3),
      people: some('p', 6, 0, 2),
      places: some('x', 4, 0, 2),
      related: {
        articles: chosen,
        automatic: next() > 0.1,
        exclude: next() < 0.15 ? [`a${Math.floor(next() * count)}`].filter((id) => id !== `a${n}` && !chosen.includes(id)) : [],
      },
    });
  }
  const newsroom = testSite({
    people: Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`p${i}`, person(`Person ${i}`)])),
    topics: Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`t${i}`, topic(`Topic ${i}`)])),
    places: Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`x${i}`, place(`Place ${i}`, { location: { lat: i, lon: i } })])),
    articles,
    quotes: Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`q${i}`, quote({ speaker: `p${i % 6}`, role: analyst, article: `a${(i * 7) % count}`, said: { date: '2022-01-01', basis: 'publication' }, topics: ['t0'] })]),
    ),
  });
  // The ranking over every article, with no index: what the Site's index must agree with.
  const candidates: RelatedCandidate[] = newsroom.articles.map((article) =>
    relatedCandidate(article, newsroom.quotes.filter((q) => q.data.article.id === article.id)),
  );

  it('gives every article the relations that ranking every other article gives', () => {
    let suggested = 0;
    for (const a of newsroom.articles) {
      const expected = rankRelated(candidates.find((c) => c.id === a.id)!, candidates);
      const found = newsroom.related(a);
      suggested += found.filter((r) => r.reason === 'suggested').length;
      expect(
        found.map((r) => [r.article.id, r.reason, ids(r.topics), ids(r.people), ids(r.places)]),
        a.id,
      ).toEqual(expected.map((r) => [r.id, r.reason, r.shared.topics, r.shared.people, r.shared.places]));
    }
    // The newsroom is dense enough that most articles get a full list of suggestions.
    expect(suggested).toBeGreaterThan(count * 3);
  });
});

describe('what the Site leaves out and how it orders people', () => {
  it('shows no figure of a draft article, neither in its lists nor under its topics', () => {
    expect(ids(site.figures)).toEqual(['sam-count']);
    expect(ids(site.topicItems('energy').figures)).toEqual(['sam-count']);
    expect(() => site.figure('draft-count')).toThrow(/draft-count/);
  });

  it('sorts people by their sort name where they have one, not by the last word of their name', () => {
    const names = testSite({
      people: {
        'xi-jinping': person('Xi Jinping', { roles: [role('President', 'China')], sortName: 'Xi Jinping' }),
        'kassym-jomart-tokayev': person('Kassym-Jomart Tokayev', { roles: [role('President', 'Kazakhstan')], sortName: 'Tokayev, Kassym-Jomart' }),
        'vladimir-putin': person('Vladimir Putin', { roles: [role('President', 'Russia')] }),
      },
    });
    // By the last word, Jinping would come first.
    expect(ids(names.people)).toEqual(['vladimir-putin', 'kassym-jomart-tokayev', 'xi-jinping']);
  });
});
