import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadContentDir } from '../src/lib/content/files';

/** Whitespace folded to single spaces, as a reader sees text. */
export const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

export const seedArticleUrl = '/articles/kazakhstan-balancing-act-eu-russia/';

/** The seed article as DW published it, copied into the project as a fixture. */
export function seedLines(): string[] {
  const text = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'seed-kazakhstan-balancing-act.txt'), 'utf8');
  return text.split('\n').map(normalize).filter(Boolean);
}

/** A parsed entry's data written back as a file would have it: references as ids, dates as YYYY-MM-DD. */
function asWritten(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(asWritten);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 2 && 'collection' in value && 'id' in value) return (value as { id: string }).id;
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, asWritten(inner)]));
  }
  return value;
}

/**
 * Entries of a data collection in the content folder the site was built from (or in `contentDir`). Quotes are as
 * the site serves them, derived from the marks in the articles with their files' extras (src/lib/content/quote-marks.ts).
 */
export function readEntries<T>(collection: string, contentDir = process.env.CONTENT_DIR ?? 'content'): { id: string; data: T }[] {
  if (collection === 'quotes') {
    return loadContentDir(path.resolve(contentDir))
      .filter((entry) => entry.collection === 'quotes')
      .map((entry) => ({ id: entry.id, data: asWritten(entry.data) as T }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }
  const folder = path.resolve(contentDir, collection);
  return fs
    .readdirSync(folder)
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => ({ id: file.replace(/\.ya?ml$/, ''), data: parse(fs.readFileSync(path.join(folder, file), 'utf8')) as T }));
}

/** Frontmatter of every article in the content folder, by id (the file name). */
export function readArticles<T>(): { id: string; data: T }[] {
  const folder = path.resolve(process.env.CONTENT_DIR ?? 'content', 'articles');
  return fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => {
      const raw = fs.readFileSync(path.join(folder, file), 'utf8');
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(raw)?.[1] ?? '';
      return { id: file.replace(/\.mdx$/, ''), data: parse(frontmatter) as T };
    });
}
