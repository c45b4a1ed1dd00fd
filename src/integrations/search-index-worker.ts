/**
 * The search index's own thread (./search-index.ts starts it for each build). It takes the plan and the article pages
 * as the build renders them, keeps for each page what Pagefind is to read of it in a folder of sources (a publish
 * rewrites only those of the pages it renders), and once it has them all, has Pagefind read the folder and write the
 * index, in Pagefind's own process, while Astro renders the rest of the site. On a thread of its own, none of this
 * waits for Astro's thread, which is busy with getStaticPaths and pages for seconds at a time (issues 13 and 14).
 *
 * Loaded by Node itself, not Vite: imports carry their extension, and nothing here may need Vite.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { PlannedPage, SearchPlan } from './search-feed.ts';

/** What the build's thread sends this one. */
export type ToIndex = { plan: SearchPlan } | { page: { url: string; html: string } } | { allWritten: PlannedPage[] };
/** What this thread answers, once. */
export type FromIndex = { written: { pages: number; records: number } } | { failed: string };
export interface IndexWorkerData {
  outDir: string;
  /** Where the article pages' sources for Pagefind are kept between builds (in Astro's cache folder). */
  sourcesDir: string;
  chunkSize: number;
}

/** The index folder in the output; the search page loads `pagefind/pagefind.js` from it (searchBundleUrl). */
const bundleFolder = 'pagefind';
/** Where the records go when NEWSROOM_KEEP_SEARCH_RECORDS is set, to measure the index outside the build (scripts/bench/search-split.mjs). */
const recordsFile = 'search-records.json';
/** Where the article's search data goes in its page: first thing inside the element Pagefind indexes. */
const bodyStart = /<[a-z]+\b[^>]*\sdata-pagefind-body\b[^>]*>/i;
/** The sources folder's record: by URL, the page key and search data each source was written from. */
const sourcesRecord = 'sources.json';
/** How many pages left in place are read at once. */
const readsAtOnce = 32;

/** One build's index: takes the plan and the pages, and writes the index when it has them all. */
class Indexer {
  readonly #outDir: string;
  readonly #sources: string;
  #planned = false;
  /** The rendered pages not yet arrived, by URL: each one's hand-over. */
  readonly #waiting = new Map<string, (html: string) => void>();
  /** Every rendered page, by URL: its HTML once it has arrived. */
  readonly #arrivals = new Map<string, Promise<string>>();

  constructor({ outDir, sourcesDir }: IndexWorkerData) {
    this.#outDir = outDir;
    this.#sources = sourcesDir;
  }

  /** Starts the index; settles once it is written. */
  async plan(plan: SearchPlan, chunkSize: number): Promise<FromIndex> {
    if (this.#planned) throw new SearchIndexError('was given a second plan', ['Only the articles route plans the index (src/integrations/search-feed.ts).']);
    this.#planned = true;
    // Before anything else, so that no page arriving meanwhile is missed.
    for (const page of plan.pages) {
      if (page.rendered) this.#arrivals.set(page.url, new Promise((arrive) => this.#waiting.set(page.url, arrive)));
    }
    await this.#writeSources(plan.pages);
    await this.#index(plan, chunkSize);
    if (process.env.NEWSROOM_KEEP_SEARCH_RECORDS) {
      await fs.writeFile(path.join(this.#outDir, recordsFile), JSON.stringify({ language: plan.language, records: plan.records }));
    }
    return { written: { pages: plan.pages.length, records: plan.records.length } };
  }

  /**
   * Each article page as Pagefind is to read it, in the sources folder, laid out as the site's URLs: a rendered page
   * as it arrives; a page left in place from the output folder, unless its source is there already from an earlier
   * build with the same page key and search data (the sources' record says so); none other. A publish writes the
   * sources of the pages it renders, and reads no other page.
   */
  async #writeSources(pages: readonly PlannedPage[]): Promise<void> {
    const recordFile = path.join(this.#sources, sourcesRecord);
    const record = JSON.parse(await fs.readFile(recordFile, 'utf8').catch(() => '{}')) as Record<string, string>;
    const stamps = new Map(pages.map((page) => [page.url, `${page.key} ${createHash('sha256').update(page.attributes).digest('base64')}`]));
    const planned = new Set(pages.map((page) => this.#source(page.url)));
    const present = new Set(
      (await fs.readdir(this.#sources, { recursive: true }).catch(() => [] as string[]))
        .filter((file) => file.endsWith('.html'))
        .map((file) => path.join(this.#sources, file)),
    );
    const toWrite = pages.filter((page) => page.rendered || !present.has(this.#source(page.url)) || record[page.url] !== stamps.get(page.url));
    // Sources no page has now (an article deleted, or unpublished) go; the record forgets, before anything is
    // rewritten, every source about to be, so a build stopped halfway leaves no source the record vouches for wrongly.
    for (const source of present) if (!planned.has(source)) await fs.rm(source, { force: true });
    for (const url of Object.keys(record)) if (!stamps.has(url)) delete record[url];
    for (const page of toWrite) delete record[page.url];
    await writeAtomically(recordFile, JSON.stringify(record));

    const reads = limit(readsAtOnce);
    await Promise.all(
      toWrite.map(async (page) => {
        const html = page.rendered ? await this.#arrivals.get(page.url)! : await reads(() => this.#read(page));
        // Held no longer than it takes to write its source: a cold build's pages would otherwise all stay in memory.
        this.#arrivals.delete(page.url);
        const source = this.#source(page.url);
        await fs.mkdir(path.dirname(source), { recursive: true });
        await fs.writeFile(source, indexedHtml(html, page.attributes, page.file));
        record[page.url] = stamps.get(page.url)!;
      }),
    );
    await writeAtomically(recordFile, JSON.stringify(record));
  }

  #source(url: string): string {
    return path.join(this.#sources, ...decodeURI(url).split('/').filter(Boolean), 'index.html');
  }

  page(url: string, html: string): void {
    const arrive = this.#waiting.get(url);
    if (!arrive) return;
    this.#waiting.delete(url);
    arrive(html);
  }

  /** Every page is written: those that did not arrive (none, when the middleware ran on each) are read from disk. */
  allWritten(pages: readonly PlannedPage[]): void {
    for (const page of pages) this.#read(page).then((html) => this.page(page.url, html), () => this.page(page.url, ''));
  }

  #read(page: PlannedPage): Promise<string> {
    return fs.readFile(path.join(this.#outDir, page.file), 'utf8');
  }

  /**
   * Pagefind reads the sources itself (`addDirectory`, in parallel in its own process: about five times faster than
   * handing it the pages one by one), in an order of its own that depends only on the files, so the index is the
   * same file for file whichever pages this build rendered.
   */
  async #index(plan: SearchPlan, chunkSize: number): Promise<void> {
    // Read by the Pagefind service when it starts (at createIndex below); a size set outside the build wins.
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(chunkSize);
    try {
      const created = await pagefind.createIndex({ forceLanguage: plan.language });
      const index = created.index;
      if (!index) throw new SearchIndexError('could not start', created.errors);
      const added = await index.addDirectory({ path: this.#sources });
      if (added.errors.length) throw new SearchIndexError('could not read the article pages', added.errors);
      if (added.page_count !== plan.pages.length) {
        throw new SearchIndexError(`read ${added.page_count} article pages of ${plan.pages.length}`, ['Each article page should be indexed once.']);
      }
      for (const record of plan.records) {
        const recorded = await index.addCustomRecord(record);
        if (recorded.errors.length) throw new SearchIndexError(`could not index ${record.url}`, recorded.errors);
      }
      const written = await index.writeFiles({ outputPath: path.join(this.#outDir, bundleFolder) });
      if (written.errors.length) throw new SearchIndexError('could not write the index', written.errors);
    } finally {
      await pagefind.close();
    }
  }
}

/** Replaces a file whole: a build stopped midway leaves the old one or the new one, never half of either. */
async function writeAtomically(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(`${file}.${process.pid}.next`, text);
  await fs.rename(`${file}.${process.pid}.next`, file);
}

/** Runs at most `n` of the tasks given it at once. */
function limit(n: number) {
  let running = 0;
  const queue: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((start) => queue.push(start));
    running++;
    try {
      return await task();
    } finally {
      running--;
      queue.shift()?.();
    }
  };
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

export class SearchIndexError extends Error {
  constructor(what: string, errors: string[]) {
    super(`Search index (Pagefind) ${what}:\n${errors.map((error) => `  ${error}`).join('\n')}`);
    this.name = 'SearchIndexError';
  }
}

// Run as the index's thread (not when a test imports indexedHtml): answer the one build's messages.
if (parentPort && (workerData as { newsroomSearchIndex?: IndexWorkerData } | undefined)?.newsroomSearchIndex) {
  const port = parentPort;
  const data = (workerData as { newsroomSearchIndex: IndexWorkerData }).newsroomSearchIndex;
  const indexer = new Indexer(data);
  const { chunkSize } = data;
  const answer = (message: FromIndex) => port.postMessage(message);
  port.on('message', (message: ToIndex) => {
    try {
      if ('page' in message) indexer.page(message.page.url, message.page.html);
      else if ('allWritten' in message) indexer.allWritten(message.allWritten);
      else indexer.plan(message.plan, chunkSize).then(answer, (error: unknown) => answer({ failed: error instanceof Error ? error.message : String(error) }));
    } catch (error) {
      answer({ failed: error instanceof Error ? error.message : String(error) });
    }
  });
}
