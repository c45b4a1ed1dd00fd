/**
 * The editor's API route in development (/api/keystatic/…): Keystatic's own handler, with its local base directory
 * set to the content folder, so the editor reads and writes CONTENT_DIR (default content/) and its paths are those
 * of src/editor/schema.ts (`people/*`, `articles/*`). @keystatic/astro's route would read the whole project from the
 * working directory instead, and could not be pointed at a copy of the content.
 */
import type { APIRoute } from 'astro';
import { makeGenericAPIRouteHandler } from '@keystatic/core/api/generic';
import config from 'virtual:keystatic-config';
import { contentDir } from '../lib/content/dir';

export const prerender = false;

const handler = makeGenericAPIRouteHandler({ config, localBaseDirectory: contentDir });

export const ALL: APIRoute = async ({ request }) => {
  const { body, headers, status } = await handler(request);
  const init: ResponseInit = { status: status ?? 200 };
  if (headers) init.headers = headers as HeadersInit;
  return new Response(body as BodyInit | null, init);
};
