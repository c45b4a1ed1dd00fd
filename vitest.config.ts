import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests cover the pure modules in src/lib and src/schemas; pages are tested against the built site in e2e/.
export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // src/lib/content/ loads collections through this virtual module; its pure queries are tested without it.
      'astro:content': fileURLToPath(new URL('./src/test-support/astro-content.ts', import.meta.url)),
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // A ceiling that only stops a hung test: on a shared 2-core machine, compiling the API's JSON Schemas took over
    // vitest's default 5 s while a benchmark ran beside it. No test measures time.
    testTimeout: 60_000,
  },
});
