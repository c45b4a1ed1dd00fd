import { describe, expect, it } from 'vitest';
import {
  hasCriteria,
  highlightUrl,
  maxQueryLength,
  pagefindQuery,
  queryWords,
  readSearchState,
  searchQueryString,
  truncateQuery,
  type SearchState,
} from './search-query';

const read = (query: string) => readSearchState(new URLSearchParams(query));
const empty: SearchState = { q: '', type: '', speaker: '', topic: '', sort: 'relevance' };

describe('readSearchState', () => {
  it('reads the query, filters and sort from the URL', () => {
    expect(read('?q=pro-Kazakh&type=quote&speaker=Temur+Umarov&topic=Middle+Corridor&sort=newest')).toEqual({
      q: 'pro-Kazakh',
      type: 'quote',
      speaker: 'Temur Umarov',
      topic: 'Middle Corridor',
      sort: 'newest',
    });
  });

  it('falls back to no filter and relevance for unknown types and sorts', () => {
    expect(read('?type=script&sort=random')).toEqual(empty);
    expect(read('')).toEqual(empty);
  });

  it('keeps special characters as they were typed', () => {
    expect(read(`?q=${encodeURIComponent('"]}<script>')}`).q).toBe('"]}<script>');
  });

  it('cuts very long queries at a word boundary', () => {
    const long = 'Kazakhstan '.repeat(100);
    const { q } = read(`?q=${encodeURIComponent(long)}`);
    expect(q.length).toBeLessThanOrEqual(maxQueryLength);
    expect(q.split(' ').every((word) => word === 'Kazakhstan')).toBe(true);
    expect(truncateQuery('x'.repeat(500))).toHaveLength(maxQueryLength);
  });
});

describe('searchQueryString', () => {
  it('writes only what is set, and round-trips through readSearchState', () => {
    const state: SearchState = { q: '"]}<script> & co', type: 'quote', speaker: 'Temur Umarov', topic: '', sort: 'oldest' };
    const query = searchQueryString(state);
    expect(query).toBe('?q=%22%5D%7D%3Cscript%3E+%26+co&type=quote&speaker=Temur+Umarov&sort=oldest');
    expect(read(query)).toEqual(state);
    expect(searchQueryString(empty)).toBe('');
    expect(searchQueryString({ ...empty, q: '   ' })).toBe('');
  });
});

describe('pagefindQuery', () => {
  it('passes words, filters and the date sort to Pagefind', () => {
    expect(pagefindQuery({ ...empty, q: ' pro-Kazakh ', speaker: 'Roman Vassilenko', sort: 'newest' })).toEqual({
      term: 'pro-Kazakh',
      options: { filters: { speaker: 'Roman Vassilenko' }, sort: { date: 'desc' } },
    });
  });

  it('lists everything a filter allows when there are no words, and has nothing to search without either', () => {
    expect(pagefindQuery({ ...empty, type: 'person', sort: 'oldest' })).toEqual({
      term: null,
      options: { filters: { type: 'person' }, sort: { date: 'asc' } },
    });
    expect(hasCriteria({ ...empty, topic: 'Kazakhstan' })).toBe(true);
    expect(hasCriteria({ ...empty, q: '  ', sort: 'newest' })).toBe(false);
  });
});

describe('highlightUrl', () => {
  it('adds each searched word before the anchor, so the target page highlights it and still scrolls to the quote', () => {
    expect(highlightUrl('/articles/a/#quote-x', 'pro-Kazakh  "Astana"')).toBe(
      '/articles/a/?pagefind-highlight=pro-Kazakh&pagefind-highlight=Astana#quote-x',
    );
    expect(highlightUrl('/people/p/', 'a&b=<c>')).toBe('/people/p/?pagefind-highlight=a%26b%3D%3Cc%3E');
    expect(highlightUrl('/topics/t/', '   ')).toBe('/topics/t/');
  });

  it('drops repeated words and surrounding quotation marks', () => {
    expect(queryWords('“Kazakhstan” Kazakhstan \'pro\'')).toEqual(['Kazakhstan', 'pro']);
  });
});
