/** Narrows each built page's CSP to its own inline code as the page is rendered (csp-per-page.ts says why). */
import { defineMiddleware } from 'astro:middleware';
import { narrowPolicy } from './csp-per-page';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  // Astro writes the policy only into built pages (not in `astro dev`), and only HTML carries one.
  if (!context.isPrerendered || import.meta.env.DEV || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  return new Response(narrowPolicy(html), { status: response.status, statusText: response.statusText, headers: response.headers });
});
