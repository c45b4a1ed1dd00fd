// @ts-check
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import searchIndex from './src/integrations/search-index.ts';
import editor from './src/integrations/editor.ts';

// The public origin of the site, used for canonical URLs, feeds and the sitemap.
// Deployments set SITE_URL; the default keeps local builds self-contained.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

// Astro keeps parsed content in a cache that it clears when src/content.config.ts changes, but not when the schema
// modules it imports (src/schemas/) do, so a changed schema would meet stale entries. The cache folder is therefore
// named after the content folder and the schemas' source: builds of other content (tests, the benchmark) keep
// their own cache, and a schema change starts a fresh one (a changed cacheDir also clears the dev store).
const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content');
const schemaDir = new URL('./src/schemas/', import.meta.url);
const cacheKey = createHash('sha256').update(contentDir);
for (const file of fs.readdirSync(schemaDir).filter((name) => name.endsWith('.ts')).sort()) {
  cacheKey.update(file).update(fs.readFileSync(new URL(file, schemaDir)));
}
const cacheDir = `./node_modules/.astro/content-${cacheKey.digest('hex').slice(0, 12)}`;

export default defineConfig({
  site,
  trailingSlash: 'always',
  cacheDir,
  // Quotes are verbatim: straight quotation marks stay as the source printed them.
  // No code blocks in journalism: no Shiki, whose inline styles a CSP without 'unsafe-inline' would block.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }), syntaxHighlight: false },
  // searchIndex builds the Pagefind index at astro:build:done, after every page is written.
  // editor: the browser editor (Keystatic), added by `astro dev` only; builds are unchanged (issue 15).
  integrations: [mdx(), sitemap(), searchIndex(), editor()],
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
  experimental: { contentIntellisense: true },
  vite: {
    build: {
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
