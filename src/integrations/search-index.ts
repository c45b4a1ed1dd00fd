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
import type { AstroIntegration } from 'astro';
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

export default function searchIndex(): AstroIntegration {
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
      'astro:build:done': async ({ dir, logger }) => {
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

          let pageCount = 0;
          const pages = (await fs.readdir(path.join(outDir, articlesFolder), { recursive: true }))
            .filter((file) => path.basename(file) === 'index.html')
            .sort();
          for (const file of pages) {
            const id = path.dirname(file).split(path.sep).join('/');
            const html = await fs.readFile(path.join(outDir, articlesFolder, file), 'utf8');
            const attributes = articles[id];
            const start = attributes === undefined ? null : bodyStart.exec(html);
            if (attributes !== undefined && !start) {
              throw new SearchIndexError(`found no data-pagefind-body element in ${articlesFolder}/${file}`, [
                'The article layout must mark the article with data-pagefind-body: its search data goes inside it.',
              ]);
            }
            const content = start ? `${html.slice(0, start.index + start[0].length)}${attributes}${html.slice(start.index + start[0].length)}` : html;
            const added = await index.addHTMLFile({ url: `/${articlesFolder}/${id}/`, content });
            if (added.errors.length) throw new SearchIndexError(`could not index ${articlesFolder}/${file}`, added.errors);
            pageCount++;
          }
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
      },
    },
  };
}

class SearchIndexError extends Error {
  constructor(what: string, errors: string[]) {
    super(`Search index (Pagefind) ${what}:\n${errors.map((error) => `  ${error}`).join('\n')}`);
    this.name = 'SearchIndexError';
  }
}
