import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunch } from './e2e/chromium';

const port = Number(process.env.E2E_PORT ?? 4399);


export default defineConfig({
  testDir: 'e2e',
  // The journalist scenario runs on its own fixture build: playwright.journalist.config.ts.
  testIgnore: 'journalist/**',
  forbidOnly: !!process.env.CI,
  retries: 0,
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
    timeout: 60_000,
  },
});
