/**
 * How every browser this project drives is launched: the tests (playwright.config.ts and
 * playwright.journalist.config.ts) and the benchmark (scripts/bench/browser.mjs), which must not load a Playwright
 * config to get it. The Debian Chromium matches Playwright 1.64's bundled revision; `npx playwright install` cannot
 * download here. The flags keep Chromium from calling home, which this machine's closed network refuses.
 */
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};
