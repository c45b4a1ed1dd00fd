import { defineConfig, devices } from '@playwright/test';
import { fixtureOut, fixturePort } from './e2e/journalist/fixture';
import { chromiumLaunch } from './e2e/chromium';

/**
 * The journalist scenario (issue 6): a second article added with the scaffolders to a scratch copy of content/,
 * built with CONTENT_DIR and OUT_DIR, and served on its own port. `npm run test:e2e` runs it after the main suite.
 *
 * `--ignore-lock` lets this `astro preview` start while another one of the project runs (Astro 7 otherwise
 * refuses a second preview of the same project: https://github.com/withastro/astro/releases/tag/astro@7.3.0).
 */
export default defineConfig({
  testDir: 'e2e/journalist',
  outputDir: 'test-results/journalist',
  forbidOnly: !!process.env.CI,
  retries: 0,
  // The same ceilings as playwright.config.ts, for the same reason: tests wait on states, and these only stop a hang.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: 'list',
  use: {
    baseURL: `http://localhost:${fixturePort}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'journalist',
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunch },
    },
  ],
  globalTeardown: './e2e/journalist/teardown.ts',
  webServer: {
    // Always a fresh fixture: a server left on this port would be serving some other build.
    command: `npx tsx e2e/journalist/prepare.ts && ASTRO_PREVIEW_BACKGROUND=0 npx astro preview --outDir '${fixtureOut}' --port ${fixturePort} --ignore-lock`,
    url: `http://localhost:${fixturePort}/`,
    reuseExistingServer: false,
    // Copying content, five scaffolder runs, a content check and a full build come before the server starts: over a
    // minute when other builds share the machine. Playwright waits for the address to answer; this only stops a hang.
    timeout: 900_000,
  },
});
