import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexedHtml } from './search-index';

/** A page shaped like the article layout's: head, site header, the indexed article (with an article inside), footer. */
const page = (words: string, { header = '', footer = '', image = true } = {}) =>
  '<!DOCTYPE html><html lang="en" data-theme="auto"><head><meta charset="utf-8"><title>Head title | Newsroom</title>' +
  '<meta property="og:image" content="/cards/a.png"><style>.a{color:red}</style>' +
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Head title"}</script></head><body>' +
  `<header class="site-header" data-pagefind-ignore><a href="/">Newsroom</a><form><input name="q"></form>${header}</header>` +
  '<main><article class="article" data-pagefind-body><header><h1>The headline</h1></header>' +
  `<p>${words}</p>${image ? '<figure><img src="/a.png" alt="A photo"></figure>' : ''}` +
  '<article class="nested"><p>Inside a nested article.</p></article>' +
  '<section data-pagefind-ignore><p>Related stories</p></section><p>After the nested one.</p></article></main>' +
  `<footer><p>Footer words</p>${footer}</footer><script type="module" src="/_astro/x.js"></script></body></html>`;
const attributes = '<span data-pagefind-filter="topic">Energy</span><span data-pagefind-meta="kind:article"></span>';
/** The page as the index had it before: whole, with the search data first inside the indexed element. */
const whole = (html: string) => html.replace('data-pagefind-body>', `data-pagefind-body>${attributes}`);
/** Shapes where something outside the indexed element counts: Pagefind's title is the first <h1>, its image the first <img> after it. */
const outsideCounts = [{ header: '<h1>Site name</h1>' }, { footer: '<img src="/logo.png" alt="Logo">', image: false }];

describe('indexedHtml', () => {
  it('keeps the whole indexed element, its nested elements included, with the search data first inside it', () => {
    expect(indexedHtml(page('Pipeline words'), attributes, 'articles/a/index.html')).toBe(
      '<!DOCTYPE html><html lang="en" data-theme="auto"><head></head><body><article class="article" data-pagefind-body>' +
        `${attributes}<header><h1>The headline</h1></header><p>Pipeline words</p>` +
        '<figure><img src="/a.png" alt="A photo"></figure><article class="nested"><p>Inside a nested article.</p></article>' +
        '<section data-pagefind-ignore><p>Related stories</p></section><p>After the nested one.</p></article></body></html>',
    );
  });

  it('gives the page whole when a title or an image outside the element would count', () => {
    for (const shape of outsideCounts) {
      const html = page('Words', shape);
      expect(indexedHtml(html, attributes, 'articles/d/index.html')).toBe(whole(html));
    }
  });

  it('names the page when it has search data but no element to put it in, or the element never ends', () => {
    expect(() => indexedHtml('<html><body><p>x</p></body></html>', attributes, 'articles/b/index.html')).toThrow(
      /no data-pagefind-body element in articles\/b\/index\.html/,
    );
    expect(() => indexedHtml('<html><body><div data-pagefind-body><p>x</p></body></html>', attributes, 'articles/c/index.html')).toThrow(
      /no end to the data-pagefind-body element in articles\/c\/index\.html/,
    );
  });

  it.each([{}, ...outsideCounts])('leaves the index as it was: Pagefind writes the same files as from the whole pages (%o)', async (shape) => {
    const pagefind = await import('pagefind');
    const written = async (given: (words: string) => string) => {
      const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
      for (const [i, words] of ['Pipeline exports through Russia', 'The Middle Corridor via Baku'].entries()) {
        expect((await index!.addHTMLFile({ url: `/articles/${i}/`, content: given(words) })).errors).toEqual([]);
      }
      const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-index-'));
      await index!.writeFiles({ outputPath: folder });
      const files = (await fs.readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
      const named = files.map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name))).sort();
      const contents = Object.fromEntries(await Promise.all(named.map(async (file) => [file, await fs.readFile(path.join(folder, file))])));
      await fs.rm(folder, { recursive: true });
      return contents;
    };
    try {
      const before = await written((words) => whole(page(words, shape)));
      const now = await written((words) => indexedHtml(page(words, shape), attributes, 'articles/x/index.html'));
      expect(Object.keys(now)).toEqual(Object.keys(before));
      expect(now).toEqual(before);
    } finally {
      await pagefind.close();
    }
  });
});
