#!/usr/bin/env node
/**
 * npm run bench:bare -- --articles N [--extra-pages K] [--markdown]
 *
 * The floor under `ms_per_article`: the benchmark's articles (the same generator and seed as `npm run bench`) built by
 * a bare Astro + MDX site with none of this project's code. One content collection, one page per article rendering
 * it in a layout of <html>, <head>, <title> and <body>, and optionally K trivial pages more per article. `--markdown`
 * writes the articles as .md instead. The site is written to a scratch folder that uses this project's node_modules
 * (so the same Astro, MDX and Node), built cold, timed and deleted; the result goes to bench-results/bare-latest.json.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bareArticle, generateNewsroom } from './generate.mjs';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '20221025' },
    'extra-pages': { type: 'string', default: '0' },
    markdown: { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles);
const extraPages = Number(values['extra-pages']);
if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles must be a positive whole number, got ${values.articles}`);
if (!Number.isInteger(extraPages) || extraPages < 0) throw new Error(`--extra-pages must be a whole number, got ${values['extra-pages']}`);
const extension = values.markdown ? 'md' : 'mdx';

const root = process.cwd();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bare-'));
const write = (file, text) => {
  fs.mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
  fs.writeFileSync(path.join(scratch, file), text);
};

const generated = generateNewsroom({ articles, seed: Number(values.seed) });
for (const [file, text] of Object.entries(generated)) {
  if (file.startsWith('articles/')) write(`content/${file.replace(/\.mdx$/, `.${extension}`)}`, bareArticle(text));
}
write('package.json', '{ "type": "module" }\n');
// Both caches inside the scratch folder: through the node_modules link, Vite's default would write into this project.
write(
  'astro.config.mjs',
  "import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\n" +
    "export default defineConfig({ cacheDir: './.astro-cache', vite: { cacheDir: './.vite-cache' }, integrations: [mdx()] });\n",
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
console.log(`Wrote a bare Astro site with ${articles} .${extension} articles in ${scratch}`);

const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const started = performance.now();
const build = await new Promise((resolve) => {
  const child = spawn('bash', ['-c', 'time -p "$0" "$1" build', process.execPath, astro], {
    cwd: scratch,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  child.on('close', (code) => resolve({ code, output }));
});
const buildMs = Math.round(performance.now() - started);
if (build.code !== 0) {
  console.error(build.output.slice(-4000));
  throw new Error(`The bare build failed (exit ${build.code}); ${scratch} is kept for a look.`);
}
const pages = fs.readdirSync(path.join(scratch, 'dist'), { recursive: true }).filter((file) => String(file).endsWith('.html')).length;
const cpu = ['user', 'sys'].map((field) => Number(new RegExp(`^${field} ([\\d.]+)$`, 'm').exec(build.output)?.[1] ?? NaN));
const report = {
  date: new Date().toISOString(),
  site: `bare Astro, .${extension}, ${1 + extraPages} page(s) per article`,
  articles,
  seed: Number(values.seed),
  pages,
  build_ms: buildMs,
  build_cpu_ms: cpu.every(Number.isFinite) ? Math.round((cpu[0] + cpu[1]) * 1000) : null,
  ms_per_article: Math.round((buildMs / articles) * 10) / 10,
  load_average_end: os.loadavg().map((load) => Math.round(load * 100) / 100),
  node: process.version,
};
fs.rmSync(scratch, { recursive: true, force: true });
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench-results', 'bare-latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.table(report);
console.log('Written bench-results/bare-latest.json');
