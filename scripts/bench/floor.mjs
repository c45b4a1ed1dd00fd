/**
 * The floor under the site's build time: the benchmark's articles (the same generator and seed as `npm run bench`)
 * built by a bare Astro + MDX site with none of this project's code, and indexed by Pagefind as the site indexes its
 * article pages, so the floor covers the whole stack (Astro, MDX, Pagefind).
 *
 * - One content collection (`glob` loader, a two-field schema: title and date).
 * - One page per article, `render(entry)` in a layout of nothing but <html>, <head>, <title> and <body>.
 * - K trivial pages more per article (`extraPages`), so the floor can make as many pages per article as the site.
 * - At `astro:build:done`, Pagefind (the same Node API, language, glob and index chunk size as
 *   src/integrations/search-index.ts) indexes the article pages; the build's time includes it, as the site's
 *   includes its index.
 * - `markdown` writes the articles as .md instead of MDX.
 *
 * The site is written to a scratch folder that uses this project's node_modules (so the same Astro, MDX, Pagefind and
 * Node), built cold under bash's `time`, measured and deleted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bareArticle, generateNewsroom } from './generate.mjs';
import { cpuMs, run } from './process.mjs';
// The site's chunk size, so the floor's index is built as the site's is (Node strips the types of this module).
import { indexChunkSize } from '../../src/integrations/search-index.ts';

/**
 * @param {{ root: string, articles: number, seed: number, extraPages?: number, markdown?: boolean,
 *   files?: Record<string, string>, logFile?: string }} options `files`: what generateNewsroom wrote for this
 *   articles and seed, if the caller has it already; `logFile`: where to keep the build's log (per-page timings)
 */
export async function buildFloor({ root, articles, seed, extraPages = 0, markdown = false, files, logFile }) {
  const extension = markdown ? 'md' : 'mdx';
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bare-'));
  const write = (file, text) => {
    fs.mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
    fs.writeFileSync(path.join(scratch, file), text);
  };

  for (const [file, text] of Object.entries(files ?? generateNewsroom({ articles, seed }))) {
    if (file.startsWith('articles/')) write(`content/${file.replace(/\.mdx$/, `.${extension}`)}`, bareArticle(text));
  }
  write('package.json', '{ "type": "module" }\n');
  // Both caches inside the scratch folder: through the node_modules link, Vite's default would write into this project.
  write(
    'astro.config.mjs',
    "import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport { fileURLToPath } from 'node:url';\n" +
      'const searchIndex = {\n' +
      "  name: 'bare:search-index',\n" +
      '  hooks: {\n' +
      "    'astro:build:done': async ({ dir, logger }) => {\n" +
      '      const started = performance.now();\n' +
      "      const pagefind = await import('pagefind');\n" +
      '      try {\n' +
      "        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });\n" +
      "        if (!index) throw new Error(errors.join('\\n'));\n" +
      '        const outDir = fileURLToPath(dir);\n' +
      "        const pages = await index.addDirectory({ path: outDir, glob: 'articles/**/*.html' });\n" +
      "        if (pages.errors.length) throw new Error(pages.errors.join('\\n'));\n" +
      "        const written = await index.writeFiles({ outputPath: outDir + '/pagefind' });\n" +
      "        if (written.errors.length) throw new Error(written.errors.join('\\n'));\n" +
      '        logger.info(`Search index: ${pages.page_count} article pages in ${Math.round(performance.now() - started)} ms.`);\n' +
      '      } finally {\n' +
      '        await pagefind.close();\n' +
      '      }\n' +
      '    },\n' +
      '  },\n' +
      '};\n' +
      "export default defineConfig({ cacheDir: './.astro-cache', vite: { cacheDir: './.vite-cache' }, integrations: [mdx(), searchIndex] });\n",
  );
  write(
    'src/content.config.ts',
    "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nimport { z } from 'astro/zod';\n" +
      `const articles = defineCollection({\n  loader: glob({ pattern: '**/*.${extension}', base: './content/articles' }),\n` +
      '  schema: z.object({ title: z.string(), published: z.coerce.date() }),\n});\nexport const collections = { articles };\n',
  );
  write(
    'src/layouts/Plain.astro',
    '---\nconst { title } = Astro.props;\n---\n<html lang="en">\n  <head><meta charset="utf-8" /><title>{title}</title></head>\n' +
      '  <body><slot /></body>\n</html>\n',
  );
  write(
    'src/pages/articles/[id].astro',
    "---\nimport { getCollection, render } from 'astro:content';\nimport Plain from '../../layouts/Plain.astro';\n" +
      "export async function getStaticPaths() {\n  return (await getCollection('articles')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));\n}\n" +
      'const { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n' +
      '<Plain title={entry.data.title}><h1>{entry.data.title}</h1><Content /></Plain>\n',
  );
  if (extraPages > 0) {
    write(
      'src/pages/extra/[id]/[n].astro',
      "---\nimport { getCollection } from 'astro:content';\nimport Plain from '../../../layouts/Plain.astro';\n" +
        `export async function getStaticPaths() {\n  return (await getCollection('articles')).flatMap((entry) =>\n` +
        `    Array.from({ length: ${extraPages} }, (_, n) => ({ params: { id: entry.id, n: String(n) }, props: { title: entry.data.title, n } })),\n  );\n}\n` +
        'const { title, n } = Astro.props;\n---\n<Plain title={`${title}, ${n}`}><h1>{title}</h1><p>Page {n} of this article.</p></Plain>\n',
    );
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
  console.log(`Wrote a bare Astro site with ${articles} .${extension} articles and ${extraPages} more pages per article in ${scratch}`);

  const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const build = await run('bash', ['-c', 'time -p "$0" "$1" build', process.execPath, astro], {
    cwd: scratch,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? String(indexChunkSize),
    },
  });
  if (build.code !== 0) {
    console.error(build.output.slice(-4000));
    throw new Error(`The bare build failed (exit ${build.code}); ${scratch} is kept for a look.`);
  }
  if (logFile) fs.writeFileSync(logFile, build.output);
  const pages = fs.readdirSync(path.join(scratch, 'dist'), { recursive: true }).filter((file) => String(file).endsWith('.html')).length;
  const indexMs = Number(/search index[^\n]*?in (\d+) ?ms/i.exec(build.output)?.[1] ?? NaN);
  fs.rmSync(scratch, { recursive: true, force: true });
  return {
    site: `bare Astro, .${extension}, ${1 + extraPages} page(s) per article, Pagefind index of the article pages`,
    articles,
    seed,
    extra_pages: extraPages,
    pages,
    build_ms: build.ms,
    build_cpu_ms: cpuMs(build.output),
    index_ms: Number.isFinite(indexMs) ? indexMs : null,
    ms_per_article: Math.round((build.ms / articles) * 10) / 10,
    peak_rss_mb: Math.round(build.peakRssKb / 1024),
  };
}
