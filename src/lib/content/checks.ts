/**
 * Cross-entry checks that zod schemas cannot make: Astro's `reference()` never checks that its target exists
 * (withastro/astro#11494), MDX bodies name entries in component props, and YAML silently turns 2022-02-30 into
 * 2 March. Pure functions over plain entries, so unit tests and `npm run check` use them without a build.
 */
import { parseCalendarDate } from '../../schemas/common';
import { findMistakes } from './mistakes';
import { isDerivedQuote } from './quote-entries';
import { nearestIds } from './nearest';
import { collectionNames, fileExtensions, mdxComponents, registry, type CollectionName, type MdxComponentName } from './registry';


/** One content file after schema validation, with its raw text for line numbers. */
export interface CheckedEntry {
  collection: CollectionName;
  id: string;
  /** Path of the file, relative to the project root where possible. */
  file: string;
  /** The file's text as written. */
  raw: string;
  /** The data after schema parsing (references are `{ collection, id }`). */
  data: Record<string, unknown>;
  /**
   * The file failed its schema (`npm run check:content` reports that separately): its id still counts, so
   * references to it are not reported as unknown, but its data is not checked further.
   */
  invalid?: boolean;
}

/**
 * The first paragraph `npm run new:article` writes. A published article that still contains it stops the build,
 * so a placeholder never reaches readers.
 */
export const bodyPlaceholder = 'TODO: replace this line with the first paragraph.';

export interface Problem {
  file: string;
  line?: number | undefined;
  field: string;
  message: string;
}

/** A use of an MDX component in a body, with the ids it names. */
export interface ComponentUse {
  component: string;
  ids: string[];
  line: number;
  tag: string;
}

/** Finds the components used in an MDX file and the ids they name. Code fences are skipped. */
export function findComponentUses(raw: string): ComponentUse[] {
  const text = blankCodeFences(stripFrontmatter(raw));
  const uses: ComponentUse[] = [];
  // Matches come in order, so lines are counted on from the last match rather than from the top each time.
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(/<([A-Z][A-Za-z0-9]*)\b((?:[^>"{}]|"[^"]*"|\{[^}]*\})*?)\/?>/g)) {
    const [tag, component, attributes = ''] = match;
    for (; counted < match.index; counted++) if (text.charCodeAt(counted) === 10) line++;
    const spec = mdxComponents[component as MdxComponentName];
    if (!spec) {
      uses.push({ component: component!, ids: [], line, tag });
      continue;
    }
    const ids = spec.list ? listProp(attributes, spec.prop) : stringProp(attributes, spec.prop);
    uses.push({ component: component!, ids, line, tag });
  }
  return uses;
}

function stringProp(attributes: string, prop: string): string[] {
  const match = new RegExp(`\\b${prop}=(?:"([^"]*)"|'([^']*)'|\\{\\s*["']([^"']*)["']\\s*\\})`).exec(attributes);
  const value = match?.[1] ?? match?.[2] ?? match?.[3];
  return value === undefined ? [] : [value];
}

function listProp(attributes: string, prop: string): string[] {
  const match = new RegExp(`\\b${prop}=\\{\\s*\\[([^\\]]*)\\]\\s*\\}`).exec(attributes);
  return match ? [...match[1]!.matchAll(/["']([^"']+)["']/g)].map((m) => m[1]!) : [];
}

/** Replaces the frontmatter with blank lines, so line numbers still count from the top of the file. */
function stripFrontmatter(raw: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/.exec(raw);
  return match ? match[0].replace(/[^\n]/g, '') + raw.slice(match[0].length) : raw;
}

function blankCodeFences(text: string): string {
  return text.replace(/^(```|~~~)[\s\S]*?^\1/gm, (block) => block.replace(/[^\n]/g, ''));
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The first line of the file on which `needle` stands, if any. */
export function lineOf(raw: string, needle: string): number | undefined {
  const index = raw.indexOf(needle);
  return index < 0 ? undefined : lineAt(raw, index);
}

interface Reference {
  collection: CollectionName;
  id: string;
  path: string;
}

function isReference(value: unknown): value is { collection: string; id: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 2 &&
    typeof (value as { id?: unknown }).id === 'string' &&
    collectionNames.includes((value as { collection?: unknown }).collection as CollectionName)
  );
}

/** Every `reference()` value in parsed data, with the field path it stands at (e.g. `related.articles[0]`). */
export function findReferences(data: unknown, path = ''): Reference[] {
  if (isReference(data)) return [{ collection: data.collection as CollectionName, id: data.id, path }];
  if (Array.isArray(data)) return data.flatMap((item, index) => findReferences(item, `${path}[${index}]`));
  if (data && typeof data === 'object' && !(data instanceof Date)) {
    return Object.entries(data).flatMap(([key, value]) => findReferences(value, path ? `${path}.${key}` : key));
  }
  return [];
}

/** Runs every cross-entry check and returns all problems at once, in file order. */
export function checkContent(entries: readonly CheckedEntry[]): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<CollectionName, Map<string, CheckedEntry>>(collectionNames.map((name) => [name, new Map()]));
  for (const entry of entries) ids.get(entry.collection)!.set(entry.id, entry);

  const unknown = (entry: CheckedEntry, field: string, collection: CollectionName, id: string, line?: number) => {
    const suggestions = nearestIds(id, ids.get(collection)!.keys());
    problems.push({
      file: entry.file,
      line: line ?? lineOf(entry.raw, id),
      field,
      message:
        `no ${registry[collection].noun.one} with id "${id}" (expected a file ${registry[collection].folder}/${id}.${fileExtensions(collection)[0]}).` +
        (suggestions.length ? ` Nearest valid ids: ${suggestions.join(', ')}.` : ''),
    });
  };

  for (const entry of entries) {
    // 1. Every reference in the frontmatter or data resolves, and a published entry does not lean on a draft.
    // Two exceptions link nothing to the draft: the quotes and figures of a draft article (src/lib/content/
    // leaves them out with it), and excluding a draft from an article's related articles.
    // A derived quote's speaker and article are known (its marks name them, src/lib/content/quote-marks.ts); its
    // topics are checked where they are written: its file in quotes/, or the article (checked as itself).
    const derived = isDerivedQuote(entry) ? entry : undefined;
    for (const ref of findReferences(entry.data)) {
      if (derived && (!derived.extras || !ref.path.startsWith('topics'))) continue;
      const target = ids.get(ref.collection)!.get(ref.id);
      if (!target) unknown(derived?.extras ?? entry, ref.path, ref.collection, ref.id);
      else if (
        ref.collection === 'articles' &&
        target.data['draft'] === true &&
        entry.data['draft'] !== true &&
        !(ref.path === 'article' && (entry.collection === 'quotes' || entry.collection === 'figures')) &&
        !ref.path.startsWith('related.exclude')
      ) {
        problems.push({
          file: entry.file,
          line: lineOf(entry.raw, ref.id),
          field: ref.path,
          message: `article "${ref.id}" is a draft, so readers could not follow this link. Publish it or remove the reference.`,
        });
      }
    }

    // 2. Dates are real dates, even where YAML has already rolled them over (a derived quote's are in its file).
    const dated = derived ? derived.extras : entry;
    if (!dated) continue;
    for (const match of dated.raw.matchAll(/(?<![\d-])(\d{4}-\d{2}-\d{2})(?![\d-])/g)) {
      if (!parseCalendarDate(match[1]!)) {
        problems.push({
          file: dated.file,
          line: lineAt(dated.raw, match.index),
          field: fieldAt(dated.raw, match.index),
          message: `"${match[1]}" is not a real date. Write dates as YYYY-MM-DD, e.g. 2022-10-25.`,
        });
      }
    }
  }

  // 3. MDX bodies: components exist and the ids they name exist (quote marks: src/lib/content/quote-marks.ts).
  for (const article of ids.get('articles')!.values()) {
    const placeholder = lineOf(article.raw, bodyPlaceholder);
    if (placeholder && article.data['draft'] !== true && !article.invalid) {
      problems.push({
        file: article.file,
        line: placeholder,
        field: 'body',
        message: 'still has the placeholder first paragraph from npm run new:article. Write the paragraph, or set draft: true.',
      });
    }
    const uses = findComponentUses(article.raw);
    for (const use of uses) {
      // A quote mark makes its quote: its props are checked where quotes are derived.
      if (use.component === 'Quote') continue;
      const spec = mdxComponents[use.component as MdxComponentName];
      if (!spec) {
        problems.push({
          file: article.file,
          line: use.line,
          field: 'body',
          message: `unknown component <${use.component}>. Authors can use ${Object.keys(mdxComponents).map((c) => `<${c}>`).join(', ')}.`,
        });
        continue;
      }
      if (use.ids.length === 0) {
        problems.push({
          file: article.file,
          line: use.line,
          field: `body <${use.component}>`,
          message: spec.list
            ? `missing ${spec.prop}: write ${spec.prop}={["first-id", "second-id"]}.`
            : `missing ${spec.prop}: write ${spec.prop}="the-id".`,
        });
      }
      for (const id of use.ids) {
        if (!ids.get(spec.collection)!.has(id)) unknown(article, `body <${use.component} ${spec.prop}>`, spec.collection, id, use.line);
      }
    }
  }

  // 4. A quote's permalink /quotes/<id>/ must not take the address of a quotes listing (src/lib/shared/urls.ts).
  for (const quote of ids.get('quotes')!.values()) {
    if (reservedQuoteIds.includes(quote.id) || /^\d+$/.test(quote.id)) {
      problems.push({
        file: quote.file,
        line: isDerivedQuote(quote) ? quote.marks[0]!.line : undefined,
        field: isDerivedQuote(quote) ? 'body <Quote id>' : 'id',
        message:
          `the id "${quote.id}" is taken by a quotes listing (/quotes/${quote.id}/): ids "by", "topic" and plain ` +
          'numbers are reserved. Give the quote another id, e.g. after the speaker and the subject (and rename its file in quotes/, if it has one).',
      });
    }
  }

  // 5. Mistakes that would put something broken, doubled or missing on a page (src/lib/mistakes.ts).
  problems.push(...findMistakes(entries));

  return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** Path segments under /quotes/ that listings use: /quotes/by/<person>/, /quotes/topic/<topic>/ (and page numbers). */
const reservedQuoteIds = ['by', 'topic'];

/** The YAML key a position belongs to, for messages: the nearest `key:` at or above it. */
function fieldAt(raw: string, index: number): string {
  const before = raw.slice(0, raw.indexOf('\n', index) < 0 ? raw.length : raw.indexOf('\n', index));
  const keys = [...before.matchAll(/^\s*-?\s*([A-Za-z][\w]*):/gm)];
  return keys.at(-1)?.[1] ?? 'date';
}

/** One readable block: every problem on its own line, as `file:line  field: message`. */
export function formatProblems(problems: readonly Problem[]): string {
  const lines = problems.map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''}  ${p.field}: ${p.message}`);
  return `Content check found ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}
