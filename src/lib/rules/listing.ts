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
