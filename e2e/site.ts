import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** The built site the tests run against (OUT_DIR when the build wrote elsewhere). */
export const distDir = path.resolve(process.env.OUT_DIR ?? 'dist');

/** Every page path the sitemap lists, read from the built site, plus the 404 page. */
export function sitemapPaths(): string[] {
  const parser = new XMLParser();
  const index = parser.parse(fs.readFileSync(path.join(distDir, 'sitemap-index.xml'), 'utf8'));
  const sitemaps = [index.sitemapindex.sitemap].flat() as { loc: string }[];
  return sitemaps.flatMap(({ loc }) => {
    const file = path.join(distDir, new URL(loc).pathname);
    const urlset = parser.parse(fs.readFileSync(file, 'utf8')).urlset;
    return ([urlset.url].flat() as { loc: string }[]).map(({ loc: page }) => new URL(page).pathname);
  });
}

/** Every HTML file of the built site, relative to it. */
export function htmlFiles(): string[] {
  return (fs.readdirSync(distDir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.html'))
    .sort();
}
