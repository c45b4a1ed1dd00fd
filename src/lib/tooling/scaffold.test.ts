import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContentDir, loadContentDir } from '../content/files';
import { Content, nextSteps, resolveAnswers, skeleton, slugify, writeNew, type Answers, type Kind } from './scaffold';
import { formatFile } from '../../editor/format';

const root = path.resolve(import.meta.dirname, '../../..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-scaffold-'));
fs.cpSync(path.join(root, 'content'), scratch, { recursive: true });
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const content = () => new Content(loadContentDir(scratch));

/** Runs a scaffolder as `npm run new:<kind>` does with flags: resolve, build, write. */
function scaffold(kind: Kind, given: Answers) {
  const current = content();
  const { answers, problems } = resolveAnswers(kind, given, current);
  if (problems.length) return { problems };
  const file = skeleton(kind, answers, current, scratch);
  writeNew(file);
  return { problems, file: file.file, text: file.text };
}

// Each scaffolder run reads and parses the whole content folder, and the check runs the MDX compiler: real work
// whose time depends on how busy the machine is (5.3 s once against vitest's default 5 s), hence a minute.
describe('the new:* scaffolders', { timeout: 60_000 }, () => {
  it('refuse unknown ids, naming the flag and the nearest valid ids, and write nothing', () => {
    const before = fs.readdirSync(path.join(scratch, 'articles'));
    const { problems } = scaffold('article', {
      title: 'A second article',
      teaser: 'A standfirst.',
      authors: 'teri-schulz',
      topics: 'middle-corridor,kazakstan',
      publisher: 'DW',
      related: 'kazakhstan-balancing-act',
    });
    expect(problems).toEqual([
      '--authors: no person with id "teri-schulz" in people/. Nearest valid ids: teri-schultz.',
      '--topics: no topic with id "kazakstan" in topics/. Nearest valid ids: kazakhstan, eu-kazakhstan-relations, russia-kazakhstan-relations.',
      '--related: no article with id "kazakhstan-balancing-act" in articles/. Nearest valid ids: kazakhstan-balancing-act-eu-russia.',
    ]);
    expect(fs.readdirSync(path.join(scratch, 'articles'))).toEqual(before);
  });

  it('list every missing required flag at once', () => {
    expect(scaffold('person', { name: 'Ana Example' }).problems).toEqual([
      '--role: missing. Role title as the article names it (e.g. Analyst).',
      '--organisation: missing. Organisation of that role (e.g. Carnegie Endowment for International Peace).',
      '--description: missing. One or two sentences about them in the newsroom\'s own words.',
    ]);
  });

  it('write a person, an article, a quote and a figure that parse with the schemas and pass the content check once placed', async () => {
    const person = scaffold('person', {
      name: 'Ana Example',
      role: 'Analyst',
      organisation: 'Example Institute',
      description: 'An analyst quoted on the Middle Corridor.',
    });
    expect(person.file).toBe(path.join(scratch, 'people', 'ana-example.yaml'));

    const article = scaffold('article', {
      title: 'The Middle Corridor: a second route',
      teaser: 'A standfirst.',
      authors: 'teri-schultz',
      topics: 'middle-corridor',
      date: '2022-11-30',
      publisher: 'DW',
      related: 'kazakhstan-balancing-act-eu-russia',
      people: 'ana-example',
    });
    expect(article.file).toBe(path.join(scratch, 'articles', 'the-middle-corridor-a-second-route.mdx'));
    expect(article.text).toMatch(/^---\ntitle: 'The Middle Corridor: a second route'\n[\s\S]*\n---\n\nTODO: replace this line with the first paragraph\.\n$/);

    // The words are written first; new:quote then marks them where they stand.
    fs.writeFileSync(
      article.file!,
      article.text!.replace(
        'TODO: replace this line with the first paragraph.',
        '"The corridor will take years," says <Person id="ana-example">Ana Example</Person>. It carried some 40,000 containers.\n\n<FactBox figures={["containers-shipped-on-the-middle"]} />',
      ),
    );
    const quote = scaffold('quote', {
      speaker: 'ana-example',
      text: 'The corridor will take years',
      article: 'the-middle-corridor-a-second-route',
      context: 'Example on how long the corridor will take.',
    });
    expect(quote.problems).toEqual([]);
    expect(quote.file).toBe(article.file);
    expect(fs.readFileSync(article.file!, 'utf8')).toContain(
      '"<Quote id="example-the-corridor-will-take" speaker="ana-example" kind="direct">The corridor will take years</Quote>," says',
    );
    // Its file holds only the context: the article's date and topics stand in.
    const extras = path.join(scratch, 'quotes', 'example-the-corridor-will-take.yaml');
    expect(fs.readFileSync(extras, 'utf8')).toBe('said: {}\ntopics: []\nnewsroom:\n  context: Example on how long the corridor will take.\n');
    const derived = loadContentDir(scratch).find((entry) => entry.collection === 'quotes' && entry.id === 'example-the-corridor-will-take');
    expect(derived?.data).toMatchObject({
      text: 'The corridor will take years',
      role: { title: 'Analyst', organisation: 'Example Institute' },
      said: { date: new Date('2022-11-30'), basis: 'publication' },
      topics: [{ collection: 'topics', id: 'middle-corridor' }],
    });

    const figure = scaffold('figure', {
      value: '40,000',
      unit: 'containers',
      qualifier: 'about',
      measures: 'Containers shipped on the Middle Corridor',
      wording: 'some 40,000 containers',
      article: 'the-middle-corridor-a-second-route',
      topics: 'middle-corridor',
      'source-person': 'ana-example',
    });
    expect(figure.text).toMatch(/^value: 40000\n/);

    // Each file is already in the browser editor's style: a first save there, or npm run format:content, changes nothing.
    for (const [collection, written] of [['people', person], ['articles', article], ['figures', figure]] as const) {
      expect(formatFile(collection, written.text!, path.basename(written.file!).replace(/\.\w+$/, ''))).toBe(written.text);
    }

    // The figure is shown in the article already; nothing is left to do.
    expect((await checkContentDir(scratch)).problems).toEqual([]);
  });

  it('write nothing for a quote whose words are not in the article, and give the mark to paste', () => {
    const current = content();
    const given = { speaker: 'temur-umarov', text: 'Words the article never had', article: 'kazakhstan-balancing-act-eu-russia' };
    const { answers, problems } = resolveAnswers('quote', given, current);
    expect(problems).toEqual([]);
    expect(() => skeleton('quote', answers, current, scratch)).toThrow(
      '--text: these words are not in articles/kazakhstan-balancing-act-eu-russia.mdx as written (outside the quotes marked there). Copy them from the article, verbatim; ' +
        'or write the article first and paste the mark where they stand: <Quote id="umarov-words-the-article-never" speaker="temur-umarov" kind="direct">Words the article never had</Quote>',
    );
  });

  it('never overwrite an existing file', () => {
    const file = path.join(scratch, 'topics', 'kazakhstan.yaml');
    const before = fs.readFileSync(file, 'utf8');
    expect(() => writeNew({ file, text: 'name: Replaced\n' })).toThrow(/kazakhstan\.yaml already exists; nothing was written/);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuse an id that is already taken, before writing', () => {
    const { problems } = scaffold('person', {
      name: 'Temur Umarov',
      role: 'Analyst',
      organisation: 'Elsewhere',
      description: 'A namesake.',
    });
    expect(problems).toEqual(['--id: there is already a person "temur-umarov" in people/. Choose another id.']);
  });

  it('need exactly one source for a figure, and a real date', () => {
    const { problems } = scaffold('figure', {
      value: 'many',
      unit: 'people',
      measures: 'People',
      wording: 'many people',
      article: 'kazakhstan-balancing-act-eu-russia',
      topics: 'kazakhstan',
      date: '2022-02-30',
    });
    expect(problems).toEqual([
      '--value: expected a number such as 100000 or 40; got "many".',
      '--date: expected a real date written as YYYY-MM-DD, e.g. 2022-10-25; got "2022-02-30".',
      '--source-person, --source-report or --source-publisher: give exactly one: who the number comes from.',
    ]);
  });
});

describe('the new:* scaffolders, on what a journalist types', { timeout: 60_000 }, () => {
  it('new:topic writes a topic that parses and passes the check, named by its id', async () => {
    const topic = scaffold('topic', { name: 'Caspian shipping', description: 'Ships and ports on the Caspian Sea.' });
    expect(topic.problems).toEqual([]);
    expect(topic.file).toBe(path.join(scratch, 'topics', 'caspian-shipping.yaml'));
    expect(topic.text).toBe('name: Caspian shipping\nnewsroom:\n  description: Ships and ports on the Caspian Sea.\n');
    expect((await checkContentDir(scratch)).problems.filter((p) => p.file === topic.file)).toEqual([]);
    expect(scaffold('topic', { name: 'Kazakhstan', description: 'Again.' }).problems).toEqual([
      '--id: there is already a topic "kazakhstan" in topics/. Choose another id.',
    ]);
  });

  it('refuse a quote typed with its quotation marks, saying how to write it, and write nothing', () => {
    const current = content();
    const { answers, problems } = resolveAnswers(
      'quote',
      { speaker: 'temur-umarov', text: '“We will see.”', article: 'kazakhstan-balancing-act-eu-russia', topics: 'kazakhstan', context: 'Umarov on what comes.' },
      current,
    );
    expect(problems).toEqual([]);
    expect(() => skeleton('quote', answers, current, scratch)).toThrow(
      "Nothing was written:\n  --text: starts with a quotation mark, but the prose's own marks stand outside the quote: give the words without them: We will see.",
    );
  });

  it('refuse to mark as direct speech words the prose gives as reported, saying why', () => {
    const current = content();
    // "Kazakhstan can ill afford to anger Moscow" stands in the seed without quotation marks (it is marked already: the
    // words of another sentence are taken here, unmarked prose the article reports).
    const words = 'Nearly 40 of those companies are from Germany';
    const { answers } = resolveAnswers('quote', { speaker: 'roman-vassilenko', text: words, article: 'kazakhstan-balancing-act-eu-russia', kind: 'direct' }, current);
    expect(() => skeleton('quote', answers, current, scratch)).toThrow(/body <Quote>: quote "vassilenko-nearly-40-of-those" is direct speech, so the text must put quotation marks around the mark/);
  });

  it('say where the quotation marks go for direct speech and that reported speech has none', () => {
    const answers = { id: 'x-quote', article: 'an-article' };
    expect(nextSteps('quote', { ...answers, kind: 'direct' })).toContain('with the quotation marks around the mark in the prose: "<Quote id="x-quote" …>the words</Quote>"');
    const reported = nextSteps('quote', { ...answers, kind: 'reported' });
    expect(reported).toContain('no quotation marks around the mark in the prose');
    expect(reported).not.toContain('with the quotation marks around');
  });

  it('say that a figure without --qualifier was written as exactly', () => {
    const answers = { id: 'x-figure', article: 'an-article', qualifier: 'exactly' };
    expect(nextSteps('figure', answers, { id: 'x-figure', article: 'an-article' })).toMatch(/^No --qualifier was given, so the figure says qualifier: exactly; change it if/);
    expect(nextSteps('figure', answers, answers)).not.toContain('--qualifier');
  });
});

describe('slugify', () => {
  it('makes ids from names and headlines', () => {
    expect(slugify('Kassym-Jomart Tokayev')).toBe('kassym-jomart-tokayev');
    expect(slugify("Kazakhstan's balancing act: EU & Russia")).toBe('kazakhstans-balancing-act-eu-russia');
    expect(slugify('Zoë Ünal')).toBe('zoe-unal');
  });
});
