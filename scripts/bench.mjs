#!/usr/bin/env node
/**
 * npm run bench -- --articles N [--seed S] [--keep] [--port P]
 *
 * Generates a synthetic newsroom (the real content/ plus N generated articles) in a scratch folder, builds it with
 * the real build (pages, search index, API, feeds), measures build time, peak memory, output size and what a
 * reader's browser loads, and writes bench-results/latest.json plus a dated copy.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateNewsroom } from './bench/generate.mjs';
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
for (const [file, text] of Object.entries(generateNewsroom({ articles, seed: Number(values.seed) }))) {
  fs.mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
  fs.writeFileSync(path.join(contentDir, file), text);
}
console.log(`Generated ${articles} articles in ${contentDir}`);

// 2. The real build, with the peak memory of the largest process in its tree sampled from /proc.
// Under bash's `time`, for the CPU time of the whole tree too: on a shared machine wall time waits for other work,
// CPU time much less so.
const build = await run('bash', ['-c', 'time -p "$0" scripts/build.mjs', process.execPath], {
  ...process.env,
  CONTENT_DIR: contentDir,
  OUT_DIR: outDir,
  ASTRO_TELEMETRY_DISABLED: '1',
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
const cpuSeconds = ['user', 'sys'].map((field) => Number(new RegExp(`^${field} ([\\d.]+)$`, 'm').exec(build.output)?.[1] ?? NaN));
const indexMs = Number(/search index[^\n]*?in (\d+) ?ms/i.exec(build.output)?.[1] ?? NaN);

// 4. What a reader's browser loads, measured in Chromium against `astro preview` of this build.
const browser = await measureBrowser({ root, outDir, port: Number(values.port) });

const { chromium, ...measured } = browser;
const report = {
  date: new Date().toISOString(),
  articles,
  seed: Number(values.seed),
  pages,
  build_ms: build.ms,
  index_ms: Number.isFinite(indexMs) ? indexMs : null,
  ms_per_article: Math.round((build.ms / articles) * 10) / 10,
  build_cpu_ms: cpuSeconds.every(Number.isFinite) ? Math.round((cpuSeconds[0] + cpuSeconds[1]) * 1000) : null,
  peak_rss_mb: Math.round(build.peakRssKb / 1024),
  dist_bytes: sum(files.map((file) => fs.statSync(file).size)),
  dist_files: files.length,
  pagefind_bytes: sum(pagefindFiles.map((file) => fs.statSync(file).size)),
  ...measured,
  load_average_start: loadAtStart,
  load_average_end: os.loadavg().map((load) => Math.round(load * 100) / 100),
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

const resultsDir = path.join(root, 'bench-results');
fs.mkdirSync(resultsDir, { recursive: true });
const json = `${JSON.stringify(report, null, 2)}\n`;
fs.writeFileSync(path.join(resultsDir, 'latest.json'), json);
const datedFile = path.join(resultsDir, `${report.date.slice(0, 19).replace(/:/g, '-')}-${articles}.json`);
fs.writeFileSync(datedFile, json);
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

/** Runs a command, timing it and sampling the peak RSS (VmHWM) of every process in its tree. */
function run(command, args, env) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let peakRssKb = 0;
    const sample = () => {
      for (const pid of descendants(child.pid)) peakRssKb = Math.max(peakRssKb, highWaterMarkKb(pid));
    };
    const timer = setInterval(sample, 100);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, output, ms: Math.round(performance.now() - started), peakRssKb });
    });
  });
}

function descendants(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found = [pid];
  for (let i = 0; i < found.length; i++) found.push(...(children.get(found[i]) ?? []));
  return found;
}

function highWaterMarkKb(pid) {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
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
