/**
 * What each `npm run new:*` scaffolder asks, in order, with how each answer is checked and what stands in when it
 * is left out; and the content as the scaffolders see it. scaffold.ts turns the answers into a file.
 */
import { idPattern, parseCalendarDate, quoteKinds } from '../../schemas/common';
import { figureQualifiers } from '../../schemas/figure';
import type { CheckedEntry } from '../content/checks';
import type { CollectionName } from '../content/registry';
import { familyName } from '../rules/people';

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
export const today = () => new Date().toISOString().slice(0, 10);
export const list = (value: string | undefined) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);

/** The published date of the article an entry belongs to, which stands in when the article does not say when. */
export const articleDate = (answers: Answers, content: Content) => {
  const published = content.get('articles', answers['article'] ?? '')?.data['published'];
  return published instanceof Date ? published.toISOString().slice(0, 10) : undefined;
};

/** The family name of a person, for quote ids like `umarov-...`. */
const familyNameOf = (content: Content, id: string | undefined) => {
  const name = content.get('people', id ?? '')?.data['name'];
  return typeof name === 'string' ? slugify(familyName(name)) : undefined;
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
    {
      flag: 'text',
      question: 'The words exactly as they stand in the article, without the quotation marks around them',
      required: true,
    },
    { flag: 'article', question: 'Id of the article the words stand in (articles/)', required: true, ids: 'articles' },
    { flag: 'kind', question: 'Kind: direct, partial or reported', required: true, choices: quoteKinds, fallback: () => 'direct' },
    { flag: 'role', question: "The speaker's role title, only when they held more than one role at the time", required: false },
    {
      flag: 'topics',
      question: "Topic ids (topics/), comma-separated (leave empty for the article's topics)",
      required: false,
      list: true,
      ids: 'topics',
    },
    { flag: 'context', question: "One line of context in the newsroom's own words (to whom, about what)", required: false },
    {
      flag: 'date',
      question: 'When it was said, YYYY-MM-DD, only when the article says when (leave empty: its date stands in)',
      required: false,
      validate: date,
    },
    { flag: 'wording', question: 'The article\'s own words for when, verbatim (e.g. "In September"), with --date', required: false },
    idField((answers, content) =>
      [familyNameOf(content, answers['speaker']), slugify(answers['text'] ?? '', 4)].filter(Boolean).join('-'),
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
