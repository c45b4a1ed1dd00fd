import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { readArticles, readEntries } from './helpers';
import { distDir, sitemapPaths } from './site';

/**
 * Share cards (issue 17): every article and every quote page names an og:image that the build drew into dist/, a
 * PNG of the size it declares, with a Twitter card that shows it large. The pages are those the sitemap lists.
 */
const pngSize = (file: string) => {
  const header = fs.readFileSync(file).subarray(0, 24);
  expect(header.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
};

// Every published article and every quote of one, from the content files; drafts have no pages.
const drafts = new Set(readArticles<{ draft?: boolean }>().filter((a) => a.data.draft).map((a) => a.id));
const pages = [
  ...readArticles<{ draft?: boolean }>().filter((a) => !drafts.has(a.id)).map((a) => `/articles/${a.id}/`),
  ...readEntries<{ article: string }>('quotes').filter((q) => !drafts.has(q.data.article)).map((q) => `/quotes/${q.id}/`),
];

test('the site has each of these pages', () => {
  const listed = sitemapPaths();
  for (const page of pages) expect(listed).toContain(page);
});

for (const page of pages) {
  test(`${page} has a share card that the build drew`, () => {
    const html = fs.readFileSync(path.join(distDir, page, 'index.html'), 'utf8');
    const meta = (key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
    const image = meta('og:image');
    expect(image, 'og:image').toBeTruthy();
    const file = path.join(distDir, new URL(image!).pathname);
    expect(fs.existsSync(file), `${file} exists`).toBe(true);
    expect(pngSize(file)).toEqual({ width: Number(meta('og:image:width')), height: Number(meta('og:image:height')) });
    expect(meta('og:image:alt')).toBeTruthy();
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('twitter:image')).toBe(image);
  });
}

// A quote page shares its article's card: one drawing per article, not one per quote, keeps cold builds in budget.
for (const quote of readEntries<{ article: string }>('quotes').filter((q) => !drafts.has(q.data.article))) {
  test(`/quotes/${quote.id}/ is shared with its article's card`, () => {
    const image = (page: string) =>
      /<meta property="og:image" content="([^"]*)"/.exec(fs.readFileSync(path.join(distDir, page, 'index.html'), 'utf8'))?.[1];
    expect(image(`/quotes/${quote.id}/`)).toBe(image(`/articles/${quote.data.article}/`));
  });
}
