import { describe, expect, it } from 'vitest';
import { shownFilters } from './listing';

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
