/**
 * The benchmark's synthetic newsroom: the same seed writes the same site (so two runs measure the same thing), another
 * seed another one, and what it writes passes the same content checks as a journalist's files, with the real
 * content/ beside it (as the benchmark builds it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContentDir } from '../../src/lib/content/files';
import { bareArticle, generateNewsroom } from './generate.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-generate-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const articlesIn = (files: Record<string, string>) => Object.keys(files).filter((file) => file.startsWith('articles/'));

describe('generateNewsroom', () => {
  it('writes the same files for the same seed', () => {
    expect(generateNewsroom({ articles: 30, seed: 7 })).toEqual(generateNewsroom({ articles: 30, seed: 7 }));
  });

  it('writes other articles for another seed', () => {
    const a = generateNewsroom({ articles: 30, seed: 7 });
    const b = generateNewsroom({ articles: 30, seed: 8 });
    const differing = articlesIn(a).filter((file) => a[file] !== b[file]);
    expect(differing.length).toBeGreaterThan(25);
  });

  it('writes the number of articles asked for, shaped like the seed: about 900 words, 5 to 10 quotes, 2 to 4 topics', () => {
    const files = generateNewsroom({ articles: 40, seed: 20221025 });
    const articles = articlesIn(files);
    expect(articles).toHaveLength(40);
    for (const file of articles) {
      const text = files[file]!;
      const body = text.slice(text.indexOf('\n---\n', 4) + 5);
      const words = body.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length;
      expect(words).toBeGreaterThan(600);
      expect(words).toBeLessThan(1300);
      const quotes = body.match(/<Quote id=/g)?.length ?? 0;
      expect(quotes).toBeGreaterThanOrEqual(5);
      expect(quotes).toBeLessThanOrEqual(10);
      const topics = /^topics: \[(.*)\]$/m.exec(text)?.[1]?.split(', ') ?? [];
      expect(topics.length).toBeGreaterThanOrEqual(2);
      expect(topics.length).toBeLessThanOrEqual(4);
    }
    // Every tenth article has a route map.
    expect(articles.filter((file) => files[file]!.includes('<RouteMap')).length).toBe(4);
  });

  it('passes the content checks, beside the real content', async () => {
    const dir = path.join(scratch, 'content');
    fs.cpSync(path.join(root, 'content'), dir, { recursive: true });
    for (const [file, text] of Object.entries(generateNewsroom({ articles: 60, seed: 20221025 }))) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    const { files, problems } = await checkContentDir(dir);
    expect(problems).toEqual([]);
    expect(files).toBeGreaterThan(60 * 6);
  }, 60_000);
});

describe('bareArticle', () => {
  const files = generateNewsroom({ articles: 20, seed: 7 });
  const withComponents = articlesIn(files).map((file) => files[file]!);

  it('keeps the prose, title and date, and drops every component and the other frontmatter', () => {
    for (const text of withComponents) {
      const bare = bareArticle(text);
      expect(bare).not.toMatch(/<[A-Z]/);
      expect(bare.split('---')[1]!.trim().split('\n').map((line) => line.split(':')[0])).toEqual(['title', 'published']);
      const firstSentence = /\n\n([A-Z][^."<]+)/.exec(text)![1]!;
      expect(bare).toContain(firstSentence);
    }
    expect(withComponents.some((text) => /<Quote /.test(text))).toBe(true);
  });

  it('refuses a file without frontmatter', () => {
    expect(() => bareArticle('Just words.')).toThrow(/no frontmatter/);
  });
});
