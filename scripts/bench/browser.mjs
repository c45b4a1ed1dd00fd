/**
 * What a reader's browser fetches, measured in the system Chromium against `astro preview` of a bench build:
 * the seed article before any scroll, the map when it comes into view, and a first search.
 */
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../../playwright.config.ts';

const articlePath = '/articles/kazakhstan-balancing-act-eu-russia/';

export async function measureBrowser({ root, outDir, port = 4499 }) {
  const server = spawn(process.execPath, [`${root}/node_modules/.bin/astro`, 'preview', '--port', String(port), '--outDir', outDir], {
    cwd: root,
    env: { ...process.env, ASTRO_PREVIEW_BACKGROUND: '0', ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  const origin = `http://localhost:${port}`;
  await waitFor(origin);
  const browser = await chromium.launch(chromiumLaunch);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const loads = [];
    page.on('response', async (response) => {
      const type = response.request().resourceType();
      try {
        const body = await response.body();
        loads.push({ url: response.url(), type, raw: body.length, gz: gzipSync(body).length });
      } catch {
        // Redirects and aborted requests have no body.
      }
    });

    await page.goto(origin + articlePath, { waitUntil: 'networkidle' });
    const firstPaint = loads.filter((load) => ['document', 'stylesheet', 'script'].includes(load.type));
    const article_page_bytes_gz = firstPaint.reduce((total, load) => total + load.gz, 0);
    const article_page_js_bytes_gz = firstPaint.filter((l) => l.type === 'script').reduce((t, l) => t + l.gz, 0);

    loads.length = 0;
    const map = page.locator('figure.route-map').first();
    await map.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.waitForLoadState('networkidle');
    const map_bytes_gz = loads.filter((l) => l.type !== 'image' || l.url.startsWith(origin)).reduce((t, l) => t + l.gz, 0);

    const search = await measureSearch(browser, origin);
    return { article_page_bytes_gz, article_page_js_bytes_gz, map_bytes_gz, ...search };
  } finally {
    await browser.close();
    server.kill();
  }
}

/** Bytes and time from focusing the search box to the first results for a quote's words. */
async function measureSearch(browser, origin) {
  const page = await browser.newPage();
  await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
  const box = page.getByRole('searchbox').first();
  if ((await box.count()) === 0) return { search_bytes_first_query: null, search_ms_first_query: null };
  let bytes = 0;
  page.on('response', async (response) => {
    try {
      bytes += (await response.body()).length;
    } catch {
      // No body.
    }
  });
  const started = performance.now();
  await box.focus();
  await box.fill('pro-Kazakh');
  await box.press('Enter');
  await page.getByText('We are pro-Kazakh.').first().waitFor({ timeout: 30_000 });
  const search_ms_first_query = Math.round(performance.now() - started);
  await page.waitForLoadState('networkidle');
  return { search_bytes_first_query: bytes, search_ms_first_query };
}

async function waitFor(origin) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(origin)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`astro preview did not answer at ${origin}`);
}
