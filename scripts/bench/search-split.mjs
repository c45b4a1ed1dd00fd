#!/usr/bin/env node
/**
 * node scripts/bench/search-split.mjs --dir <built site> [--port P]
 *
 * Issue 14's search-index question, measured on a built site whose search records were kept
 * (NEWSROOM_KEEP_SEARCH_RECORDS=1 at build time leaves dist/search-records.json): what publishing one article costs
 * the index, and a reader's first search, with
 *
 * - one index, rebuilt whole on every publish (what the build does), against
 * - two indexes merged in the browser with Pagefind's `mergeIndex`: the archive (every article but the newest, with
 *   their quotes and figures) built once and kept, and a small live index (the newest article, its quotes and
 *   figures, and every person and topic, whose records change when anyone is quoted) rebuilt on every publish.
 *
 * Index times are wall times of Pagefind's Node API, as src/integrations/search-index.ts uses it (same language and
 * chunk size). Bytes are what Chromium fetches for the benchmark's first search ("We are pro-Kazakh"), through the
 * benchmark's counting proxy, on a page that loads Pagefind as the site's search script does, merges the live index
 * when there is one, searches and loads the first five results. Writes bench-results/search-split.json.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { countingProxy, searchWords } from './browser.mjs';
import { indexChunkSize } from '../../src/integrations/search-index.ts';

const { values } = parseArgs({ options: { dir: { type: 'string' }, port: { type: 'string', default: '4414' } } });
if (!values.dir) throw new Error('--dir <a built site with search-records.json> is required');
const site = path.resolve(values.dir);
const { language, records } = JSON.parse(fs.readFileSync(path.join(site, 'search-records.json'), 'utf8'));
process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(indexChunkSize);

// The newest article: the one with the latest datePublished in its page's JSON-LD.
const articlesDir = path.join(site, 'articles');
const articles = fs.readdirSync(articlesDir).map((id) => {
  const html = fs.readFileSync(path.join(articlesDir, id, 'index.html'), 'utf8');
  return { id, published: /"datePublished":"([^"]+)"/.exec(html)?.[1] ?? '' };
});
const newest = articles.sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id)).at(-1).id;
const ofArticle = (record) => /^\/articles\/([^/]+)\//.exec(record.url)?.[1];
const live = records.filter((record) => ofArticle(record) === newest || ofArticle(record) === undefined);
const archive = records.filter((record) => !live.includes(record));

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-search-split-'));
const pagefind = await import('pagefind');

/**
 * Builds one Pagefind bundle of the article pages `ids` (all of them: the folder as the site indexes it) and `items`
 * records into `out`; its wall time.
 */
async function index(out, ids, items) {
  const started = performance.now();
  const { index: created, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!created) throw new Error(errors.join('\n'));
  let pages;
  if (ids === 'all') pages = await created.addDirectory({ path: site, glob: 'articles/**/*.html' });
  else {
    pages = { page_count: 0, errors: [] };
    for (const id of ids) {
      const sourcePath = `articles/${id}/index.html`;
      const added = await created.addHTMLFile({ sourcePath, content: fs.readFileSync(path.join(site, sourcePath), 'utf8') });
      pages.errors.push(...added.errors);
      pages.page_count++;
    }
  }
  if (pages.errors.length) throw new Error(pages.errors.join('\n'));
  for (const record of items) await created.addCustomRecord(record);
  const written = await created.writeFiles({ outputPath: out });
  if (written.errors.length) throw new Error(written.errors.join('\n'));
  await created.deleteIndex();
  return { ms: Math.round(performance.now() - started), pages: pages.page_count, records: items.length };
}

const full = await index(path.join(scratch, 'full', 'pagefind'), 'all', records);
const archived = await index(path.join(scratch, 'split', 'pagefind'), articles.map((article) => article.id).filter((id) => id !== newest), archive);
const liveIndex = await index(path.join(scratch, 'split', 'pagefind-live'), [newest], live);
await pagefind.close();

const bundleBytes = (dir) => fs.readdirSync(dir, { recursive: true }).reduce((sum, file) => sum + (fs.statSync(path.join(dir, String(file))).isFile() ? fs.statSync(path.join(dir, String(file))).size : 0), 0);

/** A page that searches as the site's search script does: Pagefind's module, options, a merged index, a search. */
const page = (merge) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>search</title></head><body><pre id="out">…</pre>
<script type="module">
const pagefind = await import('/pagefind/pagefind.js');
await pagefind.options({ excerptLength: 30 });
${merge ? "await pagefind.mergeIndex('/pagefind-live/');" : ''}
const search = await pagefind.search(${JSON.stringify(searchWords)});
const shown = await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
document.getElementById('out').textContent = JSON.stringify({ count: search.results.length, urls: shown.map((data) => data.url) });
</script></body></html>`;

/** Serves `root` on a port the system picks, with the search page above at /search.html. */
async function serve(root, merge) {
  const types = { '.js': 'text/javascript', '.html': 'text/html', '.json': 'application/json', '.wasm': 'application/wasm' };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    if (url.pathname === '/search.html') return response.writeHead(200, { 'content-type': 'text/html' }).end(page(merge));
    const file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, 'localhost', resolve));
  return { origin: `http://localhost:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function firstSearch(browser, root, merge) {
  const server = await serve(root, merge);
  const proxy = await countingProxy(server.origin);
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await tab.goto(`${proxy.origin}/search.html`);
    await tab.locator('#out').filter({ hasText: '"count"' }).waitFor({ timeout: 120_000 });
    await proxy.settle();
    const result = JSON.parse(await tab.locator('#out').textContent());
    const loads = proxy.loads().filter((load) => load.url !== '/search.html');
    return {
      results: result.count,
      first_result: result.urls[0],
      bytes: loads.reduce((sum, load) => sum + load.bytes, 0),
      requests: loads.length,
      meta_bytes: loads.filter((load) => /pf_meta/.test(load.url)).reduce((sum, load) => sum + load.bytes, 0),
      chunk_bytes: loads.filter((load) => /\.pf_index$/.test(load.url)).reduce((sum, load) => sum + load.bytes, 0),
    };
  } finally {
    await context.close();
    await proxy.close();
    await server.close();
  }
}

const { chromium } = await import('@playwright/test');
const { chromiumLaunch } = await import('../../e2e/chromium.ts');
const browser = await chromium.launch(chromiumLaunch);
let searches;
try {
  searches = { full: await firstSearch(browser, path.join(scratch, 'full'), false), split: await firstSearch(browser, path.join(scratch, 'split'), true) };
} finally {
  await browser.close();
}

const report = {
  date: new Date().toISOString(),
  site,
  articles: articles.length,
  records: records.length,
  newest,
  load_average: os.loadavg().map((load) => Math.round(load * 100) / 100),
  full_reindex: { ...full, bundle_bytes: bundleBytes(path.join(scratch, 'full', 'pagefind')), first_search: searches.full },
  split: {
    archive: { ...archived, bundle_bytes: bundleBytes(path.join(scratch, 'split', 'pagefind')) },
    live: { ...liveIndex, bundle_bytes: bundleBytes(path.join(scratch, 'split', 'pagefind-live')) },
    publish_index_ms: liveIndex.ms,
    first_search: searches.split,
  },
};
fs.rmSync(scratch, { recursive: true, force: true });
fs.mkdirSync('bench-results', { recursive: true });
fs.writeFileSync(path.join('bench-results', 'search-split.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
