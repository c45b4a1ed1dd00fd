/**
 * The `npm run new:*` scaffolders: each asks for (or takes as flags) what a new entry needs, checks every id
 * against the content, and writes a skeleton that parses with the site's own schemas. Pure functions here; the
 * prompts and the command line are in scripts/new.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { idPattern, parseCalendarDate, quoteKinds } from '../../schemas/common';
import { figureQualifiers } from '../../schemas/figure';
import { bodyPlaceholder, type CheckedEntry } from '../content/checks';
import type { CollectionName } from '../content/registry';
import { parseContentFiles } from '../content/files';
import { nearestIds } from '../content/nearest';
import { findMistakes } from '../content/mistakes';

export const kinds = ['article', 'person', 'quote', 'figure', 'topic'] as const;
export type Kind = (typeof kinds)[number];

/** One thing the scaffolder asks for: a command-line flag and a question. */
export interface Field {
  flag: string;
  question: string;
  required: boolean;
  /** Comma-separated list of ids. */
  list?: boolean;
  /** The answer names entries of this collection. */
  ids?: CollectionName;
  /** The answer is one of these. */
  choices?: readonly string[];
  /** Checks the answer; returns what is wrong. */
  validate?: (value: string) => string | undefined;
  /** The default when nothing is given, computed from the answers so far. */
  fallback?: (answers: Answers, content: Content) => string | undefined;
}

export type Answers = Record<string, string | undefined>;

/** The content as the scaffolders need it: ids and data by collection. */
export class Content {
  private readonly byCollection = new Map<CollectionName, Map<string, CheckedEntry>>();
  constructor(readonly entries: readonly CheckedEntry[]) {
    for (const entry of entries) {
      const ids = this.byCollection.get(entry.collection) ?? new Map<string, CheckedEntry>();
      ids.set(entry.id, entry);
      this.byCollection.set(entry.collection, ids);
    }
  }
  ids(collection: CollectionName): string[] {
    return [...(this.byCollection.get(collection)?.keys() ?? [])];
  }
  get(collection: CollectionName, id: string): CheckedEntry | undefined {
    return this.byCollection.get(collection)?.get(id);
  }
}

/** `Temur Umarov` -> `temur-umarov`: the id a file name gets. */
export function slugify(text: string, words = 8): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, words)
    .join('-');
}

const date = (value: string) =>
  parseCalendarDate(value) ? undefined : `expected a real date written as YYYY-MM-DD, e.g. 2022-10-25; got "${value}".`;
const number = (value: string) =>
  /^-?\d+(?:\.\d+)?$/.test(value.replace(/[,_]/g, '')) ? undefined : `expected a number such as 100000 or 40; got "${value}".`;
const today = () => new Date().toISOString().slice(0, 10);
const list = (value: string | undefined) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);

/** The published date of the article an entry belongs to, which stands in when the article does not say when. */
const articleDate = (answers: Answers, content: Content) => {
  const published = content.get('articles', answers['article'] ?? '')?.data['published'];
  return published instanceof Date ? published.toISOString().slice(0, 10) : undefined;
};

/** The family name of a person, for quote ids like `umarov-...`. */
const familyName = (content: Content, id: string | undefined) => {
  const name = content.get('people', id ?? '')?.data['name'];
  return typeof name === 'string' ? slugify(name.split(' ').at(-1) ?? name) : undefined;
};

const idField = (fallback: NonNullable<Field['fallback']>): Field => ({
  flag: 'id',
  question: 'Id (the file name, lowercase words joined by hyphens)',
  required: true,
  validate: (value) => (idPattern.test(value) ? undefined : `expected lowercase words joined by hyphens, e.g. temur-umarov; got "${value}".`),
  fallback,
});

/** What each scaffolder asks, in order. */
export const fields: Record<Kind, Field[]> = {
  article: [
    { flag: 'title', question: 'Headline', required: true },
    { flag: 'teaser', question: 'Standfirst (one or two sentences under the headline)', required: true },
    { flag: 'authors', question: 'Author ids (people/), comma-separated', required: true, list: true, ids: 'people' },
    { flag: 'topics', question: 'Topic ids (topics/), comma-separated', required: true, list: true, ids: 'topics' },
    { flag: 'date', question: 'Date of first publication (YYYY-MM-DD)', required: true, validate: date, fallback: today },
    { flag: 'publisher', question: 'First published by (e.g. DW)', required: true },
    { flag: 'people', question: 'Ids of other people it mentions (people/), comma-separated', required: false, list: true, ids: 'people' },
    { flag: 'places', question: 'Place ids (places/), comma-separated', required: false, list: true, ids: 'places' },
    { flag: 'related', question: 'Ids of related articles (articles/), comma-separated', required: false, list: true, ids: 'articles' },
    idField((answers) => slugify(answers['title'] ?? '')),
  ],
  person: [
    { flag: 'name', question: 'Full name as the article writes it', required: true },
    { flag: 'role', question: 'Role title as the article names it (e.g. Analyst)', required: true },
    { flag: 'organisation', question: 'Organisation of that role (e.g. Carnegie Endowment for International Peace)', required: true },
    { flag: 'place', question: 'Where they work in this role (e.g. Bishkek)', required: false },
    { flag: 'article', question: 'Id of the article that names this role (articles/)', required: false, ids: 'articles' },
    { flag: 'description', question: 'One or two sentences about them in the newsroom\'s own words', required: true },
    idField((answers) => slugify(answers['name'] ?? '')),
  ],
  quote: [
    { flag: 'speaker', question: 'Speaker id (people/)', required: true, ids: 'people' },
    { flag: 'text', question: 'The words exactly as published, without the quotation marks', required: true },
    { flag: 'article', question: 'Id of the article it appears in (articles/)', required: true, ids: 'articles' },
    { flag: 'topics', question: 'Topic ids (topics/), comma-separated', required: true, list: true, ids: 'topics' },
    { flag: 'context', question: 'One line of context in the newsroom\'s own words (to whom, about what)', required: true },
    { flag: 'kind', question: 'Kind: direct, partial or reported', required: true, choices: quoteKinds, fallback: () => 'direct' },
    {
      flag: 'date',
      question: 'When it was said, YYYY-MM-DD (leave empty when the article does not say: its date stands in)',
      required: false,
      validate: date,
    },
    idField((answers, content) =>
      [familyName(content, answers['speaker']), slugify(answers['text'] ?? '', 4)].filter(Boolean).join('-'),
    ),
  ],
  figure: [
    { flag: 'value', question: 'The number (e.g. 100000, or 40 for 40%)', required: true, validate: number },
    { flag: 'unit', question: 'What is counted, plural (e.g. people, percent, companies)', required: true },
    { flag: 'qualifier', question: 'exactly, more than, over, nearly, about or at least', required: true, choices: figureQualifiers, fallback: () => 'exactly' },
    { flag: 'measures', question: 'What the number measures, in the article\'s terms', required: true },
    { flag: 'wording', question: 'The article\'s words for the figure, verbatim', required: true },
    { flag: 'article', question: 'Id of the article that reports it (articles/)', required: true, ids: 'articles' },
    { flag: 'topics', question: 'Topic ids (topics/), comma-separated', required: true, list: true, ids: 'topics' },
    { flag: 'source-person', question: 'Id of the person the number comes from (people/)', required: false, ids: 'people' },
    { flag: 'source-report', question: 'Or: the report it comes from, as the article names it', required: false },
    { flag: 'source-publisher', question: 'Or: the publisher whose reporting states it (e.g. DW)', required: false },
    {
      flag: 'date',
      question: 'When the number holds, YYYY-MM-DD (leave empty when the article does not say: its date stands in)',
      required: false,
      validate: date,
    },
    idField((answers) => slugify(answers['measures'] ?? '', 5)),
  ],
  topic: [
    { flag: 'name', question: 'Name of the topic as readers see it (e.g. Middle Corridor)', required: true },
    {
      flag: 'description',
      question: 'One line about the topic in the newsroom\'s own words',
      required: true,
      validate: (value) => (value.includes('\n') ? 'keep the description to one line.' : undefined),
    },
    idField((answers) => slugify(answers['name'] ?? '')),
  ],
};

const noun: Partial<Record<CollectionName, string>> = { articles: 'article', people: 'person', topics: 'topic', places: 'place' };

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
          return `no ${noun[field.ids!]} with id "${id}" in ${field.ids}/.${nearest.length ? ` Nearest valid ids: ${nearest.join(', ')}.` : ''}`;
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
  if (kind === 'quote' && answers['speaker'] && !roleOf(content, answers['speaker'])) {
    problems.push(`--speaker: ${answers['speaker']} has no role in people/; add one first.`);
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

function roleOf(content: Content, speaker: string): { title: string; organisation: string } | undefined {
  const roles = content.get('people', speaker)?.data['roles'];
  const role = Array.isArray(roles) ? (roles[0] as { title: string; organisation: string } | undefined) : undefined;
  return role ? { title: role.title, organisation: role.organisation } : undefined;
}

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
      return {
        text: answers['text'],
        speaker: answers['speaker'],
        role: roleOf(content, answers['speaker'] ?? ''),
        kind: answers['kind'],
        said: when(answers, content),
        article: answers['article'],
        topics: list(answers['topics']),
        newsroom: { context: answers['context'] },
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
}

/**
 * The skeleton for checked answers. It is parsed back with the site's schemas before it is returned, so a
 * scaffolder can never write a file the build would refuse for its fields.
 */
export function skeleton(kind: Kind, answers: Answers, content: Content, contentDir: string): Skeleton {
  const collection = collectionOf[kind];
  const id = answers['id']!;
  const yaml = stringify(entryData(kind, answers, content), { lineWidth: 0 });
  const text =
    kind === 'article'
      ? `---\n${yaml}---\n\n${bodyPlaceholder}\n`
      : yaml;
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

/** Writes a new file; never replaces one that exists (the 'wx' flag fails instead). */
export function writeNew({ file, text }: Skeleton): void {
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
      return `Write the article below the frontmatter in place of the TODO line. Quote with <Quote id="..." />, name people with <Person id="${'...'}">Name</Person>. Then run npm run check.`;
    case 'person':
      return `Name them in an article with <Person id="${id}">${answers['name']}</Person>. Then run npm run check.`;
    case 'quote':
      return answers['kind'] === 'reported'
        ? `Put <Quote id="${id}" /> in articles/${answers['article']}.mdx where the words stand. It is reported speech: no quotation marks around it in the prose (words the article itself puts in quotation marks belong in the text). Then run npm run check.`
        : `Put <Quote id="${id}" /> in articles/${answers['article']}.mdx where the words stand, with the quotation marks around it in the prose: "<Quote id="${id}" />". Then run npm run check.`;
    case 'figure':
      return (
        (given['qualifier'] ? '' : `No --qualifier was given, so the figure says qualifier: ${answers['qualifier']}; change it if the article says more than, over, nearly, about or at least. `) +
        `Show it in articles/${answers['article']}.mdx with <FactBox figures={["${id}"]} />. Then run npm run check.`
      );
    case 'topic':
      return `File articles, quotes and figures under it with ${id} in their topics: list; its page is /topics/${id}/. Then run npm run check.`;
  }
}
