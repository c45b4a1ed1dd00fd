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
import { findMistakes } from '../content/mistakes';
import { registry } from '../content/registry';
import { currentRole } from '../rules/people';
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

/** The speaker's current role, which a new quote takes unless told otherwise. */
function roleOf(content: Content, speaker: string): { title: string; organisation: string } | undefined {
  const roles = content.get('people', speaker)?.data['roles'];
  if (!Array.isArray(roles) || !roles.length) return undefined;
  const { title, organisation } = currentRole({ data: { roles: roles as { title: string; organisation: string }[] } });
  return { title, organisation };
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
