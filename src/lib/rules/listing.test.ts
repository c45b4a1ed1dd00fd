import { describe, expect, it } from 'vitest';
import { listingPages, shownFilters } from './listing';

const filter = (id: string, quotes: number) => ({ id, quotes });
// In the order the listing shows them (speakers by family name), with how many quotes each.
const all = [filter('a', 1), filter('b', 9), filter('c', 3), filter('d', 9), filter('e', 2), filter('f', 5)];

describe('shownFilters', () => {
  it('shows every filter when there are no more than the limit', () => {
    expect(shownFilters(all, undefined, 6)).toBe(all);
  });

  it('past the limit, shows the most quoted, in the listing order', () => {
    expect(shownFilters(all, undefined, 3).map((item) => item.id)).toEqual(['b', 'd', 'f']);
  });

  it('always shows the filter of the page the reader is on, in place of the least quoted', () => {
    expect(shownFilters(all, 'a', 3).map((item) => item.id)).toEqual(['a', 'b', 'd']);
    expect(shownFilters(all, 'd', 3).map((item) => item.id)).toEqual(['b', 'd', 'f']);
  });

  it('breaks ties in counts by the listing order', () => {
    expect(shownFilters(all, undefined, 1).map((item) => item.id)).toEqual(['b']);
  });
});

describe('listingPages', () => {
  // Items newest first, as listings hold them: the number is the place counted from the oldest.
  const newestFirst = (n: number) => Array.from({ length: n }, (_, i) => n - i);

  it('puts the newest on the front page and the rest on pages of the same size numbered from the oldest', () => {
    const pages = listingPages(newestFirst(47), 20);
    expect(pages.map((page) => page.number)).toEqual([undefined, 1, 2]);
    expect(pages[0]!.items).toEqual(newestFirst(47).slice(0, 20));
    expect(pages[1]!.items).toEqual(newestFirst(20));
    expect(pages[2]!.items).toEqual([27, 26, 25, 24, 23, 22, 21]);
    expect(pages.map(({ first, last }) => [first, last])).toEqual([[28, 47], [1, 20], [21, 27]]);
    expect(pages.map(({ newer, older }) => [newer, older])).toEqual([[undefined, 2], [2, undefined], ['front', 1]]);
  });

  it('lists every item once, newest first from the front page through the older pages', () => {
    for (const n of [0, 1, 19, 20, 21, 40, 41, 100]) {
      const pages = listingPages(newestFirst(n), 20);
      const order = [pages[0]!, ...pages.slice(1).reverse()];
      expect(order.flatMap((page) => page.items)).toEqual(newestFirst(n));
      for (const page of pages) expect(page.items.length).toBeLessThanOrEqual(20);
    }
  });

  it('keeps every numbered page but the newest as it was when a newer item is published', () => {
    const before = listingPages(newestFirst(65), 20);
    const after = listingPages(newestFirst(66), 20);
    const changed = after.filter((page) => JSON.stringify(page) !== JSON.stringify(before.find((old) => old.number === page.number)));
    expect(changed.map((page) => page.number)).toEqual([undefined, 3]);
    // When the newest numbered page is full, the next item starts a new one; the one before it gains a newer page.
    const full = listingPages(newestFirst(80), 20);
    const next = listingPages(newestFirst(81), 20);
    const changedAtTheEdge = next.filter((page) => JSON.stringify(page) !== JSON.stringify(full.find((old) => old.number === page.number)));
    expect(changedAtTheEdge.map((page) => page.number)).toEqual([undefined, 3, 4]);
  });
});
