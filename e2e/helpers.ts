import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** Whitespace folded to single spaces, as a reader sees text. */
export const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

export const seedArticleUrl = '/articles/kazakhstan-balancing-act-eu-russia/';

/** The seed article as DW published it, copied into the project as a fixture. */
export function seedLines(): string[] {
  const text = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'seed-kazakhstan-balancing-act.txt'), 'utf8');
  return text.split('\n').map(normalize).filter(Boolean);
}

/** Entries of a data collection in the content folder the site was built from (or in `contentDir`). */
export function readEntries<T>(collection: string, contentDir = process.env.CONTENT_DIR ?? 'content'): { id: string; data: T }[] {
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
