/**
 * Quotes and figures are found inside their article's page, not as search records of their own (issue 13: every
 * record costs every first search about 8 bytes of Pagefind's `pf_meta`, and quotes and figures were nine records in
 * ten). The article page carries what the result list shows of each of its quotes and figures in one Pagefind meta
 * value (`entries`, written by src/lib/outputs/search-records.ts), which a reader's browser loads only with that
 * page's fragment, i.e. only when the article is among the results it shows.
 *
 * In the browser, `pageEntries` turns one Pagefind page result into the entries it holds: the quotes and figures the
 * matched words fall in (Pagefind gives the matched word positions, `locations`, into the page's `content`, and the
 * position and text of every element with an id, `anchors`: each quote stands in `#quote-<id>`, each fact in
 * `#figure-<id>`), and the article itself, each narrowed by the search's type, speaker and topic (docs/scale.md,
 * "Quotes and figures inside their articles"). Pure functions: unit-tested in search-entries.test.ts.
 */
import type { SearchType } from './search-query';

/** The meta key that holds an article page's entries. */
export const entriesMetaKey = 'entries';

/**
 * A quote as the article page's meta holds it, a tuple to keep the fragment small:
 * id, kind, speaker's name, role at the time, date said (ISO), its precision, topics (indexes into `topics`), and the
 * words of a statement's later segments, if it is split by "he said" (most quotes have none). Not the words of the
 * first: they stand in `#quote-<id>`, an anchor of the page whose text Pagefind gives with the result, and Pagefind
 * indexes the words of every meta value and holds them for every page while it writes the index (docs/scale.md: the
 * words in the meta as well cost about 230 MB of its peak at 5,000 articles).
 */
export type QuoteTuple = [id: string, kind: string, speaker: string, role: string, date: string, precision: string, topics: number[], later: string[]];
/**
 * A figure: id, value as shown ("80%"), what it measures, source's name, as-of date (ISO), its precision, basis,
 * topics (indexes), and the article's wording of it (found in the prose as well as in the fact box).
 */
export type FigureTuple = [id: string, value: string, measures: string, source: string, date: string, precision: string, basis: string, topics: number[], wording: string];

/**
 * A person or topic in a record of several (people and topics are grouped to keep records few): the link to its
 * page, its name, its line (a person's current role, a topic's description), its date (ISO) and how many words of
 * the record's content are its own (the members' words follow one another in the record).
 */
export type MemberTuple = [url: string, title: string, line: string, date: string, words: number];

/** Everything a page's `entries` meta holds: an article's quotes and figures, or a group record's members. */
export interface PageEntries {
  /** The topic names the article, its quotes and its figures are filed under; the others refer to them by index. */
  t: string[];
  /** The article's own topics (indexes into `t`). */
  a: number[];
  q: QuoteTuple[];
  f: FigureTuple[];
  /** The members of a group record of people or of topics (its type filter says which). */
  m?: MemberTuple[];
}

export const encodeEntries = (entries: PageEntries): string => JSON.stringify(entries);

/** The entries of a page's meta; `undefined` for a page that has none (a person or topic record) or a broken value. */
export function decodeEntries(value: string | undefined): PageEntries | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value) as Partial<PageEntries>;
    if (parsed.m !== undefined && !Array.isArray(parsed.m)) return undefined;
    if (!Array.isArray(parsed.t) || !Array.isArray(parsed.a) || !Array.isArray(parsed.q) || !Array.isArray(parsed.f)) return undefined;
    return parsed as PageEntries;
  } catch {
    return undefined;
  }
}

/** What Pagefind gives of one page result (`result.data()`), as far as the result list reads it. */
export interface PageResultData {
  url: string;
  excerpt: string;
  content?: string;
  locations?: number[];
  /** Every element of the page with an id: where it starts in `content`'s words, and its text. */
  anchors?: { id: string; location: number; text?: string }[];
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

/** One entry of the result list, shaped as search-result.ts draws it: a type, a link, its meta and an excerpt. */
export interface Entry {
  type: SearchType;
  url: string;
  /** HTML as Pagefind writes excerpts: text with entities escaped and matched words in `<mark>`. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: { type: [SearchType] };
  /** The entry's own date (ISO), to order the entries of the pages loaded together by date. */
  date: string;
  /** How many matched words it holds, to order a page's quotes and figures by relevance. */
  hits: number;
}

/** What narrows the entries of a page: the search's words and filters. */
export interface EntryCriteria {
  q: string;
  type: SearchType | '';
  speaker: string;
  topic: string;
}

/** A word as the comparison sees it: lower case, letters and digits only (pro-Kazakh with a closing mark is "prokazakh"). */
export const wordKey = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The forms a content word is found by: whole, and each part of a compound ("pro-Kazakh" by "pro" and "kazakh"). */
const wordForms = (word: string) => [wordKey(word), ...word.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)];

/**
 * Whether a query term is what Pagefind matched at a word: Pagefind matches stems and, for the last word typed,
 * prefixes, so a term matches a word that starts with it, or that it starts with, or that shares all but its last
 * two letters with it ("running" and "runs").
 */
function termMatches(term: string, word: string): boolean {
  return wordForms(word).some((form) => {
    if (!form) return false;
    if (form.startsWith(term) || term.startsWith(form)) return true;
    let same = 0;
    while (same < form.length && same < term.length && form[same] === term[same]) same++;
    return same >= 3 && same >= Math.min(form.length, term.length) - 2;
  });
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The words of a page's content with a comparable form, skipping what has none (a lone quotation mark or dash). */
interface ContentWords {
  /** Index into the content's words of each comparable word. */
  at: number[];
  keys: string[];
}

function contentWords(words: string[]): ContentWords {
  const at: number[] = [];
  const keys: string[] = [];
  words.forEach((word, index) => {
    const key = wordKey(word);
    if (key) {
      at.push(index);
      keys.push(key);
    }
  });
  return { at, keys };
}

/**
 * Where a text stands in the page's words at or after word `from`: the content index of each of its comparable
 * words, or `undefined` where it cannot be found.
 */
function locate(text: string, page: ContentWords, from: number): number[] | undefined {
  const keys = text.split(/\s+/).map(wordKey).filter(Boolean);
  if (!keys.length) return undefined;
  let start = page.at.findIndex((index) => index >= from);
  if (start === -1) return undefined;
  for (; start + keys.length <= page.keys.length; start++) {
    if (keys.every((key, k) => page.keys[start + k] === key)) return page.at.slice(start, start + keys.length);
  }
  return undefined;
}

/** A text's words as an excerpt: escaped, with the words at matched positions in `<mark>`. */
function markedText(text: string, positions: number[] | undefined, hits: Set<number>): string {
  let next = 0;
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const at = wordKey(word) && positions ? positions[next++] : undefined;
      return at !== undefined && hits.has(at) ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word);
    })
    .join(' ');
}

/**
 * The entries one Pagefind page result holds under the search's criteria, in the order the list shows them: the
 * quotes and figures with matched words (most first, then in reading order), then the article. A page without
 * entries (a person or topic record) is one entry, itself.
 *
 * With words, a quote or figure is shown when every query word Pagefind matched on the page is matched inside it
 * (as a quote record of its own was found before); with no words (a filter listing everything), every quote and figure
 * the filters allow is shown. The speaker filter leaves only that person's quotes; the topic filter only entries filed
 * under the topic themselves (the page carries the topics of all its entries); the type filter only that type.
 */
export function pageEntries(data: PageResultData, criteria: EntryCriteria): Entry[] {
  const entries = decodeEntries(data.meta[entriesMetaKey]);
  const type = (data.filters.type?.[0] ?? 'article') as SearchType;
  if (!entries) {
    if (criteria.speaker) return [];
    return [{ type, url: data.url, excerpt: data.excerpt, meta: data.meta, filters: { type: [type] }, date: data.meta.date ?? '', hits: 0 }];
  }

  const words = (data.content ?? '').split(/\s+/).filter(Boolean);
  const hits = new Set(data.locations ?? []);
  const terms = [...new Set(criteria.q.split(/\s+/).map(wordKey).filter(Boolean))];
  // Only the terms Pagefind matched somewhere on the page count: a term it matched by a stem this check does not
  // recognise must not hide every quote.
  const matchedTerms = terms.filter((term) => [...hits].some((at) => termMatches(term, words[at] ?? '')));
  const wanted = (entryType: SearchType) => !criteria.type || criteria.type === entryType;

  /** How many matched words a region holds, or `undefined` if it does not match the query. */
  const matching = (positions: number[]): number | undefined => {
    if (!terms.length) return 0;
    const inside = positions.filter((at) => hits.has(at));
    if (!inside.length) return undefined;
    const all = matchedTerms.every((term) => inside.some((at) => termMatches(term, words[at] ?? '')));
    return all ? inside.length : undefined;
  };

  if (entries.m) {
    // A group record: each member's words follow the one before's. The speaker filter finds no person or topic.
    if (criteria.speaker || !wanted(type)) return [];
    let start = 0;
    const members: (Entry & { order: number })[] = [];
    entries.m.forEach(([url, title, line, date, count], order) => {
      const positions = Array.from({ length: count }, (_, k) => start + k);
      start += count;
      if (type === 'topic' && criteria.topic && title !== criteria.topic) return;
      const matched = matching(positions);
      if (matched === undefined) return;
      const meta = type === 'person' ? { title, role: line, date } : { title, description: line, date };
      members.push({ type, url, excerpt: '', meta, filters: { type: [type] }, date, hits: matched, order });
    });
    return members.sort((a, b) => b.hits - a.hits || a.order - b.order).map(({ order: _order, ...entry }) => entry);
  }

  const page = contentWords(words);
  const anchors = new Map((data.anchors ?? []).map((found) => [found.id, found]));
  const onTopic = (topics: number[]) => !criteria.topic || topics.some((index) => entries.t[index] === criteria.topic);

  const found: (Entry & { order: number })[] = [];
  if (wanted('quote')) {
    entries.q.forEach(([id, kind, speaker, role, date, precision, topics, later], order) => {
      if ((criteria.speaker && speaker !== criteria.speaker) || !onTopic(topics)) return;
      // The first segment is the text of #quote-<id>, found where it starts; a later one is the next place its words
      // stand after the one before. A quote whose element the page lacks is left out rather than shown without words.
      const first = anchors.get(`quote-${id}`);
      if (!first?.text) return;
      const segments = [first.text, ...later];
      let from = first.location;
      const placed = segments.map((segment) => {
        const positions = locate(segment, page, from);
        if (positions?.length) from = positions.at(-1)! + 1;
        return positions;
      });
      const count = matching(placed.flatMap((positions) => positions ?? []));
      if (count === undefined) return;
      const text = segments.join(' ');
      found.push({
        type: 'quote',
        url: `${data.url}#quote-${id}`,
        excerpt: segments.map((segment, s) => markedText(segment, placed[s], hits)).join(' '),
        meta: { title: text, kind, speaker, role, date, precision },
        filters: { type: ['quote'] },
        date,
        hits: count,
        order,
      });
    });
  }
  if (wanted('figure') && !criteria.speaker) {
    entries.f.forEach(([id, value, measures, source, date, precision, basis, topics, wording], order) => {
      if (!onTopic(topics)) return;
      const start = anchors.get(`figure-${id}`)?.location;
      // The fact box shows the value and then what it measures; the prose words it as `wording`.
      const box = start === undefined ? undefined : locate(`${value} ${measures}`, page, start);
      const prose = locate(wording, page, 0);
      const count = matching([...(box ?? []), ...(prose ?? [])]);
      if (count === undefined) return;
      found.push({
        type: 'figure',
        url: `${data.url}#figure-${id}`,
        excerpt: '',
        meta: { title: measures, value, source, date, precision, basis },
        filters: { type: ['figure'] },
        date,
        hits: count,
        order: entries.q.length + order,
      });
    });
  }
  found.sort((a, b) => b.hits - a.hits || a.order - b.order);
  const list: Entry[] = found.map(({ order: _order, ...entry }) => entry);
  if (wanted('article') && !criteria.speaker && onTopic(entries.a)) {
    list.push({ type: 'article', url: data.url, excerpt: data.excerpt, meta: data.meta, filters: { type: ['article'] }, date: data.meta.date ?? '', hits: hits.size });
  }
  return list;
}

/** Entries loaded together, ordered by their own dates for a date sort (stable: equal dates keep their order). */
export function byDate(entries: Entry[], order: 'newest' | 'oldest'): Entry[] {
  const direction = order === 'newest' ? -1 : 1;
  return [...entries].sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? -direction : direction));
}
