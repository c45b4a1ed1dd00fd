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
import { bareArticle, distinctNames, distinctWords, generateNewsroom, publishedArticle, random, seedSentenceLengths, wordCounts, zipfExponent } from './generate.mjs';

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

  describe('reads like news', () => {
    // The size the benchmark's budgets are set for.
    const files = generateNewsroom({ articles: 1000, seed: 20221025 });

    it('uses at least 20,000 distinct words across 1,000 articles', () => {
      expect(distinctWords(files)).toBeGreaterThanOrEqual(20_000);
    });

    it('uses words with a Zipf-like frequency: log frequency falls with log rank at about the Zipf exponent', () => {
      const counts = [...wordCounts(files).values()].sort((a, b) => b - a);
      // A least-squares line through (log rank, log count) over ranks 1 to 1,000, where every word is seen often.
      const points = counts.slice(0, 1000).map((count, i) => [Math.log(i + 1), Math.log(count)] as const);
      const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
      const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
      const slope =
        points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0) / points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
      expect(slope).toBeLessThan(-zipfExponent + 0.2);
      expect(slope).toBeGreaterThan(-zipfExponent - 0.2);
      // And the commonest word is far commoner than the thousandth, as in real text (not a flat spread).
      expect(counts[0]! / counts[999]!).toBeGreaterThan(100);
    });

    it("writes sentences as long as the seed's: the same median and about the same mean", () => {
      const lengths = articlesIn(files)
        .slice(0, 200)
        .flatMap((file) => {
          const body = files[file]!.slice(files[file]!.indexOf('\n---\n', 4) + 5);
          // Prose paragraphs only: no subheads, no component lines, and the quote attributions cut off.
          return body
            .split('\n\n')
            .filter((paragraph) => /^[A-Z]/.test(paragraph))
            .flatMap((paragraph) => paragraph.replace(/ "<Quote[\s\S]*$/, '').split(/(?<=\.) /))
            .map((sentence) => sentence.split(' ').length);
        });
      const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
      const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
      expect(Math.abs(median(lengths) - median(seedSentenceLengths))).toBeLessThanOrEqual(2);
      expect(Math.abs(mean(lengths) / mean(seedSentenceLengths) - 1)).toBeLessThan(0.05);
      expect(Math.min(...lengths)).toBe(Math.min(...seedSentenceLengths));
      expect(Math.max(...lengths)).toBe(Math.max(...seedSentenceLengths));
    });

    it('names people as people are named: no digits, every name different, many family names', () => {
      const names = Object.entries(files)
        .filter(([file]) => file.startsWith('people/'))
        .map(([, text]) => JSON.parse(/^name: (.*)$/m.exec(text)![1]!) as string);
      expect(names.length).toBe(200);
      for (const name of names) expect(name).toMatch(/^[A-Z][a-z-]+( [A-Z]\.)? [A-Z][a-z]+$/);
      expect(names.filter((name) => /\d/.test(name))).toEqual([]);
      expect(new Set(names).size).toBe(names.length);
      expect(new Set(names.map((name) => name.split(' ').at(-1))).size).toBeGreaterThan(40);
    });

    it('keeps names distinct beyond every pairing of a given and a family name', () => {
      // 40,000 articles have 8,000 people, more than the pairs.
      const names = distinctNames(8000, random(3));
      expect(names.length).toBe(8000);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).not.toMatch(/\d/);
    });
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

describe('publishedArticle', () => {
  it('adds one article, the newest, quoting three people already there and one new person, in two existing topics, that passes the content checks', async () => {
    const before = generateNewsroom({ articles: 20, seed: 5 });
    const added = publishedArticle(before);
    const articles = Object.keys(added).filter((file) => file.startsWith('articles/'));
    expect(articles).toHaveLength(1);
    const article = added[articles[0]!]!;
    const newest = Object.entries(before).filter(([file]) => file.startsWith('articles/')).map(([, text]) => /^published: (\S+)$/m.exec(text)![1]!).sort().at(-1)!;
    expect(/^published: (\S+)$/m.exec(article)![1]! > newest).toBe(true);
    const speakers = [...article.matchAll(/<Quote id="[^"]+" speaker="([^"]+)"/g)].map((match) => match[1]!);
    expect(speakers.filter((id) => `people/${id}.yaml` in before)).toHaveLength(3);
    expect(speakers.filter((id) => `people/${id}.yaml` in added)).toHaveLength(1);
    const topics = /^topics: \[(.*)\]$/m.exec(article)![1]!.split(', ');
    expect(topics).toHaveLength(2);
    for (const topic of topics) expect(`topics/${topic}.yaml` in before).toBe(true);

    const dir = path.join(scratch, 'published');
    for (const [file, text] of Object.entries({ ...before, ...added })) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    expect((await checkContentDir(dir)).problems).toEqual([]);
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
