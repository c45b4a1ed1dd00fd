/**
 * The search page's state lives in its URL (`/search/?q=...&type=quote&speaker=...`), so a search can be shared and
 * the back button works. These pure functions read and write that state and turn it into Pagefind options.
 */
/** The kinds of record in the index, in the order the search form offers them (the `type` filter). */
export const searchTypes = ['quote', 'person', 'article', 'topic', 'figure'] as const;
export type SearchType = (typeof searchTypes)[number];
/** What readers see for each type: one result's label, and the type's name in the form's list. */
export const searchTypeNames: Record<SearchType, [one: string, many: string]> = {
  quote: ['Quote', 'Quotes'],
  person: ['Person', 'People'],
  article: ['Article', 'Articles'],
  topic: ['Topic', 'Topics'],
  figure: ['Figure', 'Figures'],
};

export const sortOrders = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof sortOrders)[number];

/** The filters the index carries, in the order the search form offers them. */
export const filterNames = ['type', 'speaker', 'topic'] as const;
export type FilterName = (typeof filterNames)[number];

/**
 * The speaker and topic lists of the search form, each value with how many entries choosing it with no words lists;
 * fetched from searchFiltersUrl when a reader reaches for the form's filters (src/pages/search/filters.json.ts).
 */
export type SearchFilterLists = Record<'speaker' | 'topic', [value: string, count: number][]>;

export interface SearchState {
  q: string;
  type: SearchType | '';
  speaker: string;
  topic: string;
  sort: SortOrder;
}

/**
 * Longer queries are cut here: no quote or headline is this long, and it keeps a pasted page of text from making
 * the browser chew through the whole index.
 */
export const maxQueryLength = 200;
// In a module of its own, so that every article page's highlight script (SearchHighlight.astro) carries this
// constant and not the search page's query code with it (issue 13's byte budget).
import { highlightParam } from './highlight-param';
export { highlightParam };

const searchTypeSet = new Set<string>(searchTypes);
const filterValueLength = 200;

/** Cuts a query to maxQueryLength at a word boundary where there is one, so no half word is searched for. */
export function truncateQuery(query: string): string {
  if (query.length <= maxQueryLength) return query;
  const cut = query.slice(0, maxQueryLength + 1);
  const space = cut.search(/\s\S*$/);
  return (space > 0 ? cut.slice(0, space) : cut.slice(0, maxQueryLength)).trimEnd();
}

const one = (params: URLSearchParams, name: string) => (params.get(name) ?? '').trim().slice(0, filterValueLength);

export function readSearchState(params: URLSearchParams): SearchState {
  const type = one(params, 'type');
  const sort = one(params, 'sort');
  return {
    q: truncateQuery(params.get('q') ?? ''),
    type: searchTypeSet.has(type) ? (type as SearchType) : '',
    speaker: one(params, 'speaker'),
    topic: one(params, 'topic'),
    sort: (sortOrders as readonly string[]).includes(sort) ? (sort as SortOrder) : 'relevance',
  };
}

/** The URL query for a state, leaving out what is empty or the default: `?q=pro-Kazakh&speaker=Roman+Vassilenko`. */
export function searchQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q);
  for (const name of filterNames) if (state[name]) params.set(name, state[name]);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Whether there is anything to search for: words, or a filter to list everything under. */
export function hasCriteria(state: SearchState): boolean {
  return Boolean(state.q.trim() || filterNames.some((name) => state[name]));
}

export interface PagefindSearchOptions {
  filters: Partial<Record<FilterName, string>>;
  sort?: { date: 'asc' | 'desc' };
}

/** The term and options for `pagefind.search`: `null` as the term lists everything the filters allow. */
export function pagefindQuery(state: SearchState): { term: string | null; options: PagefindSearchOptions } {
  const filters: PagefindSearchOptions['filters'] = {};
  for (const name of filterNames) if (state[name]) filters[name] = state[name];
  const options: PagefindSearchOptions = { filters };
  if (state.sort !== 'relevance') options.sort = { date: state.sort === 'newest' ? 'desc' : 'asc' };
  return { term: state.q.trim() || null, options };
}

/** The words of a query, for highlighting on the target page. */
export function queryWords(query: string): string[] {
  return [...new Set(query.split(/\s+/).map((word) => word.replace(/^["'“”‘’]+|["'“”‘’]+$/g, '')).filter(Boolean))];
}

/** A result's URL with the searched words for the target page to highlight, kept before any `#anchor`. */
export function highlightUrl(url: string, query: string): string {
  const words = queryWords(query);
  if (!words.length) return url;
  const hashAt = url.indexOf('#');
  const [path, hash] = hashAt === -1 ? [url, ''] : [url.slice(0, hashAt), url.slice(hashAt)];
  const params = new URLSearchParams();
  for (const word of words) params.append(highlightParam, word);
  return `${path}${path.includes('?') ? '&' : '?'}${params.toString()}${hash}`;
}
