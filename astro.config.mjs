// @ts-check
import { createHash } from 'node:crypto';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';

// The public origin of the site, used for canonical URLs, feeds and the sitemap.
// Deployments set SITE_URL; the default keeps local builds self-contained.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

// Builds of other content (tests, the benchmark) keep their own content cache, so they never reuse or overwrite
// the store of content/.
const contentDir = process.env.CONTENT_DIR;
const cacheDir = contentDir
  ? `./node_modules/.astro/content-${createHash('sha256').update(path.resolve(contentDir)).digest('hex').slice(0, 12)}`
  : undefined;

export default defineConfig({
  site,
  trailingSlash: 'always',
  ...(cacheDir ? { cacheDir } : {}),
  // Quotes are verbatim: straight quotation marks stay as the source printed them.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  integrations: [mdx()],
  experimental: { contentIntellisense: true },
});
