#!/usr/bin/env node
/**
 * npm run bench -- --articles N [--seed S] [--keep] [--port P]
 *
 * Generates a synthetic newsroom (the real content/ plus N generated articles) in a scratch folder, builds it with
 * the real build (pages, search index, API, feeds), measures build time, peak memory, output size and what a
 * reader's browser loads, and writes bench-results/latest.json plus a dated copy.
 *
 * Right after the site it builds the floor (scripts/bench/floor.mjs): the same generated articles in a bare Astro +
 * MDX site with as many pages per article as the site made (K = round(pages / articles) - 1 trivial pages more per
 * article) and a Pagefind index of its article pages. `ratio_to_bare` is the site's `build_ms` over the floor's: both
 * builds run within minutes of each other on the same machine, so the ratio holds on a shared machine where absolute
 * times do not.
 *
 * Then it publishes (issue 14): the generator adds one article (scripts/bench/generate.mjs, publishedArticle: three
 * people already quoted and one new person, two existing topics) to the same content folder and the real build runs
 * again, starting from the first build's site. `publish_ms` is that build's wall time, `publish_pages_rendered` the
 * pages it rendered rather than left in place, and `publish_identical` whether its site equals, file by file, a cold
 * build of the same content in another folder (scripts/bench/compare.mjs). `publish_phases` splits both builds'
 * time as Astro logs it (setup and content sync, bundling, page generation, the search index).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { distinctWords, generateNewsroom, publishedArticle } from './bench/generate.mjs';
import { compareTrees, identical } from './bench/compare.mjs';
import { contentCacheDir } from './content-cache.mjs';
import { buildFloor } from './bench/floor.mjs';
import { cpuMs, renderedPaths, run } from './bench/process.mjs';
import { measureBrowser } from './bench/browser.mjs';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '20221025' },
    keep: { type: 'boolean', default: false },
    port: { type: 'string', default: '4499' },
  },
});
const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles must be a positive whole number, got ${values.articles}`);

const root = process.cwd();
// Other work may share the machine: its load when the run starts and ends goes into the report.
const loadAtStart = os.loadavg().map((load) => Math.round(load * 100) / 100);
const astroCache = path.join(root, 'node_modules', '.astro');
const cachesBefore = new Set(fs.existsSync(astroCache) ? fs.readdirSync(astroCache) : []);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'));
const contentDir = path.join(scratch, 'content');
const outDir = path.join(scratch, 'dist');

// 1. The content: the real content/ (so the seed article is measured as readers get it) plus N generated articles.
fs.cpSync(path.join(root, 'content'), contentDir, { recursive: true });
const generated = generateNewsroom({ articles, seed: Number(values.seed) });
for (const [file, text] of Object.entries(generated)) {
  fs.mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
  fs.writeFileSync(path.join(contentDir, file), text);
}
console.log(`Generated ${articles} articles in ${contentDir}`);

// 2. The real build, with the peak memory of the largest process in its tree sampled from /proc.
// Under bash's `time`, for the CPU time of the whole tree too: on a shared machine wall time waits for other work,
// CPU time much less so.
const build = await run('bash', ['-c', 'time -p "$0" scripts/build.mjs', process.execPath], {
  cwd: root,
  env: { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (build.code !== 0) {
  console.error(build.output.slice(-4000));
  throw new Error(`The build failed (exit ${build.code}); the scratch folder ${scratch} is kept for a look.`);
}

// 3. What came out.
const files = walk(outDir);
const pagefindDir = path.join(outDir, 'pagefind');
const pagefindFiles = files.filter((file) => file.startsWith(pagefindDir));
const pages = files.filter((file) => file.endsWith('.html')).length;
const indexMs = Number(/search index[^\n]*?in (\d+) ?ms/i.exec(build.output)?.[1] ?? NaN);
// Sizes now: the publish step below replaces this site.
const distBytes = sum(files.map((file) => fs.statSync(file).size));
const pagefindBytes = sum(pagefindFiles.map((file) => fs.statSync(file).size));
// The build's log, for the per-route timings (docs/scale.md): kept beside the report.
const buildLog = build.output;

// 3b. The floor, right after the site: as many pages per article as the site made.
const extraPages = Math.max(0, Math.round(pages / articles) - 1);
const resultsDir = path.join(root, 'bench-results');
fs.mkdirSync(resultsDir, { recursive: true });
const floor = await buildFloor({
  root,
  articles,
  seed: Number(values.seed),
  extraPages,
  files: generated,
  logFile: path.join(resultsDir, 'latest-bare-build.log'),
});

// 4. What a reader's browser loads, measured in Chromium against `astro preview` of this build.
const browser = await measureBrowser({ root, outDir, port: Number(values.port) });

// 5. Publishing one article: into the same content folder, built again from the first build's cache.
const before = Object.fromEntries(
  walk(contentDir)
    .filter((file) => /\.(mdx|yaml)$/.test(file))
    .map((file) => [path.relative(contentDir, file), fs.readFileSync(file, 'utf8')]),
);
for (const [file, text] of Object.entries(publishedArticle(before))) fs.writeFileSync(path.join(contentDir, file), text);
const buildEnv = (content, out) => ({ ...process.env, CONTENT_DIR: content, OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' });
const publish = await run('bash', ['-c', 'time -p "$0" scripts/build.mjs', process.execPath], { cwd: root, env: buildEnv(contentDir, outDir) });
if (publish.code !== 0) {
  console.error(publish.output.slice(-4000));
  throw new Error(`The publish build failed (exit ${publish.code}); the scratch folder ${scratch} is kept for a look.`);
}
// 5b. The same content built cold in another folder (so with caches of its own), compared file by file.
const coldContent = path.join(scratch, 'cold', 'content');
const coldOut = path.join(scratch, 'cold', 'dist');
fs.cpSync(contentDir, coldContent, { recursive: true });
const cold = await run('bash', ['-c', 'time -p "$0" scripts/build.mjs', process.execPath], { cwd: root, env: buildEnv(coldContent, coldOut) });
if (cold.code !== 0) {
  console.error(cold.output.slice(-4000));
  throw new Error(`The cold build of the published content failed (exit ${cold.code}); ${scratch} is kept for a look.`);
}
const comparison = compareTrees(outDir, coldOut);
fs.rmSync(path.join(root, contentCacheDir(root, coldContent)), { recursive: true, force: true });

const { chromium, ...measured } = browser;
// What the publish rendered, from its log (the pages among them are the .html files).
const publishedFiles = renderedPaths(publish.output);
const publishedPages = publishedFiles.filter((file) => file.endsWith('.html')).length;
const report = {
  date: new Date().toISOString(),
  articles,
  seed: Number(values.seed),
  pages,
  distinct_words: distinctWords(generated),
  build_ms: build.ms,
  bare_build_ms: floor.build_ms,
  ratio_to_bare: Math.round((build.ms / floor.build_ms) * 100) / 100,
  index_ms: Number.isFinite(indexMs) ? indexMs : null,
  ms_per_article: Math.round((build.ms / articles) * 10) / 10,
  build_cpu_ms: cpuMs(build.output),
  bare_build_cpu_ms: floor.build_cpu_ms,
  cpu_ratio_to_bare: floor.build_cpu_ms && cpuMs(build.output) ? Math.round((cpuMs(build.output) / floor.build_cpu_ms) * 100) / 100 : null,
  peak_rss_mb: Math.round(build.peakRssKb / 1024),
  dist_bytes: distBytes,
  dist_files: files.length,
  pagefind_bytes: pagefindBytes,
  ...measured,
  publish_ms: publish.ms,
  publish_cpu_ms: cpuMs(publish.output),
  publish_ratio_to_build: Math.round((publish.ms / build.ms) * 1000) / 1000,
  publish_pages_rendered: publishedPages,
  // Pages and files left in place from the first build (src/integrations/page-keys.ts): Astro never sees them, so they
  // are the published site's pages less those rendered, and the count the build logs.
  publish_pages_restored: walk(outDir).filter((file) => file.endsWith('.html')).length - publishedPages,
  // Feeds, API documents and the like, which Astro renders and the build keys as it does pages.
  publish_files_rendered: publishedFiles.length,
  publish_files_restored: Number(/(\d+) keyed files unchanged since the last build, left in place/.exec(publish.output)?.[1] ?? 0),
  publish_identical: identical(comparison),
  publish_cold_ms: cold.ms,
  publish_differences: {
    files: comparison.files,
    only_in_publish: comparison.onlyInA.slice(0, 20),
    only_in_cold: comparison.onlyInB.slice(0, 20),
    differing: comparison.differing.slice(0, 20),
    differing_count: comparison.differing.length,
  },
  publish_phases: { build: phases(build.output), publish: phases(publish.output), cold: phases(cold.output) },
  load_average_start: loadAtStart,
  load_average_end: os.loadavg().map((load) => Math.round(load * 100) / 100),
  bare: floor,
  machine: {
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model ?? 'unknown',
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    astro: version('astro'),
    mdx: version('@astrojs/mdx'),
    pagefind: version('pagefind'),
    leaflet: version('leaflet'),
    playwright: version('@playwright/test'),
    chromium,
  },
};

const json = `${JSON.stringify(report, null, 2)}\n`;
fs.writeFileSync(path.join(resultsDir, 'latest.json'), json);
const datedFile = path.join(resultsDir, `${report.date.slice(0, 19).replace(/:/g, '-')}-${articles}.json`);
fs.writeFileSync(datedFile, json);
fs.writeFileSync(path.join(resultsDir, 'latest-build.log'), buildLog);
fs.writeFileSync(path.join(resultsDir, 'latest-publish.log'), publish.output);
console.table(
  Object.fromEntries(
    Object.entries({ ...report, load_average_start: loadAtStart.join(' '), load_average_end: report.load_average_end.join(' ') }).filter(
      ([, value]) => typeof value !== 'object' || value === null,
    ),
  ),
);
console.log(`Machine: ${Object.values(report.machine).join(', ')}`);
console.log(`Written bench-results/latest.json and bench-results/${path.basename(datedFile)}`);
if (!values.keep) {
  fs.rmSync(scratch, { recursive: true, force: true });
  // The build keeps a content cache per content folder (astro.config.mjs); this run's scratch folder is gone.
  for (const name of fs.existsSync(astroCache) ? fs.readdirSync(astroCache) : []) {
    if (!cachesBefore.has(name) && name.startsWith('content-')) fs.rmSync(path.join(astroCache, name), { recursive: true, force: true });
  }
}

/**
 * Where a build's time went, in ms, from Astro's log: `setup` (start, config, content sync and our content checks, to
 * "Collecting build info ... Completed"), `bundle` (Vite's builds), `pages` (generating static routes, rendered or
 * restored), `index` (the search index, src/integrations/search-index.ts), `astro` (Astro's own total) and `other`
 * (the rest of the wall time: starting Node and Astro, the staging swap).
 */
function phases(log) {
  // Astro colours its log when it thinks a person watches, and writes long times as "1m 38s".
  const output = log.replace(/\x1b\[[0-9;]*m/g, '');
  const duration = '((?:\\d+m ?)?[\\d.]+(?:ms|s)|\\d+m)';
  const ms = (text) =>
    [...text.matchAll(/([\d.]+)(ms|m|s)/g)].reduce((sum, [, n, unit]) => sum + Number(n) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000), 0);
  const all = (pattern) => [...output.matchAll(new RegExp(pattern.replace('DURATION', duration), 'g'))].map((match) => ms(match[1]));
  const result = {
    setup: all('Collecting build info[\\s\\S]*?Completed in DURATION')[0] ?? null,
    bundle: all('\\[vite\\] ✓ built in DURATION').reduce((a, b) => a + b, 0),
    pages: all('generating static routes[\\s\\S]*?✓ Completed in DURATION')[0] ?? null,
    index: Number(/search index[^\n]*?in (\d+) ?ms/i.exec(output)?.[1] ?? NaN) || null,
    astro: all('page\\(s\\) built in DURATION')[0] ?? null,
  };
  return Object.fromEntries(Object.entries(result).map(([key, value]) => [key, value === null ? null : Math.round(value)]));
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

function sum(numbers) {
  return numbers.reduce((a, b) => a + b, 0);
}

function version(name) {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}
