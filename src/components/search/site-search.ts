/**
 * <site-search>: the search page's own small UI over Pagefind's JS API (https://pagefind.app/docs/api/). Pagefind is
 * imported lazily from the built index by a runtime URL, so Vite never bundles it. Result DOM is built with
 * textContent only; Pagefind's excerpt marks are rebuilt from text (src/lib/search-excerpt.ts).
 *
 * The filter lists come with the page (SiteSearch.astro builds them from the same records the index holds), so the
 * page never asks Pagefind for its filter files up front: at 1,000 articles those are larger than Pagefind itself,
 * and Pagefind loads a filter's file only when a search uses that filter.
 */
import { quotationMarks, quoted } from '@/lib/typography';
import { formatDate, isoDate, type Precision } from '@/lib/dates';
import { excerptParts, type ExcerptPart } from '@/lib/search-excerpt';
import {
  filterNames,
  hasCriteria,
  highlightUrl,
  pagefindQuery,
  readSearchState,
  searchQueryString,
  searchTypeNames as typeNames,
  type FilterName,
  type PagefindSearchOptions,
  type SearchState,
  type SearchType,
} from '@/lib/search-query';
import { searchBundleUrl, searchUrl } from '@/lib/urls';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, options: PagefindSearchOptions) => Promise<{ results: PagefindResult[] } | null>;
}

/** Results shown at first and per "Show more". */
const pageSize = 10;
/** Typing pauses this long before a search runs. */
const typingDelay = 200;

const quoteKindNames: Record<string, string> = { direct: 'Quote', partial: 'Partial quote', reported: 'Reported speech' };
const sortNames = { relevance: '', newest: 'newest first', oldest: 'oldest first' } as const;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Text and marks, as DOM nodes: the marks are new <mark> elements holding text, never parsed HTML. */
function excerptNodes(parts: ExcerptPart[]): Node[] {
  return parts.map((part) => (part.mark ? element('mark', undefined, part.text) : document.createTextNode(part.text)));
}

/**
 * The excerpt of a short text (a quote) as parts, with an ellipsis where Pagefind cut it. If the excerpt cannot be
 * found in the full text, the full text is shown without marks rather than a fragment that might misquote.
 */
function excerptOf(full: string, excerpt: string): ExcerptPart[] {
  const parts = excerptParts(excerpt);
  const text = parts.map((part) => part.text).join('');
  const at = text.trim() ? full.indexOf(text.trim()) : -1;
  if (at === -1) return [{ text: full, mark: false }];
  const out = [...parts];
  if (at > 0) out.unshift({ text: '…', mark: false });
  if (at + text.trim().length < full.length) out.push({ text: '…', mark: false });
  return out;
}

function dateNode(meta: PagefindResultData['meta']): HTMLTimeElement | undefined {
  if (!meta.date) return undefined;
  const date = new Date(`${meta.date}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return undefined;
  const precision = (['day', 'month', 'year'].includes(meta.precision ?? '') ? meta.precision : 'day') as Precision;
  const time = element('time', undefined, formatDate(date, precision));
  time.dateTime = isoDate(date, precision);
  return time;
}

function metaLine(...nodes: (Node | string | undefined)[]): HTMLParagraphElement {
  const line = element('p', 'result-meta');
  nodes.filter((node) => node !== undefined && node !== '').forEach((node, index) => {
    if (index > 0) line.append(' · ');
    line.append(node!);
  });
  return line;
}

function renderResult(data: PagefindResultData, query: string): HTMLLIElement {
  const type = (data.filters.type?.[0] ?? 'article') as SearchType;
  const { meta } = data;
  const item = element('li', `result result-${type}`);
  item.dataset.type = type;
  const label = type === 'quote' ? (quoteKindNames[meta.kind ?? ''] ?? 'Quote') : (typeNames[type]?.[0] ?? 'Page');
  const link = element('a', 'result-title');
  link.href = highlightUrl(data.url, query);
  item.append(element('p', 'result-type', label), link);

  switch (type) {
    case 'quote': {
      const words = excerptNodes(excerptOf(meta.title ?? '', data.excerpt));
      // Reported speech is the article's paraphrase, so it gets no quotation marks.
      if (meta.kind === 'reported') link.append(...words);
      else link.append(quotationMarks.open, ...words, quotationMarks.close);
      const speaker = element('span', 'result-speaker', meta.speaker ?? '');
      item.append(metaLine(speaker, meta.role, dateNode(meta)));
      break;
    }
    case 'person':
      link.textContent = meta.title ?? '';
      item.append(metaLine(meta.role));
      break;
    case 'topic': {
      link.textContent = meta.title ?? '';
      if (meta.description) {
        // The description is the site's own text, labelled as such like everywhere else.
        const description = element('p', 'result-text newsroom-text');
        description.append(element('span', 'newsroom-label', 'Newsroom'), meta.description);
        item.append(description);
      }
      break;
    }
    case 'figure': {
      // "80%" over "Share of Kazakhstan's oil and gas exports…", read as "80%: Share of…".
      link.append(
        element('strong', 'result-value', meta.value ?? ''),
        element('span', 'visually-hidden', ': '),
        element('span', 'result-measures', meta.title ?? ''),
      );
      const when = meta.basis === 'stated' ? 'as of' : 'as reported on';
      const date = dateNode(meta);
      const source = `Source: ${meta.source ?? ''}`;
      const line = metaLine(source);
      if (date) line.append(` · ${when} `, date);
      item.append(line);
      break;
    }
    default: {
      link.textContent = meta.title ?? data.url;
      item.append(metaLine(dateNode(meta)));
      if (meta.teaser) item.append(element('p', 'result-text', meta.teaser));
      const excerpt = element('p', 'result-excerpt');
      excerpt.append('…', ...excerptNodes(excerptParts(data.excerpt)), '…');
      if (data.excerpt && query.trim()) item.append(excerpt);
    }
  }
  return item;
}

class SiteSearch extends HTMLElement {
  #form!: HTMLFormElement;
  #input!: HTMLInputElement;
  #selects!: Record<FilterName | 'sort', HTMLSelectElement>;
  #status!: HTMLElement;
  #results!: HTMLOListElement;
  #more!: HTMLButtonElement;
  #pagefind: Promise<Pagefind> | undefined;
  /** Counts searches, so a slow earlier search never overwrites a later one. */
  #run = 0;
  #pending: PagefindResult[] = [];
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

    find<HTMLElement>('[data-needs-js]').hidden = true;
    this.#form.hidden = false;
    this.#show(readSearchState(new URLSearchParams(location.search)));

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
      if (event.target instanceof HTMLSelectElement) this.#commit();
    });
    this.#more.addEventListener('click', () => void this.#showMore(this.#run, true));
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

  /** Puts a state into the form; a filter value the index does not know (an old link) is kept, not dropped. */
  #show(state: SearchState) {
    this.#input.value = state.q;
    for (const name of filterNames) {
      const select = this.#selects[name];
      if (state[name] && ![...select.options].some((option) => option.value === state[name])) {
        select.append(new Option(state[name], state[name]));
      }
      select.value = state[name];
    }
    this.#selects.sort.value = state.sort;
  }

  #state(): SearchState {
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
    const url = `${searchUrl()}${searchQueryString(this.#state())}`;
    if (url === `${location.pathname}${location.search}`) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  async #search() {
    const run = ++this.#run;
    const state = this.#state();
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
    this.#query = term ?? '';
    this.#results.replaceChildren();
    await this.#showMore(run, false);
    if (run !== this.#run) return;
    this.#status.textContent = summary(results.length, state);
  }

  /** Loads and shows the next page of results; after "Show more", focus moves to the first new one. */
  async #showMore(run: number, moveFocus: boolean) {
    const next = this.#pending.splice(0, pageSize);
    const data = await Promise.all(next.map((result) => result.data()));
    if (run !== this.#run) return;
    const items = data.map((result) => renderResult(result, this.#query));
    this.#results.append(...items);
    this.#results.hidden = this.#results.childElementCount === 0;
    this.#more.hidden = this.#pending.length === 0;
    this.#more.textContent = `Show more results (${this.#pending.length} more)`;
    if (moveFocus) items[0]?.querySelector('a')?.focus();
  }
}

/** '3 results for "pro-Kazakh", quotes by Roman Vassilenko, newest first' */
function summary(count: number, state: SearchState): string {
  const found = count === 0 ? 'No results' : `${count} ${count === 1 ? 'result' : 'results'}`;
  const narrowed = [
    state.type && typeNames[state.type][1].toLowerCase(),
    state.speaker && `by ${state.speaker}`,
    state.topic && `on ${state.topic}`,
  ].filter(Boolean);
  return [
    `${found}${state.q.trim() ? ` for ${quoted(state.q.trim())}` : ''}`,
    narrowed.join(' '),
    count > 1 ? sortNames[state.sort] : '',
  ]
    .filter(Boolean)
    .join(', ')
    .concat('.');
}

customElements.define('site-search', SiteSearch);
