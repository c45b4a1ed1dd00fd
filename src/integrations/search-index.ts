/**
 * Builds the Pagefind search index as the last step of `astro build`, so `npm run build` ships a site whose search
 * works (a failed index fails the build, and scripts/build.mjs then keeps the previous dist/).
 *
 * Articles are indexed from their pages (`data-pagefind-body` marks the article; chrome is left out), and their quotes
 * and figures are found inside them. The injected route below writes, during the build, a JSON file with each article
 * page's search data (as Pagefind attributes) and the custom records of people and topics; this hook adds the data to
 * each article page's HTML as it hands the page to Pagefind (the file on disk, which readers get, does not carry it),
 * adds the records, and removes the file. See src/lib/outputs/search-records.ts.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { SearchRecordsFile } from './search-records-route';

/** Where the build writes the records; the file is removed once they are in the index. */
const recordsPattern = '/search-records.json';
/** The index folder in the output; the search page loads `pagefind/pagefind.js` from it (searchBundleUrl). */
const bundleFolder = 'pagefind';
/**
 * The pages Pagefind reads: only article pages carry `data-pagefind-body`, so only they are indexed, and reading the
 * rest (quote permalinks, listings: nine pages in ten) costs most of the indexing time for nothing. Matches
 * `articleUrl` in src/lib/shared/urls.ts, which this build-time module cannot import (it needs Vite's import.meta.env):
 * an article's page is `articles/<id>/index.html`, found at `/articles/<id>/`.
 */
const articlesFolder = 'articles';
/** Where the article's search data goes in its page: first thing inside the element Pagefind indexes. */
const bodyStart = /<[a-z]+\b[^>]*\sdata-pagefind-body\b[^>]*>/i;
/**
 * How many word positions Pagefind puts in one index chunk (its default is 20,000). A first search loads one chunk per
 * word it types, so smaller chunks mean fewer bytes for it, at the cost of a longer chunk list in `pf_meta`, which
 * every first search loads too. Pagefind 1.5+ reads it from the environment of its service process, which
 * `createIndex` starts; the name says it may change in a later Pagefind. Chosen by measuring the benchmark's first
 * search at 1,000 articles at several sizes (docs/scale.md).
 */
export const indexChunkSize = 2500;
/** How many article pages are read and handed to Pagefind at once. */
const indexBatch = 32;

export default function searchIndex(): AstroIntegration {
  let indexing: Promise<void> | undefined;
  return {
    name: 'newsroom:search-index',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        injectRoute({
          pattern: recordsPattern,
          entrypoint: new URL('./search-records-route.ts', import.meta.url),
          prerender: true,
        });
      },
      // Begun as soon as every page is written, and awaited once the other integrations' build:done work (the
      // sitemap) is done: the index runs in Pagefind's own process meanwhile.
      'astro:build:generated': ({ dir, logger }) => {
        indexing = buildIndex(dir, logger);
        // Awaited at astro:build:done; a failure is reported there.
        indexing.catch(() => {});
      },
      'astro:build:done': async () => {
        await indexing;
      },
    },
  };
}

/** Indexes the built site: its article pages and the search records of people and topics. */
async function buildIndex(dir: URL, logger: AstroIntegrationLogger): Promise<void> {
  // Timed for the benchmark (scripts/bench.mjs reads "in N ms" from this log line).
  const started = performance.now();
  const outDir = fileURLToPath(dir);
  const recordsFile = path.join(outDir, recordsPattern);
  const { language, records, articles } = JSON.parse(await fs.readFile(recordsFile, 'utf8')) as SearchRecordsFile;

  // Read by the Pagefind service when it starts (at createIndex below); a size set outside the build wins.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(indexChunkSize);
  const pagefind = await import('pagefind');
  try {
    const created = await pagefind.createIndex({ forceLanguage: language });
    const index = created.index;
    if (!index) throw new SearchIndexError('could not start', created.errors);

    const pages = (await fs.readdir(path.join(outDir, articlesFolder), { recursive: true }))
      .filter((file) => path.basename(file) === 'index.html')
      .sort();
    // Read a batch of pages at once, then hand them to Pagefind in order without waiting on each: its service
    // takes them one after another either way, and the order (which numbers the pages in the index) stays the
    // sorted one, so the index is the same file for file. Batches bound the pages held in memory.
    for (let first = 0; first < pages.length; first += indexBatch) {
      const batch = await Promise.all(
        pages.slice(first, first + indexBatch).map(async (file) => {
          const id = path.dirname(file).split(path.sep).join('/');
          const html = await fs.readFile(path.join(outDir, articlesFolder, file), 'utf8');
          return { file, url: `/${articlesFolder}/${id}/`, content: indexedHtml(html, articles[id], `${articlesFolder}/${file}`) };
        }),
      );
      const added = await Promise.all(batch.map(({ url, content }) => index.addHTMLFile({ url, content })));
      added.forEach(({ errors }, i) => {
        if (errors.length) throw new SearchIndexError(`could not index ${articlesFolder}/${batch[i]!.file}`, errors);
      });
    }
    const pageCount = pages.length;
    for (const record of records) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length) throw new SearchIndexError(`could not index ${record.url}`, added.errors);
    }
    const written = await index.writeFiles({ outputPath: path.join(outDir, bundleFolder) });
    if (written.errors.length) throw new SearchIndexError('could not write the index', written.errors);
    logger.info(
      `Search index: ${pageCount} article pages (with their quotes and figures) and ${records.length} records of people and topics, ` +
        `in ${Math.round(performance.now() - started)} ms.`,
    );
  } finally {
    await pagefind.close();
  }
  // Kept only to measure the index outside the build (scripts/bench/search-split.mjs).
  if (!process.env.NEWSROOM_KEEP_SEARCH_RECORDS) await fs.rm(recordsFile);
}

/**
 * What Pagefind reads of an article page: the element marked `data-pagefind-body`, with the page's search data first
 * inside it, in a document of its own with the page's `<html>` tag. Pagefind indexes only that element, so the rest
 * (the head with its styles and JSON-LD, the site's header and footer: about half of each page) changes nothing in the
 * index but cost about a quarter of its time (docs/scale.md). Only where something outside the element would change
 * the index (below) is the page given whole.
 */
export function indexedHtml(html: string, attributes: string | undefined, file: string): string {
  const start = bodyStart.exec(html);
  if (!start) {
    if (attributes === undefined) return html;
    throw new SearchIndexError(`found no data-pagefind-body element in ${file}`, [
      'The article layout must mark the article with data-pagefind-body: its search data goes inside it.',
    ]);
  }
  // The element's end: its closing tag at the same depth (elements of the same name may nest inside it).
  const tag = /^<([a-z]+)/i.exec(start[0])![1];
  const tags = new RegExp(`<(/?)${tag}\\b`, 'gi');
  tags.lastIndex = start.index + start[0].length;
  let depth = 1;
  let end = -1;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) {
      end = html.indexOf('>', match.index) + 1;
      break;
    }
  }
  if (end <= 0) throw new SearchIndexError(`found no end to the data-pagefind-body element in ${file}`, [`Its <${tag}> is not closed.`]);
  const open = start.index + start[0].length;
  // Pagefind takes a page's title from its first <h1> and its image from the first <img> after it, wherever they
  // are: a page with an <h1> before the element or an <img> after it is given whole, so the index never changes.
  if (/<h1\b/i.test(html.slice(0, start.index)) || /<img\b/i.test(html.slice(end))) {
    return `${html.slice(0, open)}${attributes ?? ''}${html.slice(open)}`;
  }
  const root = /<html\b[^>]*>/i.exec(html)?.[0] ?? '<html>';
  return `<!DOCTYPE html>${root}<head></head><body>${html.slice(start.index, open)}${attributes ?? ''}${html.slice(open, end)}</body></html>`;
}

class SearchIndexError extends Error {
  constructor(what: string, errors: string[]) {
    super(`Search index (Pagefind) ${what}:\n${errors.map((error) => `  ${error}`).join('\n')}`);
    this.name = 'SearchIndexError';
  }
}
