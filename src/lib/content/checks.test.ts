import { describe, expect, it } from 'vitest';
import { bodyPlaceholder, checkContent, findComponentUses, findReferences, formatProblems, type CheckedEntry } from './checks';
import { nearestIds } from './nearest';

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

"<Quote id="vassilenko-pro-kazakh" />," he said.
`;
const article = entry('articles', 'seed', { authors: [ref('people', 'teri-schultz')], topics: [ref('topics', 'foreign-policy')] }, articleRaw);

const quoteData = {
  text: 'We are pro-Kazakh',
  speaker: ref('people', 'roman-vassilenko'),
  role: { title: 'Deputy Foreign Minister', organisation: 'Kazakhstan' },
  article: ref('articles', 'seed'),
  topics: [ref('topics', 'foreign-policy')],
};
const quote = entry('quotes', 'vassilenko-pro-kazakh', quoteData, 'text: "We are pro-Kazakh"\nspeaker: roman-vassilenko\nrole:\n  title: x\narticle: seed\n');

const valid = [...people, ...topics, article, quote];

describe('checkContent', () => {
  it('finds nothing wrong in consistent content', () => {
    expect(checkContent(valid)).toEqual([]);
  });

  it('names the file, line, field, the unknown id and the nearest valid ids', () => {
    const wrong = entry(
      'quotes',
      'vassilenko-pro-kazakh',
      { ...quoteData, speaker: ref('people', 'vasilenko') },
      'text: "We are pro-Kazakh"\nspeaker: vasilenko\narticle: seed\n',
    );
    expect(checkContent([...people, ...topics, article, wrong])).toEqual([
      {
        file: 'content/quotes/vassilenko-pro-kazakh.yaml',
        line: 2,
        field: 'speaker',
        message: 'no person with id "vasilenko" (expected a file people/vasilenko.yaml). Nearest valid ids: roman-vassilenko.',
      },
    ]);
  });

  it('checks the ids that MDX components name in an article body, with the line', () => {
    const raw = articleRaw + '\n<FactBox figures={["no-such-figure"]} />\n\n<Quote id="vassilenko-pro-kazak" />\n';
    const problems = checkContent([...people, ...topics, { ...article, raw }, quote]);
    expect(problems.map((p) => [p.line, p.field, p.message.split('.')[0]])).toEqual([
      [8, 'body <FactBox figures>', 'no figure with id "no-such-figure" (expected a file figures/no-such-figure'],
      [10, 'body <Quote id>', 'no quote with id "vassilenko-pro-kazak" (expected a file quotes/vassilenko-pro-kazak'],
    ]);
    expect(problems[1]!.message).toContain('Nearest valid ids: vassilenko-pro-kazakh.');
  });

  it('refuses a component authors cannot use', () => {
    const raw = articleRaw + '\n<Chart data="x" />\n';
    expect(checkContent([...people, ...topics, { ...article, raw }, quote])).toEqual([
      {
        file: 'content/articles/seed.mdx',
        line: 8,
        field: 'body',
        message: 'unknown component <Chart>. Authors can use <Quote>, <Person>, <FactBox>, <RouteMap>.',
      },
    ]);
  });

  it('refuses a quote whose article does not show it', () => {
    const raw = '---\ntitle: T\n---\n\nNo quotes here.\n';
    const [problem] = checkContent([...people, ...topics, { ...article, raw }, quote]);
    expect(problem).toMatchObject({ file: 'content/quotes/vassilenko-pro-kazakh.yaml', line: 5, field: 'article' });
    expect(problem!.message).toBe(
      'says it appears in "seed", but content/articles/seed.mdx has no <Quote id="vassilenko-pro-kazakh" />. ' +
        'Add it where the words stand, or correct the article field.',
    );
  });

  it('needs every segment of a split statement placed, and no segment that does not exist', () => {
    const split = { ...quote, data: { ...quoteData, text: ['We are maintaining these routes,', 'we hope.'] } };
    const raw = articleRaw.replace('<Quote id="vassilenko-pro-kazakh" />', '<Quote id="vassilenko-pro-kazakh" part={1} /> <Quote id="vassilenko-pro-kazakh" part={3} />');
    const messages = checkContent([...people, ...topics, { ...article, raw }, split]).map((p) => p.message);
    expect(messages).toEqual([
      'quote "vassilenko-pro-kazakh" has 2 segments, so part={3} does not exist.',
      'says it appears in "seed", but content/articles/seed.mdx has no <Quote id="vassilenko-pro-kazakh" part={2} />. Add it where the words stand, or correct the article field.',
    ]);
  });

  it('takes a role by its title and its organisation: the same title elsewhere is another role', () => {
    const elsewhere = { ...quote, data: { ...quoteData, role: { title: 'Deputy Foreign Minister', organisation: 'Kyrgyzstan' } } };
    expect(checkContent([...people, ...topics, article, elsewhere]).map((p) => p.field)).toEqual(['role']);
  });

  it('needs the quote role to be one of the speaker\'s roles', () => {
    const wrongRole = { ...quote, data: { ...quoteData, role: { title: 'Foreign Minister', organisation: 'Kazakhstan' } } };
    expect(checkContent([...people, ...topics, article, wrongRole]).map((p) => p.message)).toEqual([
      '"Foreign Minister, Kazakhstan" is not one of roman-vassilenko\'s roles in content/people/roman-vassilenko.yaml: "Deputy Foreign Minister, Kazakhstan". Use one of those or add the role to the person.',
    ]);
  });

  it('finds impossible dates in the raw file, which YAML would have rolled over', () => {
    const raw = 'name: X\nroles:\n  - title: President\n    newsroom:\n      from: 2019-02-30\n';
    const person = entry('people', 'someone', { roles: [{ title: 'President', organisation: 'X' }] }, raw);
    expect(checkContent([...valid, person])).toEqual([
      {
        file: 'content/people/someone.yaml',
        line: 5,
        field: 'from',
        message: '"2019-02-30" is not a real date. Write dates as YYYY-MM-DD, e.g. 2022-10-25.',
      },
    ]);
  });

  it('refuses a quote id that a quotes listing address already uses', () => {
    const raw = articleRaw.replace('vassilenko-pro-kazakh', 'by') + '"<Quote id="2" />"\n';
    const by = { ...quote, id: 'by', file: 'content/quotes/by.yaml' };
    const two = { ...quote, id: '2', file: 'content/quotes/2.yaml' };
    const problems = checkContent([...people, ...topics, { ...article, raw }, by, two]);
    expect(problems.map((p) => `${p.file} ${p.field}: ${p.message}`)).toEqual([
      'content/quotes/2.yaml id: the id "2" is taken by a quotes listing (/quotes/2/): ids "by", "topic" and plain numbers are reserved. Rename the file, e.g. after the speaker and the subject.',
      'content/quotes/by.yaml id: the id "by" is taken by a quotes listing (/quotes/by/): ids "by", "topic" and plain numbers are reserved. Rename the file, e.g. after the speaker and the subject.',
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
    expect(checkContent([...valid, ...places, route])).toEqual([
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
    const problems = checkContent([...people, ...topics, { ...article, raw }, quote, ...routes]);
    expect(problems.map((p) => [p.line, p.field])).toEqual([[8, 'body <RouteMap routes>']]);
    expect(problems[0]!.message).toBe(
      'no route with id "middle-coridor" (expected a file routes/middle-coridor.yaml). Nearest valid ids: middle-corridor.',
    );
  });

  it('refuses a published article that relates to a draft', () => {
    const draft = entry('articles', 'draft-piece', { draft: true, authors: [], topics: [] }, '---\ndraft: true\n---\n');
    const relating = { ...article, data: { ...article.data, related: { articles: [ref('articles', 'draft-piece')] } }, raw: articleRaw + 'draft-piece\n' };
    expect(checkContent([...people, ...topics, relating, quote, draft]).map((p) => p.message)).toEqual([
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
  it('reads ids and parts, and skips code fences', () => {
    const raw = '---\na: 1\n---\n<Quote id="x" part={2} />\n```mdx\n<Quote id="in-a-fence" />\n```\n<RouteMap routes={["r1", "r2"]} caption="A > B" />\n';
    expect(findComponentUses(raw).map(({ component, ids, part, line }) => ({ component, ids, part, line }))).toEqual([
      { component: 'Quote', ids: ['x'], part: 2, line: 4 },
      { component: 'RouteMap', ids: ['r1', 'r2'], part: undefined, line: 8 },
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
    expect(checkContent([...people, ...topics, { ...article, raw }, quote])).toEqual([
      {
        file: 'content/articles/seed.mdx',
        line: 8,
        field: 'body',
        message: 'still has the placeholder first paragraph from npm run new:article. Write the paragraph, or set draft: true.',
      },
    ]);
    const draft = { ...article, raw, data: { ...article.data, draft: true } };
    expect(checkContent([...people, ...topics, draft, quote])).toEqual([]);
  });

  it('counts an entry that failed its schema as existing, without checking its data', () => {
    const brokenPerson = { ...people[0]!, data: {}, invalid: true };
    expect(checkContent([brokenPerson, ...people.slice(1), ...topics, article, quote])).toEqual([]);
  });
});
