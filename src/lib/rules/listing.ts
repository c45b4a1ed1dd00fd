/** How many quotes a listing page holds before it paginates (issue 3: "a sensible size, e.g. 20"). */
export const quotesPageSize = 20;
/** How many quotes a topic page shows before pointing to the topic's full quotes listing. */
export const topicQuotesShown = 20;

/**
 * How many speakers, and how many topics, a quotes listing page offers as filters. A newsroom quotes hundreds of
 * people: listing them all on every listing page made each page grow with the site, and the site with its square.
 * Past this many, a page offers the most quoted and links to the full lists (/quotes/by/, /quotes/topic/).
 */
export const filtersShown = 12;

/**
 * The filters a listing page shows: all of them when there are at most `limit`, else the `limit` with the most quotes
 * (the current one always among them), in the order given.
 */
export function shownFilters<T extends { id: string; quotes: number }>(all: T[], current: string | undefined, limit = filtersShown): T[] {
  if (all.length <= limit) return all;
  // Each item carries its place, so ties break without searching the list (indexOf made the sort quadratic).
  const ranked = all
    .map((item, place) => ({ item, place }))
    .sort((a, b) => b.item.quotes - a.item.quotes || a.place - b.place)
    .map(({ item }) => item);
  const chosen = new Set(ranked.slice(0, limit));
  const active = all.find((item) => item.id === current);
  if (active && !chosen.has(active)) {
    chosen.delete(ranked[limit - 1]!);
    chosen.add(active);
  }
  return all.filter((item) => chosen.has(item));
}

/**
 * One page of a listing whose later pages are numbered from the oldest item (issue 14), so that a new item changes
 * the front page and the newest numbered page, not every page: page 1 always holds the oldest items, and a page keeps
 * its items when newer ones are published.
 */
export interface ListingPage<T> {
  /** The page's number counted from the oldest; undefined for the front page, which holds the newest items. */
  number: number | undefined;
  /** Its items, newest first. */
  items: T[];
  /** Where the next newer items are: a page number, 'front', or undefined on the front page. */
  newer: number | 'front' | undefined;
  /** The page of the next older items, if any. */
  older: number | undefined;
  /** The places of its oldest and newest item, counted from the oldest item of the listing, from 1. */
  first: number;
  last: number;
}

/**
 * A listing's pages: the front page holds the newest `size` items; the older ones fill numbered pages of `size` from
 * the oldest, so the newest numbered page may hold fewer. `items` come newest first.
 */
export function listingPages<T>(items: readonly T[], size = quotesPageSize): ListingPage<T>[] {
  const total = items.length;
  const archived = Math.max(0, total - size);
  const numbered = Math.ceil(archived / size);
  // Newest first in the list, so the item at place p (from the oldest, from 1) is items[total - p].
  const slice = (first: number, last: number) => items.slice(total - last, total - first + 1);
  const front: ListingPage<T> = {
    number: undefined,
    items: slice(archived + 1, total),
    newer: undefined,
    older: numbered || undefined,
    first: Math.min(archived + 1, total),
    last: total,
  };
  const pages = Array.from({ length: numbered }, (_, i): ListingPage<T> => {
    const number = i + 1;
    const first = i * size + 1;
    const last = Math.min(number * size, archived);
    return { number, items: slice(first, last), newer: number < numbered ? number + 1 : 'front', older: number > 1 ? number - 1 : undefined, first, last };
  });
  return [front, ...pages];
}
