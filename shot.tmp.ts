import { chromium } from '@playwright/test';
import { chromiumLaunch } from '/work/wt-17/e2e/chromium.ts';
const url = process.argv[2] ?? 'http://localhost:4417/articles/kazakhstan-balancing-act-eu-russia/';
const out = process.argv[3] ?? '/tmp/w17/shot';
const browser = await chromium.launch(chromiumLaunch);
for (const [w, scheme] of [[1280, 'light'], [390, 'light'], [1280, 'dark'], [390, 'dark']] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: w === 390 ? 844 : 800 }, colorScheme: scheme });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.screenshot({ path: `${out}-${w}-${scheme}-top.png` });
  if (process.argv[4] === 'full') await page.screenshot({ path: `${out}-${w}-${scheme}-full.png`, fullPage: true });
  await page.close();
}
await browser.close();
