import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblems } from './checks';
import { parse } from 'yaml';
import { checkContentDir, fieldName, loadContentDir } from './files';

const root = path.resolve(import.meta.dirname, '../../..');
const scratches: string[] = [];

/** A copy of content/ in a scratch folder, changed by `edits` (file -> new text, or a function of the old text). */
function contentWith(edits: Record<string, string | ((text: string) => string)>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-check-'));
  scratches.push(dir);
  fs.cpSync(path.join(root, 'content'), dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const target = path.join(dir, file);
    const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    const after = typeof edit === 'string' ? edit : edit(before);
    if (typeof edit === 'function') expect(after, `the edit of ${file} changed nothing`).not.toBe(before);
    fs.writeFileSync(target, after);
  }
  return dir;
}

afterEach(() => {
  for (const dir of scratches.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const seed = 'articles/kazakhstan-balancing-act-eu-russia.mdx';

/** The line of `needle` in a file of content/ as committed. */
const lineOf = (file: string, needle: string) => {
  const text = fs.readFileSync(path.join(root, 'content', file), 'utf8');
  return text.slice(0, text.indexOf(needle)).split('\n').length;
};

// Each test copies content/ and checks all of it, MDX compiler included: real work whose time depends on how busy
// the machine is, so a minute rather than vitest's default 5 s.
describe('npm run check:content', { timeout: 60_000 }, () => {
  it('finds no problem in the content as committed', async () => {
    const { files, problems } = await checkContentDir(path.join(root, 'content'));
    expect(problems).toEqual([]);
    expect(files).toBeGreaterThan(60);
  });

  it('reports problems in several files at once, each with its file, line and field', async () => {
    const dir = contentWith({
      [seed]: (text) => text.replace('teaser:', 'teasr:').replace('id="umarov-reforms" speaker="temur-umarov"', 'id="umarov-reforms" speaker="temur-umarow"'),
      'places/aktau.yaml': (text) => text.replace('lat: 43.65', 'lat: 95').replace('kind: port', 'kind: harbour'),
      'figures/cpc-stoppages.yaml': (text) => text.replace('date: 2022-10-25', 'date: 2022-02-30'),
    });
    const { problems } = await checkContentDir(dir);
    const lines = formatProblems(problems).split('\n').slice(1).map((line) => line.replace(dir, '<content>'));
    expect(lines.filter((line) => !line.includes('<Quote'))).toEqual([
      '  <content>/articles/kazakhstan-balancing-act-eu-russia.mdx:2  teaser: required field is missing. Expected: The standfirst: one or two sentences under the headline.',
      '  <content>/articles/kazakhstan-balancing-act-eu-russia.mdx:3  teasr: unknown field "teasr". Did you mean teaser? Fields allowed here: title, teaser, authors, editors, published, updated, topics, people, places, leadImage, related, source, corrections, language, draft.',
      `  <content>/figures/cpc-stoppages.yaml:${lineOf('figures/cpc-stoppages.yaml', '  date:')}  date: "2022-02-30" is not a real date. Write dates as YYYY-MM-DD, e.g. 2022-10-25.`,
      '  <content>/places/aktau.yaml:2  kind: Invalid option: expected one of "city"|"capital"|"port"|"terminal"|"oil-field"|"region"',
      '  <content>/places/aktau.yaml:5  location.lat: Latitude must be between -90 and 90 degrees.',
    ]);
    // The quote's speaker is a prop of its mark in the article: the article's line, after its frontmatter problems.
    expect(lines).toContain(
      `  <content>/articles/kazakhstan-balancing-act-eu-russia.mdx:${lineOf(seed, 'id="umarov-reforms"')}  body <Quote speaker>: no person with id "temur-umarow" (expected a file people/temur-umarow.yaml). Nearest valid ids: temur-umarov.`,
    );
  });

  it('does not call references to a file with a schema problem unknown', async () => {
    const dir = contentWith({ 'people/temur-umarov.yaml': (text) => text.replace('name:', 'nmae:') });
    const { problems } = await checkContentDir(dir);
    expect(problems.map((p) => `${path.basename(p.file)}:${p.line} ${p.field}`)).toEqual([
      'temur-umarov.yaml:1 name',
      'temur-umarov.yaml:1 nmae',
    ]);
  });

  it('reports broken YAML with its line, and MDX syntax errors with line and column from the MDX compiler', async () => {
    const dir = contentWith({
      'topics/broken.yaml': 'name: [Middle Corridor\nnewsroom:\n  description: x\n',
      [seed]: (text) => `${text}\nOil exports fell by {a third.\n`,
    });
    const { problems } = await checkContentDir(dir);
    const lastLine = fs.readFileSync(path.join(dir, seed), 'utf8').trimEnd().split('\n').length;
    expect(problems.map((p) => [path.basename(p.file), p.line, p.field])).toEqual([
      ['kazakhstan-balancing-act-eu-russia.mdx', lastLine, 'body (column 21)'],
      ['broken.yaml', 2, 'YAML'],
    ]);
    expect(problems[0]!.message).toContain('write \\{ for a literal brace');
  });

  it('refuses a line of prose starting with "export", as the build would', async () => {
    const dir = contentWith({ [seed]: (text) => `${text}\nexport growth slowed.\n` });
    const { problems } = await checkContentDir(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^MDX syntax: .*must not start with "export"/);
  });

  it('says how to write text that itself contains ", and the way it says passes', async () => {
    const file = 'quotes/umarov-reforms.yaml';
    const broken = contentWith({ [file]: (text) => text.replace(/^ {2}context: .*/m, '  context: "He called it "silence": a position"') });
    const problems = (await checkContentDir(broken)).problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const each of problems) expect(each).toMatchObject({ field: 'YAML', line: lineOf(file, 'context:') });
    const problem = problems[0];
    expect(problem!.message).toContain('single quotes when the text itself contains " (write a \' inside as \'\'), e.g. text: \'a "clear" position: ours\'.');
    const example = /e\.g\. (text: '.*')\.$/.exec(problem!.message)![1]!;
    expect(parse(example)).toEqual({ text: 'a "clear" position: ours' });

    const fixed = contentWith({ [file]: (text) => text.replace(/^ {2}context: .*/m, `  context: 'He called it "silence": a position'`) });
    expect((await checkContentDir(fixed)).problems).toEqual([]);
  });

  it('refuses two files that give one id', async () => {
    const dir = contentWith({ 'topics/Kazakhstan.yml': 'name: Kazakhstan\nnewsroom:\n  description: x\n' });
    const { problems } = await checkContentDir(dir);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/both give the id "kazakhstan"/),
      expect.stringMatching(/"Kazakhstan" is not an id: .* Rename the file to kazakhstan\.yml\./),
    ]);
  });
});

describe('loadContentDir', () => {
  it('parses entries with the site schemas: references become { collection, id }', () => {
    const entries = loadContentDir(path.join(root, 'content'));
    const quote = entries.find((entry) => entry.collection === 'quotes' && entry.id === 'umarov-reforms');
    expect(quote?.data['speaker']).toEqual({ collection: 'people', id: 'temur-umarov' });
  });
});

describe('fieldName', () => {
  it('writes paths the way the YAML reads', () => {
    expect(fieldName(['related', 'articles', 0])).toBe('related.articles[0]');
    expect(fieldName(['roles', 1, 'title'])).toBe('roles[1].title');
  });
});
