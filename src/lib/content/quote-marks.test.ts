import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckedEntry } from './checks';
import { fillQuoteIds, findQuoteMarks, suggestedQuoteId } from './quote-marks';
import { deriveQuotes } from './quote-entries';

const ref = (collection: string, id: string) => ({ collection, id });
const entry = (collection: CheckedEntry['collection'], id: string, data: Record<string, unknown>, raw = ''): CheckedEntry => ({
  collection,
  id,
  file: `content/${collection}/${id}.${collection === 'articles' ? 'mdx' : 'yaml'}`,
  raw,
  data,
});
const day = (text: string) => new Date(`${text}T00:00:00Z`);

const umarov = entry('people', 'temur-umarov', { roles: [{ title: 'Analyst', organisation: 'Carnegie' }] });
// Two roles at once from 2019 to 2021, then one.
const tokayev = entry('people', 'kassym-jomart-tokayev', {
  roles: [
    { title: 'President', organisation: 'Kazakhstan', newsroom: { from: day('2019-03-20') } },
    { title: 'Chairman of the Senate', organisation: 'Kazakhstan', newsroom: { from: day('2013-10-16'), until: day('2019-03-20') } },
    { title: 'Chairman of the Security Council', organisation: 'Kazakhstan', newsroom: { from: day('2019-03-20'), until: day('2021-01-01') } },
  ],
});
const article = (id: string, body: string, published = '2022-10-25') =>
  entry('articles', id, { published: day(published), topics: [ref('topics', 'energy')] }, `---\ntitle: T\n---\n\n${body}\n`);

describe('findQuoteMarks', () => {
  it('reads each mark with its props, words verbatim and line, skipping code fences', () => {
    const raw = '---\na: 1\n---\n\n"<Quote id="a" speaker="temur-umarov" kind="direct">We will see [sic].</Quote>"\n```\n<Quote id="fenced">x</Quote>\n```\n';
    const { marks, problems } = findQuoteMarks(raw, 'a.mdx');
    expect(problems).toEqual([]);
    expect(marks.map(({ id, speaker, kind, role, words, line }) => ({ id, speaker, kind, role, words, line }))).toEqual([
      { id: 'a', speaker: 'temur-umarov', kind: 'direct', role: undefined, words: 'We will see [sic].', line: 5 },
    ]);
  });

  it('refuses nested marks, marks never closed, empty words, the old self-closing tag, part and an id that is not one', () => {
    const raw = [
      '<Quote id="a" speaker="s" kind="direct">one <Quote id="b" speaker="s" kind="direct">two</Quote>',
      '<Quote id="c" speaker="s" kind="direct"> </Quote>',
      '<Quote id="d" />',
      '<Quote id="e" speaker="s" kind="said" part={1}>words</Quote>',
      '<Quote id="f" speaker="s" kind="direct">*bold*</Quote>',
      '<Quote id="Not_an_id" speaker="temur-umarov" kind="direct">It holds</Quote>',
      '<Quote id="g" speaker="s" kind="direct">open',
    ].join('\n\n');
    const { problems } = findQuoteMarks(raw, 'a.mdx');
    expect(problems.map((p) => [p.line, p.field, p.message.split(/[:.]/)[0]])).toEqual([
      [1, 'body <Quote>', 'a quote mark inside another (opened on line 1)'],
      [3, 'body <Quote>', 'quote "c" has no words'],
      [5, 'body <Quote>', 'a quote is now a mark around its words, not a tag on its own'],
      [7, 'body <Quote part>', 'quote "e"'],
      [7, 'body <Quote kind>', 'quote "e"'],
      [9, 'body <Quote>', 'quote "f"'],
      [11, 'body <Quote id>', '"Not_an_id" is not an id'],
      [13, 'body <Quote>', 'the quote mark is never closed'],
    ]);
    expect(problems[4]!.message).toContain('Write kind="direct", kind="partial", kind="reported".');
  });

  it('suggests an id from the speaker and the first words', () => {
    expect(suggestedQuoteId('roman-vassilenko', 'We are not pro-Russian, we are')).toBe('vassilenko-we-are-not-pro');
  });
});

describe('deriveQuotes', () => {
  it('makes one entry per id: a split statement is its marks in order, role and date from the person and the article', () => {
    const body = '"<Quote id="split" speaker="temur-umarov" kind="direct">Russia has stopped it,</Quote>" he said, "<Quote id="split" speaker="temur-umarov" kind="direct">five times.</Quote>"';
    const { quotes, problems } = deriveQuotes([umarov, article('a', body)]);
    expect(problems).toEqual([]);
    expect(quotes.map((quote) => [quote.id, quote.file, quote.marks.map((mark) => mark.line), quote.data])).toEqual([
      [
        'split',
        'content/articles/a.mdx',
        [5, 5],
        {
          text: ['Russia has stopped it,', 'five times.'],
          speaker: ref('people', 'temur-umarov'),
          role: { title: 'Analyst', organisation: 'Carnegie' },
          kind: 'direct',
          said: { date: day('2022-10-25'), precision: 'day', basis: 'publication' },
          article: ref('articles', 'a'),
          topics: [ref('topics', 'energy')],
        },
      ],
    ]);
  });

  it('takes when it was said, topics and this site\'s text from the quote\'s file', () => {
    const file = entry('quotes', 'q', {
      said: { date: day('2022-09-01'), precision: 'month', wording: 'In September' },
      topics: [ref('topics', 'politics')],
      newsroom: { context: 'Umarov, to DW.', note: 'A note.' },
    });
    const { quotes } = deriveQuotes([umarov, file, article('a', 'In September, <Quote id="q" speaker="temur-umarov" kind="reported">it went well</Quote>.')]);
    expect(quotes[0]!.data).toMatchObject({
      said: { date: day('2022-09-01'), precision: 'month', wording: 'In September', basis: 'stated' },
      topics: [ref('topics', 'politics')],
      newsroom: { context: 'Umarov, to DW.', note: 'A note.' },
    });
    expect(quotes[0]!.extras).toBe(file);
  });

  it('picks the role held when it was said, asks which when several fit, and says which fit when none does', () => {
    const mark = (props: string) => `<Quote id="t" speaker="kassym-jomart-tokayev" kind="reported"${props}>it holds</Quote>.`;
    const roleOf = (body: string, published: string) => deriveQuotes([tokayev, article('a', body, published)]);
    expect(roleOf(mark(''), '2022-10-25').quotes[0]!.data['role']).toEqual({ title: 'President', organisation: 'Kazakhstan' });
    expect(roleOf(mark(''), '2015-01-01').quotes[0]!.data['role']).toEqual({ title: 'Chairman of the Senate', organisation: 'Kazakhstan' });

    const several = roleOf(mark(''), '2020-06-01');
    expect(several.quotes).toEqual([]);
    expect(several.problems).toEqual([
      {
        file: 'content/articles/a.mdx',
        line: 5,
        field: 'body <Quote role>',
        message:
          'kassym-jomart-tokayev held more than one role on 2020-06-01 (when it was said): "President, Kazakhstan" (2019-03-20 to now), ' +
          '"Chairman of the Security Council, Kazakhstan" (2019-03-20 to 2021-01-01). Say which with role="the title", e.g. role="President".',
      },
    ]);
    expect(roleOf(mark(' role="Chairman of the Security Council"'), '2020-06-01').quotes[0]!.data['role']).toEqual({
      title: 'Chairman of the Security Council',
      organisation: 'Kazakhstan',
    });
    expect(roleOf(mark(' role="Chairman of the Senate"'), '2020-06-01').problems[0]!.message).toContain(
      'role="Chairman of the Senate" is not a role kassym-jomart-tokayev held on 2020-06-01 (when it was said) in content/people/kassym-jomart-tokayev.yaml. Roles that fit: "President, Kazakhstan"',
    );
    expect(roleOf(mark(''), '2010-01-01').problems[0]!.message).toMatch(/^none of kassym-jomart-tokayev's roles in content\/people\/kassym-jomart-tokayev\.yaml was held on 2010-01-01/);
  });

  it('refuses one id in two articles, an unknown speaker and a file no mark names', () => {
    const mark = '<Quote id="q" speaker="temur-umarov" kind="reported">it went well</Quote>';
    const { problems } = deriveQuotes([
      umarov,
      entry('quotes', 'orphan', {}),
      article('a', mark),
      article('b', `${mark} and <Quote id="r" speaker="temur-umarow" kind="reported">so on</Quote>`),
    ]);
    expect(problems.map((p) => [p.file, p.line, p.field, p.message.split('.')[0]])).toEqual([
      ['content/articles/b.mdx', 5, 'body <Quote id>', 'the id "q" already marks a quote in content/articles/a'],
      ['content/quotes/orphan.yaml', 1, 'id', 'no article marks a quote with id "orphan", so this file belongs to nothing'],
      ['content/articles/b.mdx', 5, 'body <Quote speaker>', 'no person with id "temur-umarow" (expected a file people/temur-umarow'],
    ]);
  });

  it('gives each quote a digest that changes with its words, its props and its file', () => {
    const digest = (body: string, ...more: CheckedEntry[]) => deriveQuotes([umarov, tokayev, ...more, article('a', body)]).quotes[0]!.digest;
    const base = digest('<Quote id="q" speaker="temur-umarov" kind="reported">it went well</Quote>');
    expect(digest('<Quote id="q" speaker="temur-umarov" kind="reported">it went well</Quote>')).toBe(base);
    expect(digest('<Quote id="q" speaker="temur-umarov" kind="reported">it went badly</Quote>')).not.toBe(base);
    expect(digest('"<Quote id="q" speaker="temur-umarov" kind="partial">it went well</Quote>"')).not.toBe(base);
    expect(digest('<Quote id="q" speaker="temur-umarov" kind="reported">it went well</Quote>', entry('quotes', 'q', { newsroom: { context: 'C.' } }))).not.toBe(base);
  });

  it('finds a mark for every quote file of the seed, and more marks than quotes (its split statements)', () => {
    const dir = path.resolve('content');
    const seed = fs.readdirSync(path.join(dir, 'articles')).filter((file) => file.endsWith('.mdx'));
    const marks = seed.flatMap((file) => findQuoteMarks(fs.readFileSync(path.join(dir, 'articles', file), 'utf8'), file).marks);
    expect(new Set(marks.map((mark) => mark.id)).size).toBe(fs.readdirSync(path.join(dir, 'quotes')).length);
    expect(marks.length).toBeGreaterThan(new Set(marks.map((mark) => mark.id)).size);
  });
});

describe('fillQuoteIds', () => {
  it('gives a new mark an id from its speaker and first words, unique, and leaves marks with ids alone', () => {
    const raw = '"<Quote speaker="temur-umarov" kind="direct">We will see it soon</Quote>" and <Quote id="kept" speaker="temur-umarov" kind="reported">it went</Quote>, "<Quote id="" speaker="temur-umarov" kind="direct">We will see it later</Quote>"';
    const { raw: filled, filled: ids } = fillQuoteIds(raw, new Set(['umarov-we-will-see-it']));
    expect(ids).toEqual(['umarov-we-will-see-it-2', 'umarov-we-will-see-it-3']);
    expect(filled).toBe(
      '"<Quote id="umarov-we-will-see-it-2" speaker="temur-umarov" kind="direct">We will see it soon</Quote>" and <Quote id="kept" speaker="temur-umarov" kind="reported">it went</Quote>, "<Quote id="umarov-we-will-see-it-3" speaker="temur-umarov" kind="direct">We will see it later</Quote>"',
    );
    expect(fillQuoteIds(filled, new Set()).filled).toEqual([]);
  });
});
