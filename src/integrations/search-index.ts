/**
 * Builds the Pagefind search index during `astro build`, so `npm run build` ships a site whose search works (a failed
 * index fails the build, and scripts/build.mjs then keeps the previous dist/).
 *
 * Articles are indexed from their pages (`data-pagefind-body` marks the article; chrome is left out), and their quotes
 * and figures are found inside them; people and topics are custom records (src/lib/outputs/search-records.ts). The
 * index is built while Astro renders (issues 13 and 14): the articles route hands it the plan before any page is
 * rendered, and each article page reaches it as it is rendered (./search-feed.ts). The index has a thread of its own
 * (./search-index-worker.ts): it writes what Pagefind is to read of each article page (the page's search data, as
 * Pagefind attributes, added; the file on disk, which readers get, does not carry it) as the page arrives or, for a
 * page the build left in place, from the output folder; then Pagefind reads them all at once in its own process, on
 * the other core, and has usually written the index by the time Astro has written the last page. In a build from the
 * live site, Pagefind reads the sources the last build left while Astro is still starting (the worker says how).
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { indexPagesFirst } from './index-pages-first.ts';
import { openSearchFeed, type PlannedPage, type SearchFeed, type SearchPlan } from './search-feed.ts';
import { liveOutputEnv, seededOutputEnv } from './seeded-output.ts';
import type { FromIndex, IndexWorkerData, ToIndex } from './search-index-worker.ts';
import { SearchIndexError } from './search-source.ts';

export { indexedHtml } from './search-source.ts';

/**
 * How many word positions Pagefind puts in one index chunk (its default is 20,000). A first search loads one chunk per
 * word it types, so smaller chunks mean fewer bytes for it, at the cost of a longer chunk list in `pf_meta`, which
 * every first search loads too. Pagefind 1.5+ reads it from the environment of its service process, which
 * `createIndex` starts; the name says it may change in a later Pagefind. Chosen by measuring the benchmark's first
 * search at 1,000 articles at several sizes (docs/scale.md).
 */
export const indexChunkSize = 2500;

export default function searchIndex(): AstroIntegration {
  let outDir = '';
  let sourcesDir = '';
  let index: BuildIndex | undefined;
  return {
    name: 'newsroom:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        sourcesDir = fileURLToPath(new URL('search-sources/', config.cacheDir));
      },
      // Open before any getStaticPaths runs, so the articles route finds the index to hand its plan to.
      // The pages the index waits for are rendered before any other (./index-pages-first.ts).
      'astro:build:start': ({ logger, setPrerenderer }) => {
        const readEarly = process.env[seededOutputEnv] === '1';
        const liveDir = readEarly ? process.env[liveOutputEnv] : undefined;
        const opened = new BuildIndex({ outDir, liveDir, sourcesDir, chunkSize: indexChunkSize, readEarly }, logger);
        index = opened;
        opened.start();
        openSearchFeed(opened);
        setPrerenderer((standard) => indexPagesFirst(standard, () => opened.waitingFor()));
      },
      // Every page is written: a page the index still waits for is read from the output folder. If the index is still
      // being written (a publish: Pagefind writes it once the new article's page is in, 2 to 3 s at 1,000 articles),
      // that write is the build's last step, and what this thread has left (the checks across entries, the pages'
      // keys, the sitemap) waits on nothing else: so this thread gives up the core to Pagefind's process when both
      // want it. Its priority only goes down (a process may not raise it again), and only this thread's. In six
      // interleaved pairs of 1,000-article publishes the index took 3.19 s from the plan against 3.37 s, the publish
      // 8.79 s against 9.08 s (docs/scale.md).
      'astro:build:generated': () => {
        index?.allWritten();
        if (index?.writing) yieldToIndex();
      },
      'astro:build:done': async () => {
        openSearchFeed(undefined);
        await index?.done();
      },
    },
  };
}

/** Lowers the priority of the calling thread (Astro's): Pagefind's process and the index's thread keep theirs. */
function yieldToIndex(): void {
  try {
    os.setPriority(0, 10);
  } catch {
    // Where a thread cannot be lowered, the build takes as long as before.
  }
}

/** One build's index, as Astro's thread sees it: passes the plan and the pages on to the index's thread. */
class BuildIndex implements SearchFeed {
  readonly #data: IndexWorkerData;
  readonly #logger: AstroIntegrationLogger;
  #worker: Worker | undefined;
  /** The pages the index waits for from this build, by URL. */
  readonly #rendered = new Map<string, PlannedPage>();
  #written: Promise<void> | undefined;
  /** Whether the index's thread is still at work (started and not yet answered). */
  writing = false;
  /** When the plan came (performance.now()), once it has. */
  #planned: number | undefined;

  constructor(data: IndexWorkerData, logger: AstroIntegrationLogger) {
    this.#data = data;
    this.#logger = logger;
  }

  /** Starts the index's thread, which loads Pagefind while Astro bundles the site and gets the pages' paths. */
  start(): void {
    const worker = new Worker(new URL('./search-index-worker.ts', import.meta.url), { workerData: { newsroomSearchIndex: this.#data } });
    // A build that fails before astro:build:done must be free to end: the thread holds the process only while
    // astro:build:done waits for it.
    worker.unref();
    this.#worker = worker;
    this.writing = true;
    this.#written = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromIndex) => {
        if ('readEarly' in message) return this.#logger.debug(`Read ${message.readEarly} article pages the last build left, before the plan.`);
        void worker.terminate();
        if ('failed' in message) return reject(new Error(message.failed));
        // Timed for the benchmark (scripts/bench.mjs reads "in N ms" from this line): from the plan to the index written.
        const { pages, records, readEarly, keptFiles } = message.written;
        const kept = [readEarly && `${readEarly} pages read before the plan, kept`, keptFiles && `${keptFiles} files of the live index kept`].filter(Boolean);
        this.#logger.info(
          `Search index: ${pages} article pages (with their quotes and figures) and ${records} records of people and topics, ` +
            `in ${Math.round(performance.now() - this.#planned!)} ms${kept.length ? ` (${kept.join('; ')})` : ''}.`,
        );
        resolve();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new SearchIndexError(`stopped (exit ${code}) before it wrote the index`, [])));
    });
    // Awaited at astro:build:done; a failure is reported there.
    this.#written.then(
      () => (this.writing = false),
      () => (this.writing = false),
    );
  }

  plan(plan: SearchPlan): void {
    if (this.#planned !== undefined) throw new SearchIndexError('was given a second plan', ['Only the articles route plans the index (src/integrations/search-feed.ts).']);
    this.#planned = performance.now();
    for (const page of plan.pages) if (page.rendered) this.#rendered.set(page.url, page);
    this.#send({ plan });
  }

  /** The URLs of the pages this build renders that the index has not had yet. */
  waitingFor(): string[] {
    return [...this.#rendered.keys()];
  }

  page(url: string, html: string): void {
    if (!this.#rendered.delete(url)) return;
    this.#send({ page: { url, html } });
  }

  /** Every page is written: the index reads those that never reached it (none, when the middleware ran on each). */
  allWritten(): void {
    this.#send({ allWritten: [...this.#rendered.values()] });
    this.#rendered.clear();
  }

  async done(): Promise<void> {
    if (!this.#worker || !this.#written) return;
    if (this.#planned === undefined) {
      void this.#worker.terminate();
      throw new SearchIndexError('was given no plan', ['The articles route hands the index its pages (planSearchIndex in src/integrations/search-feed.ts).']);
    }
    this.#worker.ref();
    try {
      await this.#written;
    } finally {
      this.#worker.unref();
    }
  }

  #send(message: ToIndex): void {
    this.#worker?.postMessage(message);
  }
}
