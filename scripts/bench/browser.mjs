/**
 * What a reader's browser fetches, measured in the system Chromium: the seed article before any scroll, the map when
 * it comes into view, and a first search typed into the header's box. Every request the page and its workers make
 * counts, whoever asked for it (a dynamic import, the basemap fetch, Pagefind's WebAssembly and index chunks fetched
 * by its worker); what the browser took from its cache does not.
 *
 * Sizes per response: `bytes`, the body as the server sent it over the wire (`astro preview` gzips text on the fly),
 * `raw`, the body uncompressed, and `gz`, the body as a host that gzips text at level 9 would send it (HTML, CSS, JS,
 * JSON, SVG; Pagefind's index files and WebAssembly are gzipped by Pagefind already and count as they are).
 *
 * Used by scripts/bench.mjs against `astro preview` of a bench build, and by e2e/page-weight.spec.ts against dist/.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { brotliDecompressSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';

/** The seed article: real content, shaped as readers get it. */
export const articlePath = '/articles/kazakhstan-balancing-act-eu-russia/';
/** A quote's words, as a reader who remembers the quote would type them. */
export const searchWords = 'We are pro-Kazakh';
/** The quote the search must show. */
export const searchResultText = 'We are pro-Kazakh.';

const textTypes = /^(text\/|application\/(javascript|json|geo\+json|xml|rss\+xml|manifest\+json)|image\/svg\+xml)/;

/**
 * A counting proxy in front of the site: every response's body is counted as it passes, so whatever the browser
 * fetches counts, whoever asked for it (the page, a dynamic import, Pagefind's web worker), and whatever the browser
 * takes from its own cache (or revalidates with a 304) costs nothing, as for a real reader. Listens on a port the
 * system picks. `loads()` lists the responses since the last `reset()`; `settle()` waits for the network to go quiet.
 */
export async function countingProxy(upstream) {
  const target = new URL(upstream);
  const finished = [];
  let inFlight = 0;
  const server = http.createServer((request, response) => {
    inFlight++;
    const forward = http.request(
      { hostname: target.hostname, port: target.port, path: request.url, method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        const chunks = [];
        answer.on('data', (chunk) => chunks.push(chunk));
        answer.pipe(response);
        answer.on('end', () => {
          const wire = Buffer.concat(chunks);
          const body = decoded(wire, answer.headers['content-encoding']);
          const mime = String(answer.headers['content-type'] ?? '').split(';')[0];
          const gz = textTypes.test(mime) && body.length ? gzipSync(body, { level: 9 }).length : body.length;
          finished.push({ url: request.url, status: answer.statusCode, type: kindOf(mime), mime, bytes: wire.length, raw: body.length, gz });
          inFlight--;
        });
      },
    );
    forward.on('error', () => {
      inFlight--;
      response.destroy();
    });
    request.pipe(forward);
  });
  await new Promise((resolve) => server.listen(0, 'localhost', resolve));
  return {
    origin: `http://localhost:${server.address().port}`,
    loads: () => [...finished],
    reset: () => {
      finished.length = 0;
    },
    async settle(quietMs = 500, timeoutMs = 30_000) {
      // Quiet means no response in flight and none started for quietMs in a row.
      const started = performance.now();
      let quietSince = started;
      let seen = finished.length;
      while (performance.now() - quietSince < quietMs) {
        if (performance.now() - started > timeoutMs) throw new Error(`The network did not settle in ${timeoutMs} ms.`);
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (inFlight > 0 || finished.length !== seen) {
          quietSince = performance.now();
          seen = finished.length;
        }
      }
    },
    close: () => {
      // A browser keeps its connections open; end them, or close() waits for them.
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A body as the server meant it, before the compression it was sent with. */
function decoded(body, encoding) {
  if (!body.length) return body;
  if (encoding === 'gzip') return gunzipSync(body);
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding === 'deflate') return inflateSync(body);
  return body;
}

/** What a response is, by its type: the page weight counts documents, stylesheets and scripts. */
function kindOf(mime) {
  if (mime === 'text/html') return 'document';
  if (mime === 'text/css') return 'stylesheet';
  if (/javascript/.test(mime)) return 'script';
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('font/')) return 'font';
  return 'data';
}

const total = (loads, field) => loads.reduce((sum, load) => sum + load[field], 0);

/** HTML, CSS and JS the seed article loads before any scroll or interaction (images and data excluded). */
export async function measureArticle(page, proxy) {
  proxy.reset();
  await page.goto(proxy.origin + articlePath, { waitUntil: 'load' });
  await proxy.settle();
  const loads = proxy.loads();
  const firstLoad = loads.filter((load) => ['document', 'stylesheet', 'script'].includes(load.type));
  return {
    article_page_bytes_gz: total(firstLoad, 'gz'),
    article_page_js_bytes_gz: total(
      firstLoad.filter((load) => load.type === 'script'),
      'gz',
    ),
    article_page_requests: loads.length,
    // Images and anything else the first load fetched, outside the budget but not hidden.
    article_page_other_bytes: total(
      loads.filter((load) => !firstLoad.includes(load)),
      'bytes',
    ),
    article_page_files: loads.map((load) => `${load.url} ${load.gz}`),
  };
}

/** What the first route map on the page fetches when a reader scrolls to it: Leaflet's JS and CSS, the basemap. */
export async function measureMap(page, proxy) {
  const map = page.locator('figure.route-map').first();
  if ((await map.count()) === 0) return { map_bytes_gz: null, map_requests: null };
  proxy.reset();
  await map.scrollIntoViewIfNeeded();
  await page.locator('figure.route-map .leaflet-container').first().waitFor({ timeout: 30_000 });
  await proxy.settle();
  const loads = proxy.loads();
  return { map_bytes_gz: total(loads, 'gz'), map_requests: loads.length, map_files: loads.map((load) => `${load.url} ${load.gz}`) };
}

/**
 * A first search as a reader makes it: on the seed article, focus the header's search box, type a quote's words,
 * press Enter (a GET form to /search/?q=...), and wait for the quote among the results. Counted from the focus to the
 * results shown and the network quiet again.
 */
export async function measureSearch(page, proxy) {
  const box = page.locator('[data-search-input="header"]');
  proxy.reset();
  const started = performance.now();
  await box.focus();
  await page.keyboard.type(searchWords);
  await page.keyboard.press('Enter');
  await page.locator('#search-results .result').filter({ hasText: searchResultText }).first().waitFor({ timeout: 60_000 });
  const search_ms_first_query = Math.round(performance.now() - started);
  await proxy.settle();
  const loads = proxy.loads();
  return {
    search_bytes_first_query: total(loads, 'bytes'),
    search_bytes_first_query_gz: total(loads, 'gz'),
    search_requests_first_query: loads.length,
    search_ms_first_query,
    search_files: loads.map((load) => `${load.url} ${load.bytes}`),
  };
}

/** All of the above against a site served at `origin`, through a counting proxy. */
export async function measureSite(browser, origin) {
  const proxy = await countingProxy(origin);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const article = await measureArticle(page, proxy);
    const map = await measureMap(page, proxy);
    // The search starts from a fresh load of the article in a new context, so the map's files are not in its cache.
    const searchContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const searchPage = await searchContext.newPage();
      await searchPage.goto(proxy.origin + articlePath, { waitUntil: 'load' });
      await proxy.settle();
      const search = await measureSearch(searchPage, proxy);
      return { ...article, ...map, ...search };
    } finally {
      await searchContext.close();
    }
  } finally {
    await context.close();
    await proxy.close();
  }
}

/** Serves `outDir` with `astro preview` on `port`, measures it in Chromium, stops the server. */
export async function measureBrowser({ root, outDir, port = 4499 }) {
  const { chromium } = await import('@playwright/test');
  const { chromiumLaunch } = await import('../../e2e/chromium.ts');
  const server = spawn(process.execPath, [`${root}/node_modules/.bin/astro`, 'preview', '--port', String(port), '--outDir', outDir], {
    cwd: root,
    env: { ...process.env, ASTRO_PREVIEW_BACKGROUND: '0', ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const origin = `http://localhost:${port}`;
  try {
    await serving(server, origin);
    const browser = await chromium.launch(chromiumLaunch);
    try {
      return { ...(await measureSite(browser, origin)), chromium: browser.version() };
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}

/**
 * Resolves once the server answers, however long a busy machine takes to start it; rejects, with what the server
 * printed, if it exits first (a port in use, another preview already running). A state, not a count of tries.
 */
function serving(server, origin) {
  let printed = '';
  server.stderr.on('data', (chunk) => (printed += chunk));
  return new Promise((resolve, reject) => {
    let done = false;
    server.once('exit', (code) => {
      if (done) return;
      done = true;
      reject(new Error(`astro preview stopped (exit ${code}) before it answered at ${origin}:\n${printed.trim()}`));
    });
    const ask = async () => {
      if (done) return;
      try {
        if ((await fetch(origin)).ok) {
          done = true;
          resolve();
          return;
        }
      } catch {
        // Not up yet.
      }
      setTimeout(ask, 200);
    };
    void ask();
  });
}
