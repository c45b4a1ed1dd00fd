import { describe, expect, it } from 'vitest';
import { inTheNews, latestQuotes } from './front-page';

const q = (id: string, speaker: string, kind = 'direct', text = 'Short words.') => ({ id, data: { kind, speaker: { id: speaker }, text } });

describe('latestQuotes', () => {
  it('takes whole, short direct quotes first, newest first, at most two a speaker while others are left', () => {
    const quotes = [q('v1', 'v'), q('v2', 'v', 'reported'), q('v3', 'v', 'partial'), q('v4', 'v'), q('v5', 'v'), q('u1', 'u', 'direct', 'x'.repeat(200)), q('t1', 't')];
    expect(latestQuotes(quotes, 4, 2, 160).map(({ id }) => id)).toEqual(['v1', 'v4', 'v5', 't1']);
    expect(latestQuotes(quotes, 6, 2, 160).map(({ id }) => id)).toEqual(['v1', 'v3', 'v4', 'v5', 'u1', 't1']);
  });

  it('fills up from one speaker when no one else was quoted, and never exceeds the limit', () => {
    const quotes = [q('v1', 'v'), q('v2', 'v'), q('v3', 'v'), q('v4', 'v'), q('v5', 'v')];
    expect(latestQuotes(quotes, 4, 2).map(({ id }) => id)).toEqual(['v1', 'v2', 'v3', 'v4']);
    expect(latestQuotes([], 4, 2)).toEqual([]);
  });
});

describe('inTheNews', () => {
  it('counts ids over the newest articles only, most first, ties in the order met', () => {
    const articles = [['a', 'b'], ['b', 'c'], ['c'], ['z', 'z', 'z']];
    expect(inTheNews(articles, (ids) => ids, 2, 3)).toEqual([
      { id: 'b', count: 2 },
      { id: 'c', count: 2 },
    ]);
    expect(inTheNews(articles, (ids) => ids, 10, 4)[0]).toEqual({ id: 'z', count: 3 });
  });
});
