import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunch } from './e2e/chromium';

const port = Number(process.env.E2E_PORT ?? 4399);


export default defineConfig({
  testDir: 'e2e',
  // The journalist scenario runs on its own fixture build (playwright.journalist.config.ts), the editor scenario on
  // its own dev server (playwright.editor.config.ts).
  testIgnore: ['journalist/**', 'editor/**'],
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Every test does one page's work and waits on states (a locator's text, a load state), never on a time. These
  // ceilings only stop a test that hangs: they are set well above what one page takes on the 2-core machine while
  // other work shares it (axe over the article page took 30 s there at load 20; 5 s of expect was too short for a
  // search result while a build ran beside it), so no test passes or fails by the machine's speed (issue 16).
  timeout: 120_000,
  expect: { timeout: 30_000 },
  ...(process.env.CI ? { workers: 2 } : {}),
  reporter: 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunch },
    },
  ],
  // One server for the run: the built dist/ served by `astro preview` (npm run test:e2e builds first).
  webServer: {
    command: `npm run preview -- --port ${port}`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: !process.env.CI,
    // Waits for the server's address to answer; the ceiling is for a machine busy with other builds.
    timeout: 300_000,
  },
});
