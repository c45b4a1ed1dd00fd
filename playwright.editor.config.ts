import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunch } from './e2e/chromium';
import { editorContent, editorPort } from './e2e/editor/fixture';

/**
 * The browser editor scenario (issue 15): a journalist writes a person, an article and a quote in Keystatic, served
 * by `astro dev` on a scratch copy of content/; the test then checks the files and the dev site. `npm run test:e2e`
 * runs it after the journalist scenario.
 *
 * `--ignore-lock` lets this dev server start while another one of the project runs.
 */
export default defineConfig({
  testDir: 'e2e/editor',
  outputDir: 'test-results/editor',
  forbidOnly: !!process.env.CI,
  retries: 0,
  // The editor is a large React app that Vite compiles on first load, on a shared 2-core machine: the ceilings only
  // stop a hang; every step waits on what the journalist sees. (The scenario took 9.9 minutes at load average 20.)
  timeout: 1_800_000,
  expect: { timeout: 60_000 },
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${editorPort}`,
    trace: 'retain-on-failure',
    actionTimeout: 60_000,
    navigationTimeout: 120_000,
  },
  projects: [{ name: 'editor', use: { ...devices['Desktop Chrome'], viewport: { width: 1400, height: 1000 }, launchOptions: chromiumLaunch } }],
  globalTeardown: './e2e/editor/teardown.ts',
  webServer: {
    command: `npx tsx e2e/editor/prepare.ts && CONTENT_DIR='${editorContent}' npx astro dev --port ${editorPort} --ignore-lock`,
    url: `http://127.0.0.1:${editorPort}/keystatic/`,
    reuseExistingServer: false,
    timeout: 600_000,
  },
});
