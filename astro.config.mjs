// @ts-check
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import searchIndex from './src/integrations/search-index.ts';
import cspPerPage from './src/integrations/csp-per-page.ts';
import { contentCacheDir } from './scripts/content-cache.mjs';
import editor from './src/integrations/editor.ts';
import seededOutput from './src/integrations/seeded-output.ts';
import pageKeys, { withKeptPages } from './src/integrations/page-keys.ts';
import contentChecks from './src/integrations/content-checks.ts';

// The public origin of the site, used for canonical URLs, feeds and the sitemap.
// Deployments set SITE_URL; the default keeps local builds self-contained.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

// Astro's caches for this content folder (scripts/content-cache.mjs says why the folder is named as it is).
const cacheDir = contentCacheDir(fileURLToPath(new URL('.', import.meta.url)), path.resolve(process.env.CONTENT_DIR ?? 'content'));
// The drawn share cards live there too (src/lib/outputs/share-card.ts): a build of other content (a test, the
// benchmark's cold build) draws its own, and the one folder a CI deploy keeps holds every cache of the build.
process.env.SHARE_CARD_CACHE ??= path.join(cacheDir, 'share-cards');
// And the parses of the quote files the build reads itself (src/lib/content/parsed-files.ts).
process.env.NEWSROOM_CONTENT_CACHE ??= cacheDir;

export default defineConfig({
  site,
  // Pages rendered eight at a time rather than one by one: one at a time, the main thread sat idle about 30% of page
  // generation, waiting on each page's writes (then the page and Astro's incremental-cache copy) while the share cards took the
  // other core. Cold builds of the benchmark's 1,000 articles, one after another on a quiet machine (docs/scale.md):
  // 88 and 106 s wall at 1, 80 s at 4, 71.5 s at 8, with about the same CPU time: the waits overlap, the work is the
  // same. Peak memory is about the same too (2,021 to 2,086 MB at 1, 1,783 to 2,008 at 8). dist/ is the same file for
  // file at 1, 8, 16 and 32.
  build: { concurrency: 8 },
  trailingSlash: 'always',
  cacheDir,
  // Quotes are verbatim: straight quotation marks stay as the source printed them.
  // No code blocks in journalism: no Shiki, whose inline styles a CSP without 'unsafe-inline' would block.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }), syntaxHighlight: false },
  // searchIndex builds the Pagefind index while the pages render, from the article pages as they are rendered;
  // cspPerPage narrows each page's CSP to the hashes of its own inline code as the page renders.
  // editor: the browser editor (Keystatic), added by `astro dev` only; builds are unchanged (issue 15).
  // Incremental builds (issue 14): pageKeys records every page's key, and a build that scripts/build.mjs starts from
  // the live site renders only the pages whose key changed (src/integrations/page-keys.ts); the sitemap is told of the
  // pages left in place. seededOutput keeps the live site's files whole while a build starts from them.
  // contentChecks: the checks across entries run once the pages are written, not before the first is rendered.
  integrations: [mdx(), withKeptPages(sitemap()), cspPerPage(), searchIndex(), editor(), seededOutput(), pageKeys(), contentChecks()],
  // The dev server is where journalists write and preview (npm run dev, npm run editor): Astro's developer toolbar
  // would sit over the bottom of every page and of the editor, where it caught the editor test's clicks.
  devToolbar: { enabled: false },
  // A CSP <meta> on every page: Astro hashes the scripts and styles it processes, so no 'unsafe-inline'.
  // Everything comes from this site; Pagefind compiles its WebAssembly, hence 'wasm-unsafe-eval'.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  // Not Astro's experimental.incrementalBuild: it writes each page twice and visits every unchanged one on a publish
  // (src/integrations/page-keys.ts says what the site does instead).
  experimental: { contentIntellisense: true },
  vite: {
    build: {
      // scripts/build.mjs builds into a staging folder of its own, empty or started with the previous site's unchanged
      // pages (issue 14); Astro must not empty it first.
      emptyOutDir: false,
      rollupOptions: {
        // @astrojs/mdx marks every MDX module with a "use astro:head-inject" directive that Astro reads itself before
        // bundling; Rolldown does not know it and warns, with a code frame, once per article on every build, clean
        // ones included (withastro/astro#18087). Journalists read it as "my article is broken", and it is harmless,
        // so only that warning is dropped; every other one still shows.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
});
