/**
 * The `npm run new:*` scaffolders: each asks for (or takes as flags) what a new entry needs, checks every id
 * against the content, and writes a skeleton that parses with the site's own schemas. Pure functions here; the
 * prompts and the command line are in scripts/new.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { formatFile } from '../../editor/format';
import { bodyPlaceholder } from '../content/checks';
import type { CollectionName } from '../content/registry';
import { parseContentFiles } from '../content/files';
import { nearestIds } from '../content/nearest';
import { findMistakes, typedQuotationMarks } from '../content/mistakes';
import { isDerivedQuote, withDerivedQuotes } from '../content/quote-entries';
import { registry } from '../content/registry';
import { articleDate, Content, fields, list, today, type Answers, type Field, type Kind } from './fields';

export { Content, fields, kinds, slugify, type Answers, type Field, type Kind } from './fields';

/** What is wrong with one answer, with the nearest valid ids for an unknown one. */
export function checkAnswer(field: Field, value: string, content: Content): string | undefined {
  if (field.choices && !field.choices.includes(value)) return `expected one of ${field.choices.join(', ')}; got "${value}".`;
  if (field.validate) {
    const problem = field.validate(value);
    if (problem) return problem;
  }
  if (field.ids) {
    const known = content.ids(field.ids);
    const unknown = (field.list ? list(value) : [value]).filter((id) => !known.includes(id));
    if (unknown.length) {
      return unknown
        .map((id) => {
          const nearest = nearestIds(id, known);
          return `no ${registry[field.ids!].noun.one} with id "${id}" in ${field.ids}/.${nearest.length ? ` Nearest valid ids: ${nearest.join(', ')}.` : ''}`;
        })
        .join(' ');
    }
  }
  return undefined;
}

/** Fills in defaults and checks every answer; returns every problem at once, each naming its flag. */
export function resolveAnswers(kind: Kind, given: Answers, content: Content): { answers: Answers; problems: string[] } {
  const answers: Answers = {};
  const problems: string[] = [];
  for (const field of fields[kind]) {
    const value = given[field.flag]?.trim() || field.fallback?.(answers, content);
    if (!value) {
      if (field.required) problems.push(`--${field.flag}: missing. ${field.question}.`);
      continue;
    }
    const problem = checkAnswer(field, value, content);
    if (problem) problems.push(`--${field.flag}: ${problem}`);
    else answers[field.flag] = value;
  }
  problems.push(...crossProblems(kind, answers, content));
  return { answers, problems };
}

/** Rules that involve more than one answer. */
function crossProblems(kind: Kind, answers: Answers, content: Content): string[] {
  const problems: string[] = [];
  const id = answers['id'];
  if (id && content.get(collectionOf[kind], id)) {
    problems.push(`--id: there is already a ${kind} "${id}" in ${collectionOf[kind]}/. Choose another id.`);
  }
  if (kind === 'figure') {
    const sources = ['source-person', 'source-report', 'source-publisher'].filter((flag) => answers[flag]);
    if (sources.length !== 1) {
      problems.push('--source-person, --source-report or --source-publisher: give exactly one: who the number comes from.');
    }
  }
  return problems;
}

export const collectionOf: Record<Kind, CollectionName> = {
  article: 'articles',
  person: 'people',
  quote: 'quotes',
  figure: 'figures',
  topic: 'topics',
};

/** When: the date given (stated by the article) or the article's own date standing in. */
function when(answers: Answers, content: Content) {
  return answers['date']
    ? { date: answers['date'], basis: 'stated' as const }
    : { date: articleDate(answers, content) ?? today(), basis: 'publication' as const };
}

/** The file's data, fields in the order the schemas list them. */
function entryData(kind: Kind, answers: Answers, content: Content): Record<string, unknown> {
  const optionalList = (flag: string) => (list(answers[flag]).length ? { [flag]: list(answers[flag]) } : {});
  switch (kind) {
    case 'article':
      return {
        title: answers['title'],
        teaser: answers['teaser'],
        authors: list(answers['authors']),
        published: answers['date'],
        topics: list(answers['topics']),
        ...optionalList('people'),
        ...optionalList('places'),
        ...(list(answers['related']).length ? { related: { articles: list(answers['related']) } } : {}),
        source: { publisher: answers['publisher'] },
      };
    case 'person':
      return {
        name: answers['name'],
        roles: [
          {
            title: answers['role'],
            organisation: answers['organisation'],
            ...(answers['place'] ? { place: answers['place'] } : {}),
            ...(answers['article'] ? { statedIn: answers['article'] } : {}),
          },
        ],
        newsroom: { description: answers['description'] },
      };
    case 'quote':
      // Only what the prose has no place for: the words, speaker and kind are the mark in the article (markQuote).
      return {
        ...(answers['date'] ? { said: { date: answers['date'], ...(answers['wording'] ? { wording: answers['wording'] } : {}) } } : {}),
        ...optionalList('topics'),
        ...(answers['context'] ? { newsroom: { context: answers['context'] } } : {}),
      };
    case 'figure': {
      const source = answers['source-person']
        ? { person: answers['source-person'] }
        : answers['source-report']
          ? { report: answers['source-report'] }
          : { publisher: answers['source-publisher'] };
      return {
        value: Number(answers['value']!.replace(/[,_]/g, '')),
        unit: answers['unit'],
        qualifier: answers['qualifier'],
        measures: answers['measures'],
        wording: answers['wording'],
        asOf: when(answers, content),
        source,
        article: answers['article'],
        topics: list(answers['topics']),
      };
    }
    case 'topic':
      return { name: answers['name'], newsroom: { description: answers['description'] } };
  }
}

/** The new file: its path under the content folder and its text. */
export interface Skeleton {
  file: string;
  text: string;
  /** For a file that exists (an article a quote is marked in): its text as read, which it must still be when written. */
  replaces?: string;
  /** Another file to write with it (a quote's file of extras). */
  also?: Skeleton;
  /** What was done, when the whole text is too long to show (the line of the article with the new mark). */
  summary?: string;
}

/**
 * The skeleton for checked answers. It is parsed back with the site's schemas before it is returned, so a
 * scaffolder can never write a file the build would refuse for its fields.
 */
export function skeleton(kind: Kind, answers: Answers, content: Content, contentDir: string): Skeleton {
  if (kind === 'quote') return markQuote(answers, content, contentDir);
  const collection = collectionOf[kind];
  const id = answers['id']!;
  const yaml = stringify(entryData(kind, answers, content), { lineWidth: 0 });
  // Written in the browser editor's file style (src/editor/format.ts), so a first save in the editor changes nothing.
  const text = formatFile(collection, kind === 'article' ? `---\n${yaml}---\n\n${bodyPlaceholder}\n` : yaml, id);
  const file = path.join(contentDir, collection, `${id}.${kind === 'article' ? 'mdx' : 'yaml'}`);
  const { entries, problems } = parseContentFiles([{ collection, id, file, raw: text }]);
  if (problems.length) {
    throw new Error(`The ${kind} skeleton does not match its schema:\n${problems.map((p) => `  ${p.field}: ${p.message}`).join('\n')}`);
  }
  // What the content check would refuse in the answers themselves (quotation marks typed around a quote's words,
  // text that is only spaces, a date in the future), said now rather than at the next check.
  const others = content.entries.filter((entry) => !(entry.collection === collection && entry.id === id));
  const mistakes = findMistakes([...others, ...entries]).filter((problem) => problem.file === file);
  if (mistakes.length) throw new AnswerError(mistakes.map((p) => `--${flagOf[p.field.replace(/\[\d+\]$/, '')] ?? p.field}: ${p.message}`));
  return { file, text };
}

/** Quotation marks a journalist may type around a quote's words, at either end. */
const quotationMarks = new RegExp(`^[${typedQuotationMarks}]|[${typedQuotationMarks}]$`);
const marksAround = new RegExp(`^[${typedQuotationMarks}]+|[${typedQuotationMarks}]+$`, 'g');

/**
 * `npm run new:quote`: marks the words where they stand in the article, <Quote id speaker kind>the words</Quote>,
 * and writes quotes/<id>.yaml only when there is something the prose has no place for (when it was said, topics,
 * context). The words must stand once in the article as written, outside any other mark; else nothing is written and
 * the message gives the mark to paste by hand. Checked as the build checks it before anything is written.
 */
function markQuote(answers: Answers, content: Content, contentDir: string): Skeleton {
  const id = answers['id']!;
  const words = answers['text']!;
  const articleEntry = content.get('articles', answers['article']!)!;
  const props = `id="${id}" speaker="${answers['speaker']}" kind="${answers['kind']}"${answers['role'] ? ` role="${answers['role']}"` : ''}`;
  const mark = `<Quote ${props}>${words}</Quote>`;
  if (quotationMarks.test(words.trim())) {
    throw new AnswerError([
      `--text: ${quotationMarks.test(words.trim()[0]!) ? 'starts' : 'ends'} with a quotation mark, but the prose's own marks stand outside the quote: give the words without them: ${words.trim().replace(marksAround, '')}`,
    ]);
  }
  const raw = articleEntry.raw;
  const bodyStart = (/^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/.exec(raw)?.[0].length ?? 0);
  // Where the words stand: in the body, outside tags and outside the marks there already are.
  const taken = [...raw.matchAll(/<Quote\b[^>]*>[\s\S]*?<\/Quote>|<[^>]*>/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const places: number[] = [];
  for (let at = raw.indexOf(words, bodyStart); at >= 0; at = raw.indexOf(words, at + 1)) {
    if (!taken.some(([start, end]) => at < end && at + words.length > start)) places.push(at);
  }
  const where = `articles/${articleEntry.id}.mdx`;
  if (places.length !== 1) {
    throw new AnswerError([
      places.length
        ? `--text: the words stand ${places.length} times in ${where}; mark the one you mean by hand, in place of the words: ${mark}`
        : `--text: these words are not in ${where} as written (outside the quotes marked there). Copy them from the article, verbatim; or write the article first and paste the mark where they stand: ${mark}`,
    ]);
  }
  const text = raw.slice(0, places[0]) + mark + raw.slice(places[0]! + words.length);
  const articleFile = path.resolve(articleEntry.file);
  const line = text.slice(0, places[0]).split('\n').length;
  const marked: Skeleton = { file: articleFile, text, replaces: raw, summary: `${where}, line ${line}:\n  ${text.split('\n')[line - 1]}` };

  const data = entryData('quote', answers, content);
  let also: Skeleton | undefined;
  const files = [{ collection: 'articles' as const, id: articleEntry.id, file: articleEntry.file, raw: text }];
  if (Object.keys(data).length) {
    const file = path.join(contentDir, 'quotes', `${id}.yaml`);
    also = { file, text: formatFile('quotes', stringify(data, { lineWidth: 0 }), id) };
    files.push({ collection: 'quotes' as never, id, file, raw: also.text });
  }
  // Checked as the build will check it: the schemas, the quote derived from its mark, and the mistakes checks.
  const parsed = parseContentFiles(files);
  const others = content.entries.filter(
    (entry) => !(entry.collection === 'articles' && entry.id === articleEntry.id) && entry.collection !== 'quotes',
  );
  const extras = loadExtras(content).filter((entry) => entry.id !== id);
  const derived = withDerivedQuotes([...others, ...extras, ...parsed.entries]);
  const mine = (problem: { file: string; line?: number | undefined }) =>
    (problem.file === articleEntry.file && problem.line === line) || problem.file === also?.file;
  const problems = [...parsed.problems, ...derived.problems, ...findMistakes(derived.entries)].filter(mine);
  if (problems.length) throw new AnswerError(problems.map((p) => `${p.field}: ${p.message}`));
  return { ...marked, ...(also ? { also } : {}) };
}

/** The quotes' files of extras, from the derived quotes that have one. */
function loadExtras(content: Content) {
  return content.entries.flatMap((entry) => (isDerivedQuote(entry) && entry.extras ? [entry.extras] : []));
}

/** Answers that would make a file the content check refuses; nothing was written. */
export class AnswerError extends Error {
  constructor(readonly problems: string[]) {
    super(`Nothing was written:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'AnswerError';
  }
}

/** The flag that fills each field, for messages about answers. */
const flagOf: Record<string, string> = {
  text: 'text',
  published: 'date',
  'said.date': 'date',
  'asOf.date': 'date',
  'newsroom.context': 'context',
  'newsroom.description': 'description',
  title: 'title',
  teaser: 'teaser',
  name: 'name',
  wording: 'wording',
  measures: 'measures',
};

/**
 * Writes a new file; never replaces one that exists (the 'wx' flag fails instead), except the article a quote is
 * marked in, and only when it is still as it was read.
 */
export function writeNew({ file, text, replaces, also }: Skeleton): void {
  if (also && fs.existsSync(also.file)) throw new Error(`${also.file} already exists; nothing was written. Choose another --id.`);
  if (replaces !== undefined) {
    if (fs.readFileSync(file, 'utf8') !== replaces) throw new Error(`${file} changed while the quote was being marked; nothing was written. Run it again.`);
    fs.writeFileSync(file, text);
    if (also) writeNew(also);
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`${file} already exists; nothing was written. Choose another --id.`);
    }
    throw error;
  }
}

/** What to do next, printed after the file is written. `given` are the answers typed, before defaults. */
export function nextSteps(kind: Kind, answers: Answers, given: Answers = answers): string {
  const id = answers['id'];
  switch (kind) {
    case 'article':
      return `Write the article below the frontmatter in place of the TODO line. Mark a quote with <Quote id="..." speaker="..." kind="direct">the words</Quote> (or npm run new:quote once the words are written), name people with <Person id="${'...'}">Name</Person>. Then run npm run check.`;
    case 'person':
      return `Name them in an article with <Person id="${id}">${answers['name']}</Person>. Then run npm run check.`;
    case 'quote':
      return (
        `Marked as quote ${id}: its page will be /quotes/${id}/, and the id stays when the words are corrected. ` +
        (answers['kind'] === 'reported'
          ? 'It is reported speech: no quotation marks around the mark in the prose (words the article itself puts in quotation marks stay inside it). '
          : `It is ${answers['kind']} speech, with the quotation marks around the mark in the prose: "<Quote id="${id}" …>the words</Quote>". `) +
        (answers['topics'] || answers['context'] || answers['date']
          ? `Its file quotes/${id}.yaml holds what the prose has no place for. `
          : `It takes the article's date and topics; for context, when it was said or other topics, add quotes/${id}.yaml (npm run new:quote does it with --context, --date, --topics). `) +
        'Then run npm run check.'
      );
    case 'figure':
      return (
        (given['qualifier'] ? '' : `No --qualifier was given, so the figure says qualifier: ${answers['qualifier']}; change it if the article says more than, over, nearly, about or at least. `) +
        `Show it in articles/${answers['article']}.mdx with <FactBox figures={["${id}"]} />. Then run npm run check.`
      );
    case 'topic':
      return `File articles, quotes and figures under it with ${id} in their topics: list; its page is /topics/${id}/. Then run npm run check.`;
  }
}
