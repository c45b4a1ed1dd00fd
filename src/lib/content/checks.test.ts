import { describe, expect, it } from 'vitest';
import { bodyPlaceholder, checkContent, findComponentUses, findReferences, formatProblems, type CheckedEntry } from './checks';
import { nearestIds } from './nearest';
import { withDerivedQuotes } from './quote-entries';

const ref = (collection: string, id: string) => ({ collection, id });

function entry(collection: CheckedEntry['collection'], id: string, data: Record<string, unknown>, raw = ''): CheckedEntry {
  const ext = collection === 'articles' ? 'mdx' : 'yaml';
  return { collection, id, file: `content/${collection}/${id}.${ext}`, raw, data };
}

const people = [
  entry('people', 'roman-vassilenko', { roles: [{ title: 'Deputy Foreign Minister', organisation: 'Kazakhstan' }] }),
  entry('people', 'temur-umarov', { roles: [{ title: 'Analyst', organisation: 'Carnegie Endowment for International Peace' }] }),
  entry('people', 'teri-schultz', { roles: [{ title: 'Journalist', organisation: 'DW' }] }),
];
const topics = [entry('topics', 'foreign-policy', {})];

const articleRaw = `---
title: T
authors: [teri-schultz]
---

"<Quote id="vassilenko-pro-kazakh" speaker="roman-vassilenko" kind="direct">We are pro-Kazakh</Quote>," he said.
`;
const article = entry(
  'articles',
  'seed',
  { authors: [ref('people', 'teri-schultz')], topics: [ref('topics', 'foreign-policy')], published: new Date('2022-10-25') },
  articleRaw,
);

/** The quote's file: only what the prose has no place for (src/lib/content/quote-marks.ts). */
const quote = entry('quotes', 'vassilenko-pro-kazakh', { topics: [ref('topics', 'foreign-policy')] }, 'topics:\n  - foreign-policy\n');

const valid = [...people, ...topics, article, quote];

/** What the build and check:content check: the quotes derived from the marks, then every entry across entries. */
function check(entries: CheckedEntry[]) {
  const derived = withDerivedQuotes(entries);
  return [...derived.problems, ...checkContent(derived.entries)].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

describe('checkContent', () => {
  it('finds nothing wrong in consistent content', () => {
    expect(check(valid)).toEqual([]);
  });

  it('names the file, line, field, the unknown id and the nearest valid ids', () => {
    const raw = articleRaw.replace('speaker="roman-vassilenko"', 'speaker="vasilenko"');
    expect(check([...people, ...topics, { ...article, raw }, quote])).toEqual([
      {
        file: 'content/articles/seed.mdx',
        line: 6,
        field: 'body <Quote speaker>',
        message: 'no person with id "vasilenko" (expected a file people/vasilenko.yaml). Nearest valid ids: roman-vassilenko.',
      },
    ]);
  });

  it('checks the ids that MDX components name in an article body, with the line', () => {
    const raw = articleRaw + '\n<FactBox figures={["no-such-figure"]} />\n\n"<Quote speaker="roman-vassilenko" kind="direct">We are pro-Kazakh, still</Quote>"\n';
    const problems = check([...people, ...topics, { ...article, raw }, quote]);
    expect(problems.map((p) => [p.line, p.field, p.message.split('.')[0]])).toEqual([
      [8, 'body <FactBox figures>', 'no figure with id "no-such-figure" (expected a file figures/no-such-figure'],
      [10, 'body <Quote id>', 'the quote has no id: write id="vassilenko-we-are-pro-kazakh" (the speaker and the first words; it is the quote\'s permalink, /quotes/<id>/, and stays when the words are corrected)'],
    ]);
  });

  it('refuses a component authors cannot use', () => {
    const raw = articleRaw + '\n<Chart data="x" />\n';
    expect(check([...people, ...topics, { ...article, raw }, quote])).toEqual([
      {
        file: 'content/articles/seed.mdx',
        line: 8,
        field: 'body',
        message: 'unknown component <Chart>. Authors can use <Quote>, <Person>, <FactBox>, <RouteMap>.',
      },
    ]);
  });

  it('refuses a quote file that no mark in an article names', () => {
    const raw = '---\ntitle: T\n---\n\nNo quotes here.\n';
    expect(check([...people, ...topics, { ...article, raw }, quote])).toEqual([
      {
        file: 'content/quotes/vassilenko-pro-kazakh.yaml',
        line: 1,
        field: 'id',
        message:
          'no article marks a quote with id "vassilenko-pro-kazakh", so this file belongs to nothing. Mark the words in the article ' +
          '(<Quote id="vassilenko-pro-kazakh" speaker="…" kind="…">the words</Quote>), or rename the file to the id of its mark, or delete it.',
      },
    ]);
  });

  it('takes a statement split by "he said" as marks with one id, which must agree', () => {
    const raw = articleRaw.replace(
      'We are pro-Kazakh</Quote>," he said.',
      'We are maintaining these routes,</Quote>" he said, "<Quote id="vassilenko-pro-kazakh" speaker="roman-vassilenko" kind="partial">we hope.</Quote>"',
    );
    expect(check([...people, ...topics, { ...article, raw }, quote]).map((p) => [p.line, p.field])).toEqual([[6, 'body <Quote kind>']]);
    const agreeing = raw.replace('kind="partial"', 'kind="direct"');
    expect(check([...people, ...topics, { ...article, raw: agreeing }, quote])).toEqual([]);
  });

  it('finds impossible dates in the raw file, which YAML would have rolled over', () => {
    const raw = 'name: X\nroles:\n  - title: President\n    newsroom:\n      from: 2019-02-30\n';
    const person = entry('people', 'someone', { roles: [{ title: 'President', organisation: 'X' }] }, raw);
    expect(check([...valid, person])).toEqual([
      {
        file: 'content/people/someone.yaml',
        line: 5,
        field: 'from',
        message: '"2019-02-30" is not a real date. Write dates as YYYY-MM-DD, e.g. 2022-10-25.',
      },
    ]);
  });

  it('refuses a quote id that a quotes listing address already uses', () => {
    const raw = articleRaw.replace('vassilenko-pro-kazakh', 'by') + '"<Quote id="2" speaker="roman-vassilenko" kind="direct">We stand</Quote>"\n';
    const problems = check([...people, ...topics, { ...article, raw }]);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.field}: ${p.message}`)).toEqual([
      'content/articles/seed.mdx:6 body <Quote id>: the id "by" is taken by a quotes listing (/quotes/by/): ids "by", "topic" and plain numbers are reserved. Give the quote another id, e.g. after the speaker and the subject (and rename its file in quotes/, if it has one).',
      'content/articles/seed.mdx:7 body <Quote id>: the id "2" is taken by a quotes listing (/quotes/2/): ids "by", "topic" and plain numbers are reserved. Give the quote another id, e.g. after the speaker and the subject (and rename its file in quotes/, if it has one).',
    ]);
  });

  it('names the route file, the waypoint and the nearest place ids when a route names an unknown place', () => {
    const places = [entry('places', 'novorossiysk', {}), entry('places', 'tengiz', {})];
    const raw = 'name: CPC\nkind: pipeline\nwaypoints:\n  - place: tengiz\n  - place: novorosiysk\n';
    const route = entry(
      'routes',
      'cpc-pipeline',
      { waypoints: [{ place: ref('places', 'tengiz') }, { place: ref('places', 'novorosiysk') }], topics: [ref('topics', 'foreign-policy')] },
      raw,
    );
    expect(check([...valid, ...places, route])).toEqual([
      {
        file: 'content/routes/cpc-pipeline.yaml',
        line: 5,
        field: 'waypoints[1].place',
        message: 'no place with id "novorosiysk" (expected a file places/novorosiysk.yaml). Nearest valid ids: novorossiysk.',
      },
    ]);
  });

  it('names the article line when a RouteMap names an unknown route', () => {
    const raw = articleRaw + '\n<RouteMap routes={["cpc-pipeline", "middle-coridor"]} />\n';
    const routes = [entry('routes', 'cpc-pipeline', {}), entry('routes', 'middle-corridor', {})];
    const problems = check([...people, ...topics, { ...article, raw }, quote, ...routes]);
    expect(problems.map((p) => [p.line, p.field])).toEqual([[8, 'body <RouteMap routes>']]);
    expect(problems[0]!.message).toBe(
      'no route with id "middle-coridor" (expected a file routes/middle-coridor.yaml). Nearest valid ids: middle-corridor.',
    );
  });

  it('refuses a published article that relates to a draft', () => {
    const draft = entry('articles', 'draft-piece', { draft: true, authors: [], topics: [] }, '---\ndraft: true\n---\n');
    const relating = { ...article, data: { ...article.data, related: { articles: [ref('articles', 'draft-piece')] } }, raw: articleRaw + 'draft-piece\n' };
    expect(check([...people, ...topics, relating, quote, draft]).map((p) => p.message)).toEqual([
      'article "draft-piece" is a draft, so readers could not follow this link. Publish it or remove the reference.',
    ]);
  });
});

describe('findReferences', () => {
  it('lists references with the path they stand at', () => {
    const data = { authors: [ref('people', 'a')], related: { articles: [ref('articles', 'b')] }, published: new Date() };
    expect(findReferences(data)).toEqual([
      { collection: 'people', id: 'a', path: 'authors[0]' },
      { collection: 'articles', id: 'b', path: 'related.articles[0]' },
    ]);
  });
});

describe('findComponentUses', () => {
  it('reads ids, and skips code fences', () => {
    const raw = '---\na: 1\n---\n<Quote id="x" speaker="y" kind="direct">words</Quote>\n```mdx\n<Quote id="in-a-fence" />\n```\n<RouteMap routes={["r1", "r2"]} caption="A > B" />\n';
    expect(findComponentUses(raw).map(({ component, ids, line }) => ({ component, ids, line }))).toEqual([
      { component: 'Quote', ids: ['x'], line: 4 },
      { component: 'RouteMap', ids: ['r1', 'r2'], line: 8 },
    ]);
  });
});

describe('nearestIds', () => {
  it('suggests ids sharing a word or a few edits away, best first', () => {
    const ids = ['roman-vassilenko', 'temur-umarov', 'kassym-jomart-tokayev', 'vladimir-putin'];
    expect(nearestIds('vasilenko', ids)).toEqual(['roman-vassilenko']);
    expect(nearestIds('tokayev', ids)).toEqual(['kassym-jomart-tokayev']);
    expect(nearestIds('zzzzzz', ids)).toEqual([]);
  });
});

describe('formatProblems', () => {
  it('puts every problem on its own line as file:line  field: message', () => {
    expect(formatProblems([{ file: 'content/a.yaml', line: 3, field: 'speaker', message: 'no person.' }])).toBe(
      'Content check found 1 problem:\n  content/a.yaml:3  speaker: no person.',
    );
  });
});

describe('scaffolded articles', () => {
  it('refuses a published article that still has the placeholder first paragraph, and allows it (and its quotes) in a draft', () => {
    const raw = `${articleRaw}\n${bodyPlaceholder}\n`;
    expect(check([...people, ...topics, { ...article, raw }, quote])).toEqual([
      {
        file: 'content/articles/seed.mdx',
        line: 8,
        field: 'body',
        message: 'still has the placeholder first paragraph from npm run new:article. Write the paragraph, or set draft: true.',
      },
    ]);
    const draft = { ...article, raw, data: { ...article.data, draft: true } };
    expect(check([...people, ...topics, draft, quote])).toEqual([]);
  });

  it('counts an entry that failed its schema as existing, without checking its data', () => {
    const brokenPerson = { ...people[0]!, data: {}, invalid: true };
    expect(check([brokenPerson, ...people.slice(1), ...topics, article, quote])).toEqual([]);
  });
});
