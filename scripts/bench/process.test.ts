import { describe, expect, it } from 'vitest';
import { renderedPaths } from './process.mjs';

describe('renderedPaths', () => {
  it('reads every path Astro logs, when eight renders at a time run their names together', () => {
    // As Astro logs a publish (build.concurrency 8): each path as its render starts, a time as one ends.
    const log = [
      ' generating static routes ',
      '01:57:09   ├─ /articles/new/index.html01:57:09   ├─ /articles/a/index.html01:57:09   ├─ /404.html01:57:09   ├─ /api/v1/quotes.json (+305ms) ',
      '01:57:09   ├─ /quotes/1259/index.html (+9ms) ',
      '01:57:10   ├─ /cards/articles/new.png/ (+304ms) ',
      '01:57:10   ├─ /rss.xml',
      ' (+162ms) ',
      '01:57:10 [newsroom:page-keys] 14645 keyed files unchanged since the last build, left in place; 7 rendered.',
    ].join('\n');
    expect(renderedPaths(log)).toEqual([
      '/articles/new/index.html',
      '/articles/a/index.html',
      '/404.html',
      '/api/v1/quotes.json',
      '/quotes/1259/index.html',
      '/cards/articles/new.png/',
      '/rss.xml',
    ]);
  });
});
