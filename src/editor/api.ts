/**
 * The editor's API route in development (/api/keystatic/…): Keystatic's own handler, with its local base directory
 * set to the content folder, so the editor reads and writes CONTENT_DIR (default content/) and its paths are those
 * of src/editor/schema.ts (`people/*`, `articles/*`). @keystatic/astro's route would read the whole project from the
 * working directory instead, and could not be pointed at a copy of the content.
 *
 * A save passes here on its way to the disk: a Quote mark the journalist left without an id gets one, from its
 * speaker and first words (src/lib/content/quote-marks.ts), so its permalink is fixed from the first save on.
 */
import type { APIRoute } from 'astro';
import { makeGenericAPIRouteHandler } from '@keystatic/core/api/generic';
import config from 'virtual:keystatic-config';
import { contentDir } from '../lib/content/dir';
import { readCollectionFiles } from '../lib/content/files';
import { fillQuoteIds, quoteIdsIn } from '../lib/content/quote-marks';
import { registry } from '../lib/content/registry';

export const prerender = false;

const handler = makeGenericAPIRouteHandler({ config, localBaseDirectory: contentDir });

interface Update {
  additions: { path: string; contents: string }[];
  deletions: { path: string }[];
}

/** The update request with ids given to new quote marks in the articles it writes. */
async function withQuoteIds(request: Request): Promise<Request> {
  const text = await request.text();
  let update: Update;
  try {
    update = JSON.parse(text) as Update;
  } catch {
    return new Request(request.url, { method: request.method, headers: request.headers, body: text });
  }
  const saved = (update.additions ?? []).filter((addition) => addition.path.startsWith(`${registry.articles.folder}/`) && addition.path.endsWith('.mdx'));
  if (saved.length) {
    const savedPaths = new Set(saved.map((addition) => addition.path));
    const others = readCollectionFiles(contentDir, 'articles').filter((file) => !savedPaths.has(`${registry.articles.folder}/${file.id}.mdx`));
    const taken = quoteIdsIn(others, readCollectionFiles(contentDir, 'quotes'));
    for (const addition of saved) {
      const raw = Buffer.from(addition.contents, 'base64').toString('utf8');
      const filled = fillQuoteIds(raw, taken);
      if (filled.filled.length) addition.contents = Buffer.from(filled.raw, 'utf8').toString('base64');
      for (const id of filled.filled) taken.add(id);
    }
  }
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  return new Request(request.url, { method: request.method, headers, body: JSON.stringify(update) });
}

export const ALL: APIRoute = async ({ request }) => {
  const isUpdate = request.method === 'POST' && new URL(request.url).pathname.replace(/\/$/, '').endsWith('/update');
  const { body, headers, status } = await handler(isUpdate ? await withQuoteIds(request) : request);
  const init: ResponseInit = { status: status ?? 200 };
  if (headers) init.headers = headers as HeadersInit;
  return new Response(body as BodyInit | null, init);
};
