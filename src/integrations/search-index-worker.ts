/**
 * The search index's own thread (./search-index.ts starts it for each build). It takes the plan and the article pages
 * as the build renders them, keeps for each page what Pagefind is to read of it in a folder of sources (a publish
 * rewrites only those of the pages it renders), and once it has them all, has Pagefind read the folder and write the
 * index, in Pagefind's own process, while Astro renders the rest of the site. On a thread of its own, none of this
 * waits for Astro's thread, which is busy with getStaticPaths and pages for seconds at a time (issues 13 and 14).
 *
 * The sources are kept by the month each article was published in, and Pagefind reads them month by month, oldest
 * first: its index depends on the order it reads pages in, and in this order a new article comes last. So a build
 * from the live site has Pagefind read the months the last build left, all but the newest, while Astro is still
 * starting, before the plan says what changed; once it does, the pages it rewrote in those months are handed over in
 * place (Pagefind replaces a page it has by URL) and the months after them read. When the plan does not fit what was
 * read early (an article gone or moved from those months, one added to them, or many rewritten), that read is dropped
 * and the index read whole, as in a cold build: the index is the same file for file either way.
 *
 * Loaded by Node itself, not Vite: imports carry their extension, and nothing here may need Vite.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { PlannedPage, SearchPlan } from './search-feed.ts';
import { dropUnnamedIndexFiles, linkLiveIndexFiles } from './search-index-files.ts';
import { htmlFiles, limit, removeWithEmptyFolders, writeAtomically } from './index-thread-files.ts';
import { indexedHtml, SearchIndexError } from './search-source.ts';

/** What the build's thread sends this one. */
export type ToIndex = { plan: SearchPlan } | { page: { url: string; html: string } } | { allWritten: PlannedPage[] };
/** What this thread answers, once. */
export type FromIndex = { readEarly: number } | { written: { pages: number; records: number; readEarly: number; keptFiles: number } } | { failed: string };
export interface IndexWorkerData {
  outDir: string;
  /**
   * In a build from the live site, its folder: a page left in place is read there, since scripts/build.mjs may still
   * be linking it into the output folder (seeded-output.ts `liveOutputEnv`).
   */
  liveDir?: string | undefined;
  /** Where the article pages' sources for Pagefind are kept between builds (in Astro's cache folder). */
  sourcesDir: string;
  chunkSize: number;
  /**
   * Whether to have Pagefind read the sources the last build left before the plan comes: in a build from the live
   * site (scripts/build.mjs seeded its output), where most are still good. A cold build rewrites them all.
   */
  readEarly: boolean;
}

/** The index folder in the output; the search page loads `pagefind/pagefind.js` from it (searchBundleUrl). */
const bundleFolder = 'pagefind';
/** Where the records go when NEWSROOM_KEEP_SEARCH_RECORDS is set, to measure the index outside the build (scripts/bench/search-split.mjs). */
const recordsFile = 'search-records.json';
/**
 * The sources folder's record: the index's language, and by URL the page key and search data each source was written
 * from.
 */
const sourcesRecord = 'sources.json';
interface SourcesRecord {
  language?: string | undefined;
  pages: Record<string, string>;
}
/** How many pages left in place are read at once. */
const readsAtOnce = 32;
/** The sources folder's folders: one per month ("2022-10"), as PlannedPage.shard names them. */
const shardName = /^\d{4}-\d{2}$/;
/**
 * At most this many pages read early are handed over again after the plan, one message each; more, and Pagefind
 * reading every source in parallel is quicker.
 */
const handedOverAtMost = 100;

/** What Pagefind read before the plan came: by month, the sources it read (paths within the month's folder). */
interface EarlyRead {
  index: pagefind.PagefindIndex;
  language: string;
  shards: Map<string, Set<string>>;
  pages: number;
}

/** One build's index: takes the plan and the pages, and writes the index when it has them all. */
class Indexer {
  readonly #outDir: string;
  readonly #liveDir: string;
  readonly #sources: string;
  #planned = false;
  /** Pagefind's read of the sources the last build left, started before the plan (IndexWorkerData.readEarly). */
  readonly #early: Promise<EarlyRead | undefined>;
  /** The live index's files linked into the output's, in a build from the live site (./search-index-files.ts). */
  readonly #linked: Promise<string[]>;
  /** The rendered pages not yet arrived, by URL: each one's hand-over. */
  readonly #waiting = new Map<string, (html: string) => void>();
  /** Every rendered page, by URL: its HTML once it has arrived. */
  readonly #arrivals = new Map<string, Promise<string>>();

  constructor({ outDir, liveDir, sourcesDir, chunkSize, readEarly }: IndexWorkerData, report: (message: FromIndex) => void) {
    this.#outDir = outDir;
    this.#liveDir = liveDir ?? outDir;
    this.#sources = sourcesDir;
    // Read by the Pagefind service when it starts (at the first createIndex); a size set outside the build wins.
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(chunkSize);
    // Only a speed-up: if it fails, the index is read whole after the plan, and the failure, if it lasts, shows there.
    this.#early = readEarly ? this.#readEarly().catch(() => undefined) : Promise.resolve(undefined);
    void this.#early.then((early) => early && report({ readEarly: early.pages }));
    this.#linked = readEarly && liveDir && liveDir !== outDir ? linkLiveIndexFiles(path.join(liveDir, bundleFolder), path.join(outDir, bundleFolder)) : Promise.resolve([]);
  }

  /** Starts the index; settles once it is written. */
  async plan(plan: SearchPlan): Promise<FromIndex> {
    if (this.#planned) throw new SearchIndexError('was given a second plan', ['Only the articles route plans the index (src/integrations/search-feed.ts).']);
    this.#planned = true;
    for (const page of plan.pages) {
      if (!shardName.test(page.shard)) throw new SearchIndexError(`was given the month "${page.shard}" for ${page.url}`, ['A month is written YYYY-MM.']);
    }
    // Before anything else, so that no page arriving meanwhile is missed.
    for (const page of plan.pages) {
      if (page.rendered) this.#arrivals.set(page.url, new Promise((arrive) => this.#waiting.set(page.url, arrive)));
    }
    // A read under way ends first: the sources are about to change.
    const early = await this.#early;
    const rewritten = await this.#writeSources(plan);
    const { readEarly, keptFiles } = await this.#index(plan, early, rewritten);
    if (process.env.NEWSROOM_KEEP_SEARCH_RECORDS) {
      await fs.writeFile(path.join(this.#outDir, recordsFile), JSON.stringify({ language: plan.language, records: plan.records }));
    }
    return { written: { pages: plan.pages.length, records: plan.records.length, readEarly, keptFiles } };
  }

  /**
   * Has Pagefind read the sources the last build left, month by month, oldest first, until the plan comes; the newest
   * month is left for after it, as a publish most often adds to it. Returns what was read, if anything.
   */
  async #readEarly(): Promise<EarlyRead | undefined> {
    const record = await this.#record();
    const shards = (await fs.readdir(this.#sources).catch(() => [] as string[])).filter((name) => shardName.test(name)).sort();
    shards.pop();
    if (!record.language || !shards.length || this.#planned) return undefined;
    const created = await pagefind.createIndex({ forceLanguage: record.language });
    const index = created.index;
    if (!index) return undefined;
    const early: EarlyRead = { index, language: record.language, shards: new Map(), pages: 0 };
    try {
      for (const shard of shards) {
        if (this.#planned) break;
        const folder = path.join(this.#sources, shard);
        const files = new Set(await htmlFiles(folder));
        const added = await index.addDirectory({ path: folder });
        if (added.errors.length || added.page_count !== files.size) throw new SearchIndexError(`could not read ${folder}`, added.errors);
        early.shards.set(shard, files);
        early.pages += files.size;
      }
    } catch (error) {
      await index.deleteIndex();
      throw error;
    }
    if (early.pages > 0) return early;
    await index.deleteIndex();
    return undefined;
  }

  async #record(): Promise<SourcesRecord> {
    const text = await fs.readFile(path.join(this.#sources, sourcesRecord), 'utf8').catch(() => '{}');
    const record = JSON.parse(text) as Partial<SourcesRecord>;
    // A record from before the sources were kept by month vouches for nothing.
    return { language: record.language, pages: record.pages ?? {} };
  }

  /**
   * Each article page as Pagefind is to read it, in the sources folder, laid out as the site's URLs: a rendered page
   * as it arrives; a page left in place from the output folder, unless its source is there already from an earlier
   * build with the same page key and search data (the sources' record says so); none other. A publish writes the
   * sources of the pages it renders, and reads no other page.
   */
  async #writeSources({ pages, language }: SearchPlan): Promise<PlannedPage[]> {
    const recordFile = path.join(this.#sources, sourcesRecord);
    const record = await this.#record();
    const stamps = new Map(pages.map((page) => [page.url, `${page.key} ${createHash('sha256').update(page.attributes).digest('base64')}`]));
    const planned = new Set(pages.map((page) => this.#source(page)));
    const present = new Set((await htmlFiles(this.#sources)).map((file) => path.join(this.#sources, file)));
    const toWrite = pages.filter((page) => page.rendered || !present.has(this.#source(page)) || record.pages[page.url] !== stamps.get(page.url));
    // Sources no page has now (an article deleted, unpublished, or moved to another month) go, with any folder they
    // leave empty; the record forgets, before anything is rewritten, every source about to be, so a build stopped
    // halfway leaves no source the record vouches for wrongly. So does an index in another language.
    for (const source of present) if (!planned.has(source)) await removeWithEmptyFolders(source, this.#sources);
    if (record.language !== language) record.pages = {};
    record.language = language;
    for (const url of Object.keys(record.pages)) if (!stamps.has(url)) delete record.pages[url];
    for (const page of toWrite) delete record.pages[page.url];
    await writeAtomically(recordFile, JSON.stringify(record));

    const reads = limit(readsAtOnce);
    await Promise.all(
      toWrite.map(async (page) => {
        const html = page.rendered ? await this.#arrivals.get(page.url)! : await reads(() => fs.readFile(path.join(this.#liveDir, page.file), 'utf8'));
        // Held no longer than it takes to write its source: a cold build's pages would otherwise all stay in memory.
        this.#arrivals.delete(page.url);
        const source = this.#source(page);
        await fs.mkdir(path.dirname(source), { recursive: true });
        await fs.writeFile(source, indexedHtml(html, page.attributes, page.file));
        record.pages[page.url] = stamps.get(page.url)!;
      }),
    );
    await writeAtomically(recordFile, JSON.stringify(record));
    return toWrite;
  }

  /** A page's source: in its month's folder, laid out as the site's URLs, since Pagefind takes the URL from the path. */
  #source(page: PlannedPage): string {
    return path.join(this.#sources, page.shard, sourceInShard(page));
  }

  page(url: string, html: string): void {
    const arrive = this.#waiting.get(url);
    if (!arrive) return;
    this.#waiting.delete(url);
    arrive(html);
  }

  /** Every page is written: those that did not arrive (none, when the middleware ran on each) are read from disk. */
  allWritten(pages: readonly PlannedPage[]): void {
    for (const page of pages) {
      fs.readFile(path.join(this.#outDir, page.file), 'utf8').then((html) => this.page(page.url, html), () => this.page(page.url, ''));
    }
  }

  /**
   * Pagefind reads the sources itself (`addDirectory`, in parallel in its own process: about five times faster than
   * handing it the pages one by one), month by month, in an order that depends only on the files, so the index is the
   * same file for file whichever pages this build rendered. What it read early is kept when the plan fits it (see the
   * top of this file). Pagefind writes only the files the live index, linked in, lacks (./search-index-files.ts).
   * Returns how many pages were read early and kept, and how many of the live index's files.
   */
  async #index(plan: SearchPlan, early: EarlyRead | undefined, rewritten: readonly PlannedPage[]): Promise<{ readEarly: number; keptFiles: number }> {
    const shards = new Map<string, Set<string>>();
    for (const page of plan.pages) {
      shards.set(page.shard, (shards.get(page.shard) ?? new Set()).add(sourceInShard(page)));
    }
    const months = [...shards.keys()].sort();
    const kept = early && fits(early, plan.language, shards, rewritten) ? early : undefined;
    try {
      if (early && !kept) await early.index.deleteIndex();
      let index = kept?.index;
      if (!index) {
        const created = await pagefind.createIndex({ forceLanguage: plan.language });
        if (!created.index) throw new SearchIndexError('could not start', created.errors);
        index = created.index;
      }
      let pages = kept?.pages ?? 0;
      for (const month of months.filter((month) => !kept?.shards.has(month))) {
        const added = await index.addDirectory({ path: path.join(this.#sources, month) });
        if (added.errors.length) throw new SearchIndexError('could not read the article pages', added.errors);
        pages += added.page_count;
      }
      // Pages read early and rewritten since take the place they had.
      for (const page of kept ? rewritten.filter((page) => kept.shards.has(page.shard)) : []) {
        const content = await fs.readFile(this.#source(page), 'utf8');
        const added = await index.addHTMLFile({ sourcePath: sourceInShard(page), content });
        if (added.errors.length) throw new SearchIndexError(`could not read ${page.file}`, added.errors);
      }
      if (pages !== plan.pages.length) {
        throw new SearchIndexError(`read ${pages} article pages of ${plan.pages.length}`, ['Each article page should be indexed once.']);
      }
      for (const record of plan.records) {
        const recorded = await index.addCustomRecord(record);
        if (recorded.errors.length) throw new SearchIndexError(`could not index ${record.url}`, recorded.errors);
      }
      const bundle = path.join(this.#outDir, bundleFolder);
      const linked = await this.#linked;
      const write = async () => {
        const written = await index.writeFiles({ outputPath: bundle });
        if (written.errors.length) throw new SearchIndexError('could not write the index', written.errors);
      };
      await write();
      let keptFiles = 0;
      if (linked.length) {
        try {
          keptFiles = await dropUnnamedIndexFiles(bundle, linked);
        } catch {
          // An index whose files cannot be told apart is written afresh, as a cold build writes it.
          await fs.rm(bundle, { recursive: true, force: true });
          await write();
        }
      }
      return { readEarly: kept?.pages ?? 0, keptFiles };
    } finally {
      await pagefind.close();
    }
  }
}

/**
 * Whether what Pagefind read early can stay in the index: the plan has exactly the pages read in each month read (so
 * none is to go, and none to come in between), every other month comes after them, and few of the pages read were
 * rewritten since.
 */
function fits(early: EarlyRead, language: string, shards: ReadonlyMap<string, ReadonlySet<string>>, rewritten: readonly PlannedPage[]): boolean {
  if (early.language !== language) return false;
  const last = [...early.shards.keys()].sort().at(-1)!;
  for (const [month, files] of early.shards) {
    const planned = shards.get(month);
    if (!planned || planned.size !== files.size || [...planned].some((file) => !files.has(file))) return false;
  }
  if ([...shards.keys()].some((month) => !early.shards.has(month) && month < last)) return false;
  return rewritten.filter((page) => early.shards.has(page.shard)).length <= handedOverAtMost;
}

/** A page's source within its month's folder ("articles/x/index.html"), with / between folders whatever the system. */
function sourceInShard(page: PlannedPage): string {
  return [...decodeURI(page.url).split('/').filter(Boolean), 'index.html'].join('/');
}

// Run as the index's thread (not when a module imports its types): answer the one build's messages.
if (parentPort && (workerData as { newsroomSearchIndex?: IndexWorkerData } | undefined)?.newsroomSearchIndex) {
  const port = parentPort;
  const data = (workerData as { newsroomSearchIndex: IndexWorkerData }).newsroomSearchIndex;
  const answer = (message: FromIndex) => port.postMessage(message);
  const indexer = new Indexer(data, answer);
  port.on('message', (message: ToIndex) => {
    try {
      if ('page' in message) indexer.page(message.page.url, message.page.html);
      else if ('allWritten' in message) indexer.allWritten(message.allWritten);
      else indexer.plan(message.plan).then(answer, (error: unknown) => answer({ failed: error instanceof Error ? error.message : String(error) }));
    } catch (error) {
      answer({ failed: error instanceof Error ? error.message : String(error) });
    }
  });
}
