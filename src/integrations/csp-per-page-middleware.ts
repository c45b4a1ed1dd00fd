/**
 * Each page as Astro renders it, before it is written: its Content-Security-Policy narrowed (./csp-per-page.ts says
 * why), its pipeline images recorded (./page-keys.ts), and an article page handed to the search index
 * (./search-feed.ts). Done here, on the rendered response, rather than over the written files after the build, so a
 * build that leaves pages in place reads and rewrites none of them (issue 14, docs/scale.md).
 */
import { defineMiddleware } from 'astro:middleware';
import { narrowPolicy } from './csp-per-page';
import { recordAssets } from './page-keys';
import { indexPage } from './search-feed';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  // Astro writes the policy in builds only; the dev server (and the editor's routes in it) stay untouched.
  if (import.meta.env.DEV || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  // The page's images from Astro's image pipeline, which a build that leaves the page in place must keep (page-keys.ts).
  recordAssets(context.url.pathname, html);
  const page = narrowPolicy(html);
  // An article page goes to the search index as it is written (search-feed.ts); other pages are ignored there.
  indexPage(context.url.pathname, page);
  return new Response(page, { status: response.status, statusText: response.statusText, headers: response.headers });
});
