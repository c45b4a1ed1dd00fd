/**
 * <site-search>: the search page's own small UI over Pagefind's JS API (https://pagefind.app/docs/api/). Pagefind is
 * imported lazily from the built index by a runtime URL, so Vite never bundles it. Each result is drawn
 * by search-result.ts, with textContent only.
 *
 * The filter lists come with the page (SiteSearch.astro builds them from the content), so the page never asks
 * Pagefind for its filter files up front: at 1,000 articles those are larger than Pagefind itself, and Pagefind loads
 * a filter's file only when a search uses that filter.
 *
 * Pagefind finds pages: articles, people and topics. An article's quotes and figures are found inside it, so each
 * article page Pagefind returns is turned into the entries it holds (src/lib/shared/search-entries.ts) once its
 * fragment is loaded. Fragments load ten pages at a time, so until every page found is loaded the status says how
 * many of them the results shown come from.
 */
import {
  filterNames,
  hasCriteria,
  pagefindQuery,
  readSearchState,
  searchQueryString,
  searchTypeNames as typeNames,
  type FilterName,
  type PagefindSearchOptions,
  type SearchFilterLists,
  type SearchState,
} from '@/lib/shared/search-query';
import { searchBundleUrl, searchFiltersUrl, searchUrl } from '@/lib/shared/urls';
import { quoted } from '@/lib/rules/typography';
import { byDate, pageEntries, type Entry, type PageResultData } from '@/lib/shared/search-entries';
import { renderResult } from './search-result';

interface PagefindResult {
  id: string;
  data: () => Promise<PageResultData>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, options: PagefindSearchOptions) => Promise<{ results: PagefindResult[] } | null>;
}

/** Pages whose fragments load at a time: at first and per "Show more", until this many entries are shown. */
const pageSize = 10;
/** At most this many pages load for one "Show more", however few entries they hold. */
const maxPagesPerLoad = 30;
/** Typing pauses this long before a search runs. */
const typingDelay = 200;

const sortNames = { relevance: '', newest: 'newest first', oldest: 'oldest first' } as const;

class SiteSearch extends HTMLElement {
  #form!: HTMLFormElement;
  #input!: HTMLInputElement;
  #selects!: Record<FilterName | 'sort', HTMLSelectElement>;
  #status!: HTMLElement;
  #results!: HTMLOListElement;
  #more!: HTMLButtonElement;
  #refine!: HTMLDetailsElement;
  #refineSummary!: HTMLElement;
  #pagefind: Promise<Pagefind> | undefined;
  #lists: Promise<void> | undefined;
  /** Counts searches, so a slow earlier search never overwrites a later one. */
  #run = 0;
  #pending: PagefindResult[] = [];
  /** The pages Pagefind found for the current search, and how many entries their loaded fragments gave. */
  #found = 0;
  #shown = 0;
  #state: SearchState | undefined;
  #query = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** True while a burst of typing has its own history entry, which later keystrokes replace. */
  #typing = false;

  connectedCallback() {
    const find = <T extends Element>(selector: string) => {
      const found = this.querySelector<T & Element>(selector);
      if (!found) throw new Error(`<site-search> needs ${selector}`);
      return found;
    };
    this.#form = find<HTMLFormElement>('form');
    this.#input = find<HTMLInputElement>('input[name="q"]');
    this.#selects = {
      type: find<HTMLSelectElement>('select[name="type"]'),
      speaker: find<HTMLSelectElement>('select[name="speaker"]'),
      topic: find<HTMLSelectElement>('select[name="topic"]'),
      sort: find<HTMLSelectElement>('select[name="sort"]'),
    };
    this.#status = find<HTMLElement>('[data-status]');
    this.#results = find<HTMLOListElement>('[data-results]');
    this.#more = find<HTMLButtonElement>('[data-more]');
    this.#refine = find<HTMLDetailsElement>('[data-refine]');
    this.#refineSummary = find<HTMLElement>('[data-refine-summary]');

    // The speaker and topic lists load when a reader reaches for the filters: pointer, touch or keyboard focus on
    // them, or unfolding "Narrow and sort" on a phone (a click on its summary, by pointer or keyboard: the script's
    // own unfolding on a wide screen below is no reach, and a first search loads no list).
    const refine = find<HTMLElement>('.refine');
    for (const type of ['pointerover', 'touchstart', 'focusin'] as const) {
      refine.addEventListener(type, () => void this.#loadLists(), { passive: true });
    }
    find<HTMLElement>('[data-refine] > summary').addEventListener('click', () => void this.#loadLists());

    find<HTMLElement>('[data-needs-js]').hidden = true;
    this.#form.hidden = false;
    this.#show(readSearchState(new URLSearchParams(location.search)));
    // Open where there is room, or when the link set a filter the reader should see; folded on a phone.
    if (matchMedia('(min-width: 48rem)').matches || this.#refineSummary.textContent) this.#refine.open = true;

    this.#input.addEventListener('focus', () => void this.#load().catch(() => undefined), { once: true });
    this.#input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => {
        this.#remember(this.#typing ? 'replace' : 'push');
        this.#typing = true;
        void this.#search();
      }, typingDelay);
    });
    this.#input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') {
        const first = this.#results.querySelector<HTMLAnchorElement>('a');
        if (first) {
          event.preventDefault();
          first.focus();
        }
      }
    });
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#commit();
    });
    this.#form.addEventListener('change', (event) => {
      if (event.target instanceof HTMLSelectElement) {
        this.#summariseFilters();
        this.#commit();
      }
    });
    this.#more.addEventListener('click', () => void this.#showMore(this.#run, true).then(() => this.#summariseResults()));
    window.addEventListener('popstate', () => {
      this.#typing = false;
      this.#show(readSearchState(new URLSearchParams(location.search)));
      void this.#search();
    });

    void this.#start();
  }

  async #start() {
    try {
      await this.#load();
    } catch {
      this.#status.textContent =
        'Search could not load its index. Try reloading the page; if that does not help, browse the listings below.';
      this.querySelector<HTMLElement>('[data-needs-js]')?.removeAttribute('hidden');
      return;
    }
    await this.#search();
  }

  #load(): Promise<Pagefind> {
    this.#pagefind ??= (import(/* @vite-ignore */ searchBundleUrl('pagefind.js')) as Promise<Pagefind>).then(async (pagefind) => {
      await pagefind.options({ excerptLength: 30 });
      await pagefind.init();
      return pagefind;
    });
    return this.#pagefind;
  }

  /**
   * Fills the speaker and topic lists, once: the value chosen stays chosen, and a value put in by a link (#show) gives
   * way to the list's own option, which has the count.
   */
  #loadLists(): Promise<void> {
    this.#lists ??= fetch(searchFiltersUrl())
      .then((response) => (response.ok ? (response.json() as Promise<SearchFilterLists>) : Promise.reject(new Error(String(response.status)))))
      .then((lists) => {
        for (const name of ['speaker', 'topic'] as const) {
          const select = this.#selects[name];
          const chosen = select.value;
          const known = new Set(lists[name].map(([value]) => value));
          for (const option of [...select.options]) if (option.dataset.fromLink !== undefined && known.has(option.value)) option.remove();
          select.append(...lists[name].map(([value, count]) => new Option(`${value} (${count})`, value)));
          select.value = chosen;
        }
        this.#summariseFilters();
      })
      .catch(() => {
        // Try again at the next reach for the filters; the form still works with a value from a link.
        this.#lists = undefined;
      });
    return this.#lists;
  }

  /** Puts a state into the form; a filter value the lists do not hold (yet, or an old link) is kept, not dropped. */
  #show(state: SearchState) {
    this.#input.value = state.q;
    for (const name of filterNames) {
      const select = this.#selects[name];
      if (state[name] && ![...select.options].some((option) => option.value === state[name])) {
        const option = new Option(state[name], state[name]);
        option.dataset.fromLink = '';
        select.append(option);
      }
      select.value = state[name];
    }
    this.#selects.sort.value = state.sort;
    // A link that chose a speaker or topic shows the list it was chosen from.
    if (state.speaker || state.topic) void this.#loadLists();
    this.#summariseFilters();
  }

  /** What the folded "Narrow and sort" holds: the chosen filters and sort, e.g. "· Quotes, by Temur Umarov". */
  #summariseFilters() {
    const chosen = [...filterNames, 'sort' as const]
      .map((name) => this.#selects[name])
      .filter((select) => select.selectedIndex > 0)
      .map((select) => select.selectedOptions[0]!.text.replace(/ \(\d+\)$/, ''));
    this.#refineSummary.textContent = chosen.length ? `· ${chosen.join(', ')}` : '';
  }

  #formState(): SearchState {
    const params = new URLSearchParams({ q: this.#input.value, sort: this.#selects.sort.value });
    for (const name of filterNames) params.set(name, this.#selects[name].value);
    return readSearchState(params);
  }

  /** A deliberate search (Enter, a filter or sort change) gets its own history entry and runs at once. */
  #commit() {
    clearTimeout(this.#timer);
    this.#remember(this.#typing ? 'replace' : 'push');
    this.#typing = false;
    void this.#search();
  }

  #remember(mode: 'push' | 'replace') {
    const url = `${searchUrl()}${searchQueryString(this.#formState())}`;
    if (url === `${location.pathname}${location.search}`) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  async #search() {
    const run = ++this.#run;
    const state = this.#formState();
    if (!hasCriteria(state)) {
      this.#pending = [];
      this.#results.replaceChildren();
      this.#results.hidden = true;
      this.#more.hidden = true;
      this.#status.textContent = '';
      return;
    }
    const { term, options } = pagefindQuery(state);
    let results: PagefindResult[];
    try {
      const pagefind = await this.#load();
      const search = await pagefind.search(term, options);
      if (!search) return;
      results = search.results;
    } catch {
      if (run === this.#run) this.#status.textContent = 'Search failed. Try other words.';
      return;
    }
    if (run !== this.#run) return;
    this.#pending = [...results];
    this.#found = results.length;
    this.#shown = 0;
    this.#state = state;
    this.#query = term ?? '';
    this.#results.replaceChildren();
    await this.#showMore(run, false);
    if (run !== this.#run) return;
    this.#summariseResults();
  }

  #summariseResults() {
    if (this.#state) this.#status.textContent = summary(this.#shown, this.#found - this.#pending.length, this.#found, this.#state);
  }

  /**
   * Loads the next pages' fragments, ten at a time, until at least ten more entries are shown or no page is left
   * (or maxPagesPerLoad pages were loaded); after "Show more", focus moves to the first new entry.
   */
  async #showMore(run: number, moveFocus: boolean) {
    const state = this.#state;
    if (!state) return;
    const entries: Entry[] = [];
    let loaded = 0;
    while (this.#pending.length && entries.length < pageSize && loaded < maxPagesPerLoad) {
      const next = this.#pending.splice(0, pageSize);
      loaded += next.length;
      const data = await Promise.all(next.map((result) => result.data()));
      if (run !== this.#run) return;
      // A date sort orders the pages (Pagefind, by an article's publication); the entries of the pages loaded
      // together are ordered by their own dates.
      const found = data.flatMap((page) => pageEntries(page, state));
      entries.push(...(state.sort === 'relevance' ? found : byDate(found, state.sort)));
    }
    const items = entries.map((entry) => renderResult(entry, this.#query));
    this.#results.append(...items);
    this.#shown += items.length;
    this.#results.hidden = this.#results.childElementCount === 0;
    this.#more.hidden = this.#pending.length === 0;
    this.#more.textContent = `Show more results (${this.#pending.length} more ${this.#pending.length === 1 ? 'page' : 'pages'} to look in)`;
    if (moveFocus) items[0]?.querySelector('a')?.focus();
  }
}

/**
 * '3 results for "pro-Kazakh", quotes by Roman Vassilenko, newest first.' Results are entries (quotes, figures,
 * articles, people, topics); while some of the pages Pagefind found are not loaded yet, it says how many were looked in:
 * '14 results for "Kazakhstan" in the first 10 of 40 pages found.'
 */
function summary(count: number, looked: number, pages: number, state: SearchState): string {
  const found = count === 0 ? 'No results' : `${count} ${count === 1 ? 'result' : 'results'}`;
  const narrowed = [
    state.type && typeNames[state.type][1].toLowerCase(),
    state.speaker && `by ${state.speaker}`,
    state.topic && `on ${state.topic}`,
  ].filter(Boolean);
  return [
    `${found}${state.q.trim() ? ` for ${quoted(state.q.trim())}` : ''}${looked < pages ? ` in the first ${looked} of ${pages} pages found` : ''}`,
    narrowed.join(' '),
    count > 1 ? sortNames[state.sort] : '',
  ]
    .filter(Boolean)
    .join(', ')
    .concat('.');
}

customElements.define('site-search', SiteSearch);
