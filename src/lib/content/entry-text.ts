/**
 * Reading content entries for the mistake checks (mistakes.ts): an article's text as readers get it, the line of a
 * field, file names that cannot be ids, image files that are not there, and the YAML a message suggests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { idPattern } from '../../schemas/common';
import { bodyPlaceholder, type CheckedEntry, type Problem } from './checks';

const readerTexts = new WeakMap<CheckedEntry, string>();

/**
 * An article's text as readers get it, for "verbatim" fields: tags dropped (a quote's words stand between its
 * tags), Markdown marks dropped, whitespace folded. Words a field claims from the article must stand in it.
 */
export function readerText(article: CheckedEntry, _byId?: Map<string, CheckedEntry>): string {
  const known = readerTexts.get(article);
  if (known !== undefined) return known;
  const body = article.raw.replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/, '');
  const text = body
    // A route map's caption and the lead image's caption are text readers get too.
    .replace(/<RouteMap\b(?:[^>"{}]|"[^"]*"|\{[^}]*\})*?\bcaption="([^"]*)"(?:[^>"{}]|"[^"]*"|\{[^}]*\})*?\/>/g, ' $1 ')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#+\s+/gm, '')
    .replace(/\*\*?|__?/g, '')
    .replace(/\\([{}<>*_\\])/g, '$1');
  const caption = (article.data['leadImage'] as { caption?: string } | undefined)?.caption ?? '';
  const folded = fold(`${caption}\n${text}`);
  readerTexts.set(article, folded);
  return folded;
}

export const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Whether the article's text holds these words. An article still at its placeholder paragraph holds everything:
 * a journalist files the quotes and figures first (npm run new:*), then writes the text, and the check already
 * reports the placeholder.
 */
export function holds(article: CheckedEntry, words: string, byId: Map<string, CheckedEntry>): boolean {
  return article.raw.includes(bodyPlaceholder) || readerText(article, byId).includes(fold(words));
}

/** A subfolder or a file name that is not an id: the site would use an id the guide never mentions. */
export function fileNameMistakes(entry: CheckedEntry, problems: Problem[]) {
  const name = path.basename(entry.file).replace(/\.(mdx|ya?ml)$/, '');
  const extension = path.extname(entry.file);
  if (entry.id.includes('/')) {
    problems.push({
      file: entry.file,
      field: 'id',
      message:
        `the file is in a subfolder, so its id would be "${entry.id}", but an id is the file name alone. ` +
        `Move it to ${entry.collection}/${name}${extension}.`,
    });
  } else if (!idPattern.test(name)) {
    const suggestion = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    problems.push({
      file: entry.file,
      field: 'id',
      message: `"${name}" is not an id: ids are lowercase words and digits joined by hyphens. Rename the file to ${suggestion || 'a-name'}${extension}.`,
    });
  }
}

/** Why an image `src` will not show, or undefined when its file is there. */
export function missingImage(src: string, articleFile: string, publicDir: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) {
    return `"${src}" is on another site; this site makes no request to another host. Save the file next to the article (with the right to use it) and write its name, e.g. ./photo.jpg.`;
  }
  const clean = decodeURI(src.replace(/[?#].*$/, ''));
  if (clean.startsWith('/')) {
    const file = path.join(publicDir, clean);
    if (fs.existsSync(file)) return undefined;
    return `"${src}" names ${shown(file)}, which does not exist (a path starting with / is inside public/). Put the file there, or save it next to the article and write ./${path.basename(clean)}.`;
  }
  const file = path.resolve(path.dirname(articleFile), clean);
  if (fs.existsSync(file)) return undefined;
  return `"${src}" names ${shown(file)}, which does not exist (the path is relative to the article's file). Check the file name, or put the image there.`;
}

/** The body with the frontmatter, code, components and escaped braces blanked out, keeping every offset. */
export function blankedBody(raw: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return raw
    .replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/, blank)
    .replace(/^(```|~~~)[\s\S]*?^\1/gm, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/<\/?[A-Z][A-Za-z0-9]*\b(?:[^>"{}]|"[^"]*"|\{[^}]*\})*?\/?>/g, blank)
    .replace(/\\[{}]/g, '  ');
}

/** Every string in parsed data with its field path (references and dates are not strings here). */
export function strings(data: unknown, at: (string | number)[] = []): [(string | number)[], string][] {
  if (typeof data === 'string') return [[at, data]];
  if (Array.isArray(data)) return data.flatMap((item, index) => strings(item, [...at, index]));
  if (data && typeof data === 'object' && !(data instanceof Date)) {
    return Object.entries(data).flatMap(([key, value]) => strings(value, [...at, key]));
  }
  return [];
}

/** The line of a field in the file, from its YAML (an article's frontmatter starts on line 2). */
export function fieldLines(entry: CheckedEntry): (fieldPath: (string | number)[]) => number | undefined {
  let parsed: { doc: ReturnType<typeof parseDocument>; counter: LineCounter; offset: number } | undefined;
  return (fieldPath) => {
    if (!parsed) {
      const frontmatter = entry.collection === 'articles' ? /^---\r?\n([\s\S]*?)\r?\n?---/.exec(entry.raw)?.[1] ?? '' : entry.raw;
      const counter = new LineCounter();
      parsed = { doc: parseDocument(frontmatter, { lineCounter: counter }), counter, offset: entry.collection === 'articles' ? 1 : 0 };
    }
    for (let depth = fieldPath.length; depth > 0; depth--) {
      const node = parsed.doc.getIn(fieldPath.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return parsed.counter.linePos(node.range[0]).line + parsed.offset;
    }
    return undefined;
  };
}

export function pathName(fieldPath: readonly (string | number)[]): string {
  return fieldPath.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}

export function splitPath(name: string): (string | number)[] {
  return name.split(/\.|(?=\[)/).map((part) => (/^\[\d+\]$/.test(part) ? Number(part.slice(1, -1)) : part));
}

export function offsetOfLine(raw: string, line: number): number {
  let offset = 0;
  for (let i = 1; i < line; i++) offset = raw.indexOf('\n', offset) + 1;
  return offset;
}

export function sharesAWord(words: string, name: string): boolean {
  const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1);
  const known = new Set(wordsOf(name));
  return wordsOf(words).some((word) => known.has(word) || known.has(word.replace(/'s$|’s$/, '')));
}

/** A path as messages show it: relative to the project when inside it, else in full. */
export function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

export const day = (date: Date) => date.toISOString().slice(0, 10);
export const sameDay = (a: Date, b: Date) => day(a) === day(b);

/**
 * How to write a text in YAML so that it parses back as itself: plain when it can be, in single quotes when it
 * contains `"` or `: ` (a `'` inside is written twice). Used in messages that suggest a corrected line.
 */
export function yamlHint(text: string, key = 'text'): string {
  const plain = !/^[\s"'`{[\]&*!|>%@#,?:-]|: | #|\s$|^$/.test(text) && !/^(true|false|null|~|[\d.+-]+)$/i.test(text);
  return plain ? `${key}: ${text}` : `${key}: '${text.replace(/'/g, "''")}'`;
}
