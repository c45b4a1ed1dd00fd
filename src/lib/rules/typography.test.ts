import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quotationMarks, quoted } from './typography';

const src = path.resolve(import.meta.dirname, '../..');

describe('quotation marks', () => {
  it('are the straight marks the seed article prints, around the words unchanged', () => {
    expect(quoted('silence')).toBe('"silence"');
    // Marks inside the words (a reported quote quoting a phrase) stay as they are.
    expect(quoted('a "very principled" position')).toBe('"a "very principled" position"');
    const prose = fs.readFileSync(path.resolve(src, '../content/articles/kazakhstan-balancing-act-eu-russia.mdx'), 'utf8');
    expect(prose).toMatch(new RegExp(`not ${quotationMarks.open}<Quote id="vassilenko-not-silence"[^>]*>silence</Quote>,${quotationMarks.close}`));
  });

  it('come from one module: no page, component or script prints marks of its own', () => {
    // These two read marks a journalist or reader typed (to refuse doubled marks, to strip them from a query).
    const readers = ['lib/content/mistakes.ts', 'lib/shared/search-query.ts', 'lib/rules/typography.ts'];
    const files = (fs.readdirSync(src, { recursive: true }) as string[])
      .filter((file) => /\.(astro|ts)$/.test(file) && !file.endsWith('.test.ts') && !readers.includes(file.split(path.sep).join('/')));
    const offenders = files.filter((file) => {
      const text = fs.readFileSync(path.join(src, file), 'utf8');
      return /[“”„«»]/.test(text) || /<q[\s>]|element\('q'/.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
