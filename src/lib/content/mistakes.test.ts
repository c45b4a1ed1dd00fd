/**
 * Each mistake of issue 16 made in a copy of content/ as a journalist would make it, and what `npm run
 * check:content` then says: file, line, field and how to fix it. Each of these passed the check in silence before
 * src/lib/mistakes.ts, so each test fails without its check.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContentDir } from './files';
import { yamlHint } from './entry-text';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../../..');
const scratches: string[] = [];
const seed = 'articles/kazakhstan-balancing-act-eu-russia.mdx';
const seedId = 'kazakhstan-balancing-act-eu-russia';

/** A copy of content/ changed by `edits` (file -> new text, a function of the old text, or null to delete). */
function contentWith(edits: Record<string, string | null | ((text: string) => string)>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-mistake-'));
  scratches.push(dir);
  fs.cpSync(path.join(root, 'content'), dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const target = path.join(dir, file);
    if (edit === null) {
      fs.rmSync(target);
      continue;
    }
    const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    const after = typeof edit === 'string' ? edit : edit(before);
    if (typeof edit === 'function') expect(after, `the edit of ${file} changed nothing`).not.toBe(before);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, after);
  }
  return dir;
}

afterEach(() => {
  for (const dir of scratches.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The problems the check reports for the changed copy, as `file:line  field: message` with the folder shortened. */
async function problemsWith(edits: Parameters<typeof contentWith>[0]): Promise<string[]> {
  const dir = contentWith(edits);
  const { problems } = await checkContentDir(dir);
  return problems.map((p) => `${path.relative(dir, p.file)}${p.line ? `:${p.line}` : ''}  ${p.field}: ${p.message}`);
}

/** The line of `needle` in a file of content/ as committed, so expected lines come from the files. */
function lineIn(file: string, needle: string): number {
  const text = fs.readFileSync(path.join(root, 'content', file), 'utf8');
  const index = text.indexOf(needle);
  expect(index, `${needle} in ${file}`).toBeGreaterThanOrEqual(0);
  return text.slice(0, index).split('\n').length;
}

const quoteFile = 'quotes/umarov-reforms.yaml';
/** The words of a quote's first mark in the seed article, as committed. */
const markedWords = (id: string) => new RegExp(`<Quote id="${id}"[^>]*>([^<]*)</Quote>`).exec(fs.readFileSync(path.join(root, 'content', seed), 'utf8'))![1]!;

// Each test copies content/ and checks all of it, MDX compiler included: real work whose time depends on how busy
// the machine is, so a minute rather than vitest's default 5 s.
describe('mistakes that used to pass the content check in silence', { timeout: 60_000 }, () => {
  it('the committed content has none of them', async () => {
    expect(await problemsWith({})).toEqual([]);
  });

  it('quotation marks typed around a quote\'s words, inside its mark', async () => {
    const words = markedWords('umarov-reforms');
    const problems = await problemsWith({ [seed]: (text) => text.replace(`>${words}</Quote>`, `>“${words}”</Quote>`) });
    expect(problems).toEqual([
      `${seed}:${lineIn(seed, 'id="umarov-reforms"')}  body <Quote>: quote "umarov-reforms" starts with a quotation mark inside the mark. The prose's quotation marks stand outside it, ` +
        `"<Quote …>the words</Quote>", so that the quote's page, which adds its own, does not show two.`,
    ]);
  });

  it('a closing quotation mark alone at the end of a quote, and in one segment of a split quote', async () => {
    const words = markedWords('umarov-reforms');
    const segment = markedWords('vassilenko-need-to-diversify');
    const problems = await problemsWith({
      [seed]: (text) => text.replace(`>${words}</Quote>`, `>${words}"</Quote>`).replace(`>${segment}</Quote>`, `>“${segment}</Quote>`),
    });
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^${seed}:${lineIn(seed, 'id="vassilenko-need-to-diversify"')}  body <Quote>: quote "vassilenko-need-to-diversify" starts with a quotation mark`)),
      expect.stringMatching(new RegExp(`^${seed}:${lineIn(seed, 'id="umarov-reforms"')}  body <Quote>: quote "umarov-reforms" ends with a quotation mark`)),
    ]);
  });

  it('leaves quotation marks inside the words alone', async () => {
    // The seed's reported speech quotes a phrase in the middle: `… are a "very principled and very clear" position`.
    expect(markedWords('vassilenko-principled-position')).toMatch(/"very principled/);
    expect(await problemsWith({})).toEqual([]);
  });

  it('a balanced {word} in the prose, which the build would evaluate as code', async () => {
    const problems = await problemsWith({ [seed]: (text) => text.replace('Deadly protests in January', 'Deadly {approx} protests in January') });
    expect(problems).toEqual([
      `${seed}:${lineIn(seed, 'Deadly protests in January')}  body: "{approx}" in the text is read as code, and the build fails on it (e.g. "approx is not defined"). Write \\{ and \\} for literal braces, or remove them.`,
    ]);
  });

  it('but not an escaped brace, a brace in code, a component prop or an MDX comment', async () => {
    const problems = await problemsWith({
      [seed]: (text) => text.replace('Deadly protests in January', 'Deadly \\{approx\\} protests `{code}` {/* a note */} in January'),
    });
    expect(problems).toEqual([]);
  });

  it('a lead image whose file does not exist', async () => {
    const problems = await problemsWith({ [seed]: (text) => text.replace('leadImage:\n', 'leadImage:\n  src: ./cpc-terminal.jpg\n') });
    expect(problems.map((p) => p.replace(/names \S+,/, 'names …,'))).toEqual([
      `${seed}:${lineIn(seed, 'leadImage:') + 1}  leadImage.src: "./cpc-terminal.jpg" names …, which does not exist (the path is relative to the article's file). Check the file name, or put the image there.`,
    ]);
    expect(problems[0]).toMatch(/names \S*articles\/cpc-terminal\.jpg,/);
  });

  it('a lead image whose file is there passes', async () => {
    const problems = await problemsWith({
      [seed]: (text) => text.replace('leadImage:\n', 'leadImage:\n  src: ./cpc-terminal.jpg\n'),
      'articles/cpc-terminal.jpg': 'not really a JPEG, but there',
    });
    expect(problems).toEqual([]);
  });

  it('a Markdown image pointing at a missing file, relative or under /images/ in public/, or on another host, or without alt text', async () => {
    const paragraph = 'Deadly protests in January';
    const problems = await problemsWith({
      [seed]: (text) =>
        text.replace(
          paragraph,
          '![A map](./map.png)\n\n![A photo](/images/no-such-photo.jpg)\n\n![A chart](https://example.com/chart.png)\n\n![](./map.png)\n\n' + paragraph,
        ),
    });
    const line = lineIn(seed, paragraph);
    expect(problems.map((p) => p.replace(/names \S+,/, 'names …,'))).toEqual([
      `${seed}:${line}  body image: "./map.png" names …, which does not exist (the path is relative to the article's file). Check the file name, or put the image there.`,
      `${seed}:${line + 2}  body image: "/images/no-such-photo.jpg" names …, which does not exist (a path starting with / is inside public/). Put the file there, or save it next to the article and write ./no-such-photo.jpg.`,
      `${seed}:${line + 4}  body image: "https://example.com/chart.png" is on another site; this site makes no request to another host. Save the file next to the article (with the right to use it) and write its name, e.g. ./photo.jpg.`,
      `${seed}:${line + 6}  body image: the image ./map.png has no alt text. Describe what it shows: ![What the image shows](./map.png).`,
      `${seed}:${line + 6}  body image: "./map.png" names …, which does not exist (the path is relative to the article's file). Check the file name, or put the image there.`,
    ]);
    expect(problems[1]).toContain(path.join('public', 'images', 'no-such-photo.jpg'));
  });

  it('an article related to itself, or both related and excluded', async () => {
    const problems = await problemsWith({
      [seed]: (text) => text.replace(/^related:\n {2}articles: \[\]\n( {2}automatic: .*\n) {2}exclude: \[\]\n/m, `related:\n  articles: [${seedId}]\n$1  exclude: [${seedId}]\n`),
    });
    const line = lineIn(seed, 'related:') + 1;
    expect(problems).toEqual([
      `${seed}:${line}  related.articles[0]: names this article itself ("${seedId}"); an article is never related to itself. Remove it.`,
      `${seed}:${line}  related.articles[0]: "${seedId}" is both listed and in related.exclude. Keep it in one of the two.`,
      `${seed}:${line + 2}  related.exclude[0]: names this article itself ("${seedId}"); an article is never related to itself. Remove it.`,
    ]);
  });

  it('a quote file in a subfolder, and a file name that is not an id', async () => {
    const text = fs.readFileSync(path.join(root, 'content', quoteFile), 'utf8');
    const problems = await problemsWith({
      [quoteFile]: null,
      'quotes/umarov/umarov-reforms.yaml': text,
      'topics/Middle_Corridor2.yaml': 'name: Middle Corridor 2\nnewsroom:\n  description: A second topic.\n',
    });
    expect(problems).toContain(
      'quotes/umarov/umarov-reforms.yaml  id: the file is in a subfolder, so its id would be "umarov/umarov-reforms", but an id is the file name alone. Move it to quotes/umarov-reforms.yaml.',
    );
    expect(problems).toContain(
      'topics/Middle_Corridor2.yaml  id: "Middle_Corridor2" is not an id: ids are lowercase words and digits joined by hyphens. Rename the file to middle-corridor2.yaml.',
    );
  });

  it('text that is only spaces', async () => {
    const problems = await problemsWith({ [quoteFile]: (text) => text.replace(/context: .*/, 'context: "   "') });
    expect(problems).toContain(`${quoteFile}:${lineIn(quoteFile, 'context:')}  newsroom.context: is only spaces, so readers would see nothing. Write the text, or leave the field out if it is optional.`);
  });

  it('one topic twice in a list, and one figure twice in a FactBox', async () => {
    const problems = await problemsWith({
      [seed]: (text) =>
        text.replace('  - foreign-policy\n', '  - foreign-policy\n  - kazakhstan\n').replace('figures={["unga-abstentions"]}', 'figures={["unga-abstentions", "unga-abstentions"]}'),
    });
    expect(problems).toEqual([
      `${seed}:${lineIn(seed, '  - foreign-policy') + 1}  topics[10]: "kazakhstan" is listed twice (topics[0] and topics[10]), so the page would show it twice. Remove one.`,
      `${seed}:${lineIn(seed, 'figures={["unga-abstentions"]}') + 1}  body <FactBox>: names "unga-abstentions" twice, so it would show twice. Remove one.`,
    ]);
  });

  it('dates that cannot be: published in the future, a quote said after its article, a date that is not the article\'s under basis: publication', async () => {
    const figure = 'figures/cpc-stoppages.yaml';
    const problems = await problemsWith({
      [seed]: (text) => text.replace('published: 2022-10-25', 'published: 2999-10-25'),
      'quotes/tokayev-conscripts.yaml': (text) => text.replace(/date: 2022-\d\d-\d\d/, 'date: 2022-11-02'),
      [figure]: (text) => text.replace('date: 2022-10-25', 'date: 2022-10-24'),
    });
    expect(problems.filter((p) => !p.includes('before the article was published'))).toEqual(
      expect.arrayContaining([
        `${seed}:${lineIn(seed, 'published:')}  published: 2999-10-25 is in the future; the site publishes what is written at once. Write the real date, or set draft: true until then.`,
      ]),
    );
    const dir = contentWith({
      'quotes/tokayev-conscripts.yaml': (text) => text.replace(/date: 2022-\d\d-\d\d/, 'date: 2022-11-02'),
      [figure]: (text) => text.replace('date: 2022-10-25', 'date: 2022-10-24'),
    });
    const lines = (await checkContentDir(dir)).problems.map((p) => `${path.relative(dir, p.file)}:${p.line}  ${p.field}: ${p.message}`);
    expect(lines).toEqual([
      `${figure}:${lineIn(figure, 'date:')}  asOf.date: is 2022-10-24, but basis: publication says the article's date stands in, and "${seedId}" was published 2022-10-25. Use that date, or basis: stated if the article says when.`,
      `quotes/tokayev-conscripts.yaml:${lineIn('quotes/tokayev-conscripts.yaml', 'date:')}  said.date: 2022-11-02 is after "${seedId}" was published (2022-10-25): words cannot be reported before they are said. Correct the date.`,
    ]);
  });

  it('a person described through one article, which turns false once a second article names them', async () => {
    const file = 'people/temur-umarov.yaml';
    const problems = await problemsWith({ [file]: (text) => text.replace(/description: .*/, 'description: Analyst whom DW interviewed for this article.') });
    expect(problems).toEqual([
      `${file}:${lineIn(file, 'description:')}  newsroom.description: says "this article", but the person's page shows it beside every article that names them. Say it without pointing at one article, e.g. "Analyst at … as of October 2022."`,
    ]);
  });

  it('words a file says are the article\'s, verbatim, that its text does not hold', async () => {
    const figure = 'figures/cpc-stoppages.yaml';
    const route = 'routes/middle-corridor.yaml';
    const quote = 'quotes/tokayev-conscripts.yaml';
    const problems = await problemsWith({
      [figure]: (text) => text.replace(/^wording: .*$/m, 'wording: Russia has stopped the pipeline six times'),
      [route]: (text) => text.replace(/(\n\s+text: (?:>-\n\s+)?["']?)(\w+)/, '$1Reportedly $2'),
      [quote]: (text) => text.replace(/wording: "?In September"?/, 'wording: In October'),
    });
    expect(problems).toEqual([
      `${figure}:${lineIn(figure, 'wording:')}  wording: "Russia has stopped the pipeline six times" is not in the text of "${seedId}" as readers get it. The wording is the article's own words for the figure, verbatim: copy them from the article.`,
      `${quote}:${lineIn(quote, 'wording:')}  said.wording: "In October" is not in the text of "${seedId}"; it is the article's own words for when, verbatim (e.g. "In September"). Copy them from the article.`,
      expect.stringMatching(new RegExp(`^${route}:\\d+  reported\\[\\d\\]\\.text: is not in the text of "${seedId}" as readers get it`)),
    ]);
  });

  it('a role that ends before it begins', async () => {
    const file = 'people/charles-michel.yaml';
    const problems = await problemsWith({ [file]: (text) => text.replace('until: 2024-11-30', 'until: 2018-11-30') });
    expect(problems).toEqual([`${file}:${lineIn(file, 'until:')}  roles[0].newsroom.until: 2018-11-30 is before the role began (from: 2019-12-01). Swap or correct the dates.`]);
  });

  it('quotation marks around reported speech, none around direct speech', async () => {
    const grief = markedWords('vassilenko-big-grief');
    const problems = await problemsWith({
      [seed]: (text) =>
        text
          .replace('He says <Quote id="vassilenko-principled-position"', 'He says "<Quote id="vassilenko-principled-position"')
          .replace(/"(<Quote id="vassilenko-big-grief"[^>]*>)/, '$1')
          .replace(`${grief}</Quote>,"`, `${grief}</Quote>,`),
    });
    expect(problems).toEqual([
      `${seed}:${lineIn(seed, 'vassilenko-principled-position')}  body <Quote>: quote "vassilenko-principled-position" is reported speech (kind="reported"), but the text puts a quotation mark before it. Remove the marks, or make it kind="direct" or kind="partial".`,
      `${seed}:${lineIn(seed, 'vassilenko-big-grief')}  body <Quote>: quote "vassilenko-big-grief" is direct speech, so the text must put quotation marks around the mark: "<Quote id="vassilenko-big-grief" …>the words</Quote>". The mark adds none; for paraphrase, make it kind="reported".`,
    ]);
  });

  it('punctuation doubled where the quote ends with a full stop', async () => {
    const words = markedWords('vassilenko-un-charter');
    expect(words).toMatch(/\.$/);
    const problems = await problemsWith({ [seed]: (text) => text.replace(`${words}</Quote>"`, `${words}</Quote>,"`) });
    expect(problems).toEqual([
      `${seed}:${lineIn(seed, 'vassilenko-un-charter')}  body <Quote>: quote "vassilenko-un-charter" ends with "." and the text adds "," right after the mark, so readers would see ".,". Remove one of the two.`,
    ]);
  });

  it('a quote id that already marks a quote in another article', async () => {
    const second = 'articles/second.mdx';
    const seedText = fs.readFileSync(path.join(root, 'content', seed), 'utf8');
    const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(seedText)![0].replace(/related:\n(?: {2}.*\n)+/, '');
    const problems = await problemsWith({
      [second]: `${frontmatter}\nA paragraph: "<Quote id="umarov-reforms" speaker="temur-umarov" kind="direct">The political regime</Quote>"\n`,
    });
    const secondLine = frontmatter.split('\n').length + 1;
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(`^${second}:${secondLine}  body <Quote id>: the id "umarov-reforms" already marks a quote in .*${seed.replace(/\./g, '\\.')} \\(line ${lineIn(seed, 'id="umarov-reforms"')}\\); a quote stands in one article`),
      ),
    ]);
  });

  it('a Person with no name, or a name that is not theirs', async () => {
    const problems = await problemsWith({
      [seed]: (text) =>
        text
          .replace('<Person id="vladimir-putin">Vladimir Putin</Person>', '<Person id="vladimir-putin" />')
          .replace('<Person id="temur-umarov">Temur Umarov</Person>', '<Person id="roman-vassilenko">Temur Umarov</Person>'),
    });
    expect(problems).toEqual(
      [
        `${seed}:${lineIn(seed, 'id="vladimir-putin"')}  body <Person>: shows no name: write the name as the article has it between the tags, <Person id="vladimir-putin">Name</Person>.`,
        `${seed}:${lineIn(seed, 'id="temur-umarov"')}  body <Person>: links "Temur Umarov" to roman-vassilenko (Roman Vassilenko), whose name has none of those words. Correct the id or the name.`,
      ].sort((a, b) => Number(a.split(':')[1]) - Number(b.split(':')[1])),
    );
  });

  it('a quote written the old way, as a tag without its words', async () => {
    const words = markedWords('vassilenko-un-charter');
    const problems = await problemsWith({
      [seed]: (text) => text.replace(new RegExp(`<Quote id="vassilenko-un-charter"[^>]*>[^<]*</Quote>`), '<Quote id="vassilenko-un-charter" />'),
    });
    expect(words).toBeTruthy();
    expect(problems).toEqual([
      `${seed}:${lineIn(seed, 'vassilenko-un-charter')}  body <Quote>: a quote is now a mark around its words, not a tag on its own: write <Quote id="vassilenko-un-charter" speaker="…" kind="…">the words</Quote>, with the words as published.`,
      'quotes/vassilenko-un-charter.yaml:1  id: no article marks a quote with id "vassilenko-un-charter", so this file belongs to nothing. Mark the words in the article (<Quote id="vassilenko-un-charter" speaker="…" kind="…">the words</Quote>), or rename the file to the id of its mark, or delete it.',
    ]);
  });

  it('a top-level heading in the body, and an article with no text', async () => {
    const heading = '## Foreign capital flees Russia';
    expect(await problemsWith({ [seed]: (text) => text.replace(heading, heading.slice(1)) })).toEqual([
      `${seed}:${lineIn(seed, heading)}  body: "${heading.slice(1)}" is a top-level heading; the headline is the page's only one. Write ## for a section heading.`,
    ]);
    const empty = await problemsWith({ [seed]: (text) => /^---\n[\s\S]*?\n---\n/.exec(text)![0] + '\n' });
    expect(empty).toContainEqual(expect.stringMatching(/^articles\/kazakhstan-balancing-act-eu-russia\.mdx:\d+ {2}\(file\): the article has no text after its frontmatter/));
  });

  it('a route that names one place twice in a row', async () => {
    const file = 'routes/cpc-pipeline.yaml';
    const problems = await problemsWith({ [file]: (text) => text.replace(/(\n {2}- place: (\w+)\n)/, '$1  - place: $2\n') });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^routes\/cpc-pipeline\.yaml:\d+ {2}waypoints\[1\]\.place: "\w+" follows itself, a leg of no length\. Remove one of the two\.$/);
  });
});

describe('yamlHint', () => {
  it('writes text as YAML that parses back to the same text', () => {
    for (const text of ['Plain words.', 'He said "no".', 'Kazakhstan: a partner', "It's \"odd\": isn't it", '"Quoted"', '2022']) {
      const line = yamlHint(text);
      expect((parse(line) as { text: string }).text).toBe(text);
    }
  });
});
