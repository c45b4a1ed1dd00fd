/**
 * Narrows each page's Content-Security-Policy as Astro renders it (./csp-per-page.ts says why). Done here, on the
 * rendered response, rather than over the written files after the build, so that the copy Astro's incremental build
 * keeps of a page is already narrowed: a page copied from the cache needs nothing more, and a publish reads and
 * rewrites only the pages it renders, not all 10,000 of them (issue 14, docs/scale.md).
 */
import { defineMiddleware } from 'astro:middleware';
import { narrowPolicy } from './csp-per-page';
import { recordAssets } from './page-keys';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  // Astro writes the policy in builds only; the dev server (and the editor's routes in it) stay untouched.
  if (import.meta.env.DEV || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  // The page's images from Astro's image pipeline, which a build that leaves the page in place must keep (page-keys.ts).
  recordAssets(context.url.pathname, html);
  return new Response(narrowPolicy(html), { status: response.status, statusText: response.statusText, headers: response.headers });
});
