/**
 * Builds the Pagefind search index during `astro build`, so `npm run build` ships a site whose search works (a failed
 * index fails the build, and scripts/build.mjs then keeps the previous dist/).
 *
 * Articles are indexed from their pages (`data-pagefind-body` marks the article; chrome is left out), and their quotes
 * and figures are found inside them; people and topics are custom records (src/lib/outputs/search-records.ts). The
 * index is built while Astro renders (issues 13 and 14): the articles route hands it the plan before any page is
 * rendered, and each article page reaches it as it is rendered (./search-feed.ts), so Pagefind reads the pages in its
 * own process, on the other core, during the rest of the build, and usually has written the index by the time the last
 * page is. Each page gets its search data (Pagefind attributes) added to what Pagefind reads; the file on disk, which
 * readers get, does not carry it.
 *
 * The pages go to Pagefind in the plan's order (the site's, newest first), which is the order Astro renders them in
 * and the order Pagefind numbers them in: the index is the same file for file whichever pages a build renders.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
// Imported with the config: the index starts during page generation, when Vite's module runner, which loads the
// config's imports, is closed to new ones.
import * as pagefind from 'pagefind';
import { openSearchFeed, type PlannedPage, type SearchFeed, type SearchPlan } from './search-feed.ts';

/** The index folder in the output; the search page loads `pagefind/pagefind.js` from it (searchBundleUrl). */
const bundleFolder = 'pagefind';
/** Where the records go when NEWSROOM_KEEP_SEARCH_RECORDS is set, to measure the index outside the build (scripts/bench/search-split.mjs). */
const recordsFile = 'search-records.json';
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
/**
 * How many pages are with Pagefind at once, not yet indexed; and how many pages left in place are read ahead of it.
 * Both bound the pages this process holds when Pagefind is slower than the pages come.
 */
const inFlight = 32;

export default function searchIndex(): AstroIntegration {
  let outDir = '';
  let index: BuildIndex | undefined;
  return {
    name: 'newsroom:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      // Open before any getStaticPaths runs, so the articles route finds the index to hand its plan to.
      'astro:build:start': ({ logger }) => {
        index = new BuildIndex(outDir, logger);
        openSearchFeed(index);
      },
      // Every page is written: a page the index still waits for is read from the output folder.
      'astro:build:generated': () => {
        index?.allWritten();
      },
      'astro:build:done': async () => {
        openSearchFeed(undefined);
        await index?.done();
      },
    },
  };
}

/** A page's HTML, to come: from the middleware as it is rendered, or from the output folder. */
interface Slot {
  page: PlannedPage;
  html?: Promise<string>;
  arrive?: (html: string) => void;
}

/** One build's index: takes the plan and the pages (SearchFeed), and writes the index when it has them all. */
class BuildIndex implements SearchFeed {
  readonly #outDir: string;
  readonly #logger: AstroIntegrationLogger;
  #slots: Slot[] | undefined;
  /** The rendered pages not yet arrived, by URL. */
  readonly #waiting = new Map<string, Slot>();
  #written: Promise<void> | undefined;

  constructor(outDir: string, logger: AstroIntegrationLogger) {
    this.#outDir = outDir;
    this.#logger = logger;
  }

  plan(plan: SearchPlan): void {
    if (this.#slots) throw new SearchIndexError('was given a second plan', ['Only the articles route plans the index (src/integrations/search-feed.ts).']);
    this.#slots = plan.pages.map((page) => {
      const slot: Slot = { page };
      if (page.rendered) {
        slot.html = new Promise((arrive) => (slot.arrive = arrive));
        this.#waiting.set(page.url, slot);
      }
      return slot;
    });
    this.#written = this.#build(plan, this.#slots);
    // Awaited at astro:build:done; a failure is reported there.
    this.#written.catch(() => {});
  }

  page(url: string, html: string): void {
    const slot = this.#waiting.get(url);
    if (!slot) return;
    this.#waiting.delete(url);
    slot.arrive!(html);
  }

  /** Every page is written: those that did not arrive (none, when the middleware ran on each) are read from disk. */
  allWritten(): void {
    for (const slot of this.#waiting.values()) slot.arrive!(this.#read(slot.page));
    this.#waiting.clear();
  }

  async done(): Promise<void> {
    if (!this.#written) {
      throw new SearchIndexError('was given no plan', ['The articles route hands the index its pages (planSearchIndex in src/integrations/search-feed.ts).']);
    }
    await this.#written;
  }

  #read(page: PlannedPage): Promise<string> {
    return fs.readFile(path.join(this.#outDir, page.file), 'utf8');
  }

  async #build(plan: SearchPlan, slots: Slot[]): Promise<void> {
    // Timed for the benchmark (scripts/bench.mjs reads "in N ms" from this log line): from the plan to the index written.
    const started = performance.now();
    // Read by the Pagefind service when it starts (at createIndex below); a size set outside the build wins.
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(indexChunkSize);
    try {
      const created = await pagefind.createIndex({ forceLanguage: plan.language });
      const index = created.index;
      if (!index) throw new SearchIndexError('could not start', created.errors);

      // Pages go to Pagefind in the plan's order without waiting on each (its service takes them one after another
      // either way, and the order numbers the pages in the index); at most `inFlight` are with it at once.
      const sent: Promise<void>[] = [];
      for (let i = 0; i < slots.length; i++) {
        // Pages left in place are read a little ahead of their turn.
        for (let ahead = i; ahead < Math.min(slots.length, i + inFlight); ahead++) slots[ahead]!.html ??= this.#read(slots[ahead]!.page);
        const slot = slots[i]!;
        const html = await slot.html!;
        slot.html = undefined;
        const content = indexedHtml(html, slot.page.attributes, slot.page.file);
        const added = index.addHTMLFile({ url: slot.page.url, content }).then(({ errors }) => {
          if (errors.length) throw new SearchIndexError(`could not index ${slot.page.file}`, errors);
        });
        // Awaited below; handled now, so a second failure after the first is not an unhandled rejection.
        added.catch(() => {});
        sent.push(added);
        if (sent.length >= inFlight) await sent.shift();
      }
      await Promise.all(sent);
      for (const record of plan.records) {
        const added = await index.addCustomRecord(record);
        if (added.errors.length) throw new SearchIndexError(`could not index ${record.url}`, added.errors);
      }
      const written = await index.writeFiles({ outputPath: path.join(this.#outDir, bundleFolder) });
      if (written.errors.length) throw new SearchIndexError('could not write the index', written.errors);
      this.#logger.info(
        `Search index: ${slots.length} article pages (with their quotes and figures) and ${plan.records.length} records of people and topics, ` +
          `in ${Math.round(performance.now() - started)} ms.`,
      );
    } finally {
      await pagefind.close();
    }
    if (process.env.NEWSROOM_KEEP_SEARCH_RECORDS) {
      await fs.writeFile(path.join(this.#outDir, recordsFile), JSON.stringify({ language: plan.language, records: plan.records }));
    }
  }
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
