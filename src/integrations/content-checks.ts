/**
 * When a build checks its content across entries (src/lib/content/checks.ts: references, dates, components, the
 * mistakes). Those checks cost half a second at 1,000 articles and seconds at 5,000, and a publish waited for them
 * before the plan of what to render, so they stood between the journalist and the new article's page (issue 14).
 *
 * In a build, the Site is made first and the checks run once every page is written (astro:build:generated), on a
 * thread that otherwise waits there for the search index. A problem still fails the build, with every problem
 * listed, before anything is moved into place (scripts/build.mjs keeps the previous site). A mistake bad enough to
 * break a page first fails the build there, and scripts/build.mjs then runs the same checks to say why. Problems the
 * content loader meets making the Site (a quote mark naming no one, a quote file's schema) still stop it at once,
 * with the checks' own problems beside them. `astro dev` checks at once, as before: no build opens the queue.
 *
 * The Site is made by code bundled into Astro's page chunks and this integration is loaded by the config: two
 * copies of this module in one process, so the queue lives on globalThis under a registered symbol.
 */
import type { AstroIntegration } from 'astro';

const queueKey = Symbol.for('newsroom.content-checks');
type WithQueue = { [queueKey]?: (() => void)[] };

/**
 * Queues a check to run once the build's pages are written; the check throws to fail the build. Returns false when no
 * build has opened the queue (astro dev, a build without this integration): the caller then checks at once.
 */
export function deferContentCheck(check: () => void): boolean {
  const queue = (globalThis as WithQueue)[queueKey];
  if (!queue) return false;
  queue.push(check);
  return true;
}

export default function contentChecks(): AstroIntegration {
  return {
    name: 'newsroom:content-checks',
    hooks: {
      'astro:build:start': () => {
        (globalThis as WithQueue)[queueKey] = [];
      },
      'astro:build:generated': () => {
        const queue = (globalThis as WithQueue)[queueKey] ?? [];
        delete (globalThis as WithQueue)[queueKey];
        for (const check of queue) check();
      },
    },
  };
}
