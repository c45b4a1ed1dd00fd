/**
 * How the pages' code hands the search index what it indexes while Astro is still rendering (issues 13 and 14): the
 * articles route, which knows every article before any page is rendered, sends the plan (each article page with its
 * search data, and the records of people and topics); the middleware sends each article page as it is rendered. The
 * index (./search-index.ts) is then built during the rest of the build, instead of from the pages read back once
 * every page is written.
 *
 * The index is opened by the integration and fed by code bundled into Astro's page chunks: two copies of this module
 * in one process, so the open index lives on globalThis under a registered symbol. Outside a build (astro dev) there
 * is none, and both calls do nothing.
 */
import type { SearchRecord } from '@/lib/outputs/search-records';

/** One article page the index holds. */
export interface PlannedPage {
  /** Its URL ("/articles/x/"), as the middleware sees it and as search results link to it. */
  url: string;
  /** Its file, relative to the output folder ("articles/x/index.html"). */
  file: string;
  /** Its search data as Pagefind attributes (search-records.ts `pagefindAttributes`), added to what Pagefind reads. */
  attributes: string;
  /** Whether this build renders it; otherwise it is in the output folder already (a build from the live site). */
  rendered: boolean;
  /** Its page's key (./page-keys.ts): what the page shows, so an unchanged page's source for the index is kept too. */
  key: string;
  /**
   * The month the article was published in ("2022-10", UTC). The index reads articles month by month, oldest first,
   * so a new article comes last and a publish can have the months before it read early (./search-index-worker.ts).
   */
  shard: string;
}

export interface SearchPlan {
  language: string;
  /** Every article page: the rendered ones arrive through `indexPage`, the others are read from the output folder. */
  pages: PlannedPage[];
  /** Records without a page of their own: people and topics. */
  records: SearchRecord[];
}

export interface SearchFeed {
  plan(plan: SearchPlan): void;
  page(url: string, html: string): void;
}

const feedKey = Symbol.for('newsroom.search-feed');
type WithFeed = { [feedKey]?: SearchFeed };

/** Opened by the search index for one build, closed at its end. */
export function openSearchFeed(feed: SearchFeed | undefined): void {
  if (feed) (globalThis as WithFeed)[feedKey] = feed;
  else delete (globalThis as WithFeed)[feedKey];
}

/** Hands the build's index its plan; called once, by the articles route's getStaticPaths. */
export function planSearchIndex(plan: () => SearchPlan): void {
  (globalThis as WithFeed)[feedKey]?.plan(plan());
}

/** Hands the build's index a page as it is rendered; pages the plan does not list are ignored. */
export function indexPage(url: string, html: string): void {
  (globalThis as WithFeed)[feedKey]?.page(url, html);
}
