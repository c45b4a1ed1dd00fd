/**
 * What the search index holds for each kind of entry. Articles are indexed from their pages (the page carries
 * `articleSearchData` as Pagefind attributes), and their quotes and figures are found inside them: the page's meta
 * says what each is, and the browser works out which of them the matched words fall in
 * (src/lib/shared/search-entries.ts). People and topics are custom records built here from the content itself.
 * Fewer records is the point: every record costs every first search about 8 bytes of Pagefind's `pf_meta`
 * (docs/scale.md).
 *
 * Every record gets a `type` filter and a `date` sort key: Pagefind leaves a record without the sort key out of
 * sorted results. Meta values are what the result list shows; they are raw text and must be rendered as text.
 */
import { type Article, type Figure, type Person, type Quote, type Site, type Topic } from '../content/index';
import { presentRoleLabel, roleLabel } from '../rules/people';
import { isoDate } from '../shared/dates';
import { figureSource, formatFigure } from '../rules/figures';
import { filterNames, searchTypes, type FilterName, type SearchType } from '../shared/search-query';
import { articleUrl, peopleUrl, personUrl, topicsUrl, topicUrl } from '../shared/urls';
import type { SearchPlan } from '../../integrations/search-feed';
import { encodeEntries, entriesMetaKey, type PageEntries } from '../shared/search-entries';

/**
 * The one language the index is built in. Pagefind keeps one index per language and the search page reads the
 * index of its own `<html lang>`, so the whole site is indexed as the site's language to stay findable from /search/.
 */
export const searchLanguage = 'en';

/** What Pagefind attaches to a record: shown in results (meta), narrowed by (filters), ordered by (sort). */
export interface SearchData {
  meta: Record<string, string>;
  filters: Record<string, string[]> & { type: SearchType[] };
  sort: { date: string };
}

/** A record Pagefind indexes without an HTML page (its `addCustomRecord` input). */
export interface SearchRecord extends SearchData {
  url: string;
  content: string;
  language: string;
}

/**
 * The sort key of a record that has no date of its own to sort by: the oldest possible, so it stays in date-sorted
 * results (at the end of "newest first") instead of dropping out.
 */
export const undatedSortKey = '0000-01-01';

const newest = (dates: Date[]) =>
  dates.length ? isoDate(new Date(Math.max(...dates.map((date) => date.getTime())))) : undatedSortKey;

const topicNames = (site: Site, refs: { id: string }[]) => refs.map((ref) => site.topic(ref.id).data.name);

/** Each article's figures, in the order the collection lists them: made once per Site. */
const figuresByArticle = new WeakMap<Site, Map<string, Figure[]>>();
function figuresIn(site: Site, article: Article): Figure[] {
  let byArticle = figuresByArticle.get(site);
  if (!byArticle) {
    byArticle = new Map();
    for (const figure of site.figures) {
      const list = byArticle.get(figure.data.article.id) ?? [];
      list.push(figure);
      byArticle.set(figure.data.article.id, list);
    }
    figuresByArticle.set(site, byArticle);
  }
  return byArticle.get(article.id) ?? [];
}

/**
 * An article page's filters, meta and sort key; its title and words come from its page. Its quotes and figures are
 * found inside it (src/lib/shared/search-entries.ts): the page's `entries` meta holds what the result list shows of
 * each, and its filters hold every type, speaker and topic among them, so a filter narrows to the articles that hold
 * such an entry and the browser then picks the entries themselves.
 */
export function articleSearchData(site: Site, article: Article): SearchData {
  const date = isoDate(article.data.published);
  const quotes = site.quotesIn(article);
  const figures = figuresIn(site, article);
  const topics: string[] = [];
  const topicIndexes = (refs: { id: string }[]) =>
    topicNames(site, refs).map((name) => {
      if (!topics.includes(name)) topics.push(name);
      return topics.indexOf(name);
    });
  const entries: PageEntries = {
    t: topics,
    a: topicIndexes(article.data.topics),
    q: quotes.map(({ id, data }) => [
      id,
      data.kind,
      site.person(data.speaker.id).data.name,
      roleLabel(data.role),
      isoDate(data.said.date),
      data.said.precision,
      topicIndexes(data.topics),
      Array.isArray(data.text) ? data.text.slice(1) : [],
    ]),
    f: figures.map(({ id, data }) => [
      id,
      formatFigure(data),
      data.measures,
      figureSource(data.source, (person) => site.person(person).data.name).name,
      isoDate(data.asOf.date),
      data.asOf.precision,
      data.asOf.basis,
      topicIndexes(data.topics),
      data.wording,
    ]),
  };
  const types: SearchType[] = ['article', ...(quotes.length ? (['quote'] as const) : []), ...(figures.length ? (['figure'] as const) : [])];
  return {
    meta: { date, teaser: article.data.teaser, [entriesMetaKey]: encodeEntries(entries) },
    filters: { type: types, topic: topics, speaker: [...new Set(entries.q.map((quote) => quote[2]))] },
    sort: { date },
  };
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A page's search data as the Pagefind attributes it reads (https://pagefind.app/docs/filtering/): one empty element
 * per value, because an inline value runs to the end of the attribute, inside `data-pagefind-ignore`, which keeps them
 * out of the indexed words (Pagefind reads filters, meta and sort even there). The search index adds this to the
 * article page's HTML as it indexes it (src/integrations/search-index.ts), so readers never download it: the
 * `entries` meta alone is about 1.8 KB gzipped on the seed article.
 */
export function pagefindAttributes({ meta, filters, sort }: SearchData): string {
  const pairs = (attribute: string, record: Record<string, string | string[]>) =>
    Object.entries(record).flatMap(([key, values]) =>
      (Array.isArray(values) ? values : [values]).map((value) => `<span ${attribute}="${escapeAttribute(`${key}:${value}`)}"></span>`),
    );
  return `<div hidden data-pagefind-ignore>${[...pairs('data-pagefind-filter', filters), ...pairs('data-pagefind-meta', meta), ...pairs('data-pagefind-sort', sort)].join('')}</div>`;
}

/** The filters one quote would match as an entry of its own: what the search form's counts count. */
function quoteFilters(site: Site, quote: Quote): SearchData['filters'] {
  return { type: ['quote'], speaker: [site.person(quote.data.speaker.id).data.name], topic: topicNames(site, quote.data.topics) };
}

/** The filters one figure would match as an entry of its own. */
function figureFilters(site: Site, figure: Figure): SearchData['filters'] {
  return { type: ['figure'], topic: topicNames(site, figure.data.topics) };
}

/** The filters an article matches as an entry of its own (its page carries those of its quotes and figures too). */
function articleFilters(site: Site, article: Article): SearchData['filters'] {
  return { type: ['article'], topic: topicNames(site, article.data.topics) };
}

/**
 * The newest date of each person's and each topic's articles, quotes and figures, gathered in one pass over the site
 * (the records of N people and topics would otherwise each scan every article and quote).
 */
interface RecordDates {
  /** Newest article that names, quotes or credits each person. */
  person: Map<string, Date>;
  /** Newest article, quote or figure on each topic. */
  topic: Map<string, Date>;
}

/** The dates of `RecordDates`, in one pass over the site: made once per set of records. */
export function recordDates(site: Site): RecordDates {
  const dates: RecordDates = { person: new Map(), topic: new Map() };
  const later = (map: Map<string, Date>, key: string, date: Date) => {
    const known = map.get(key);
    if (!known || date.getTime() > known.getTime()) map.set(key, date);
  };
  const published = new Map(site.articles.map((article) => [article.id, article.data.published]));
  for (const quote of site.quotes) {
    const date = published.get(quote.data.article.id);
    if (date) later(dates.person, quote.data.speaker.id, date);
    for (const ref of quote.data.topics) later(dates.topic, ref.id, quote.data.said.date);
  }
  for (const article of site.articles) {
    for (const ref of [...article.data.authors, ...article.data.editors, ...article.data.people]) later(dates.person, ref.id, article.data.published);
    for (const ref of article.data.topics) later(dates.topic, ref.id, article.data.published);
  }
  for (const figure of site.figures) for (const ref of figure.data.topics) later(dates.topic, ref.id, figure.data.asOf.date);
  return dates;
}

/**
 * A person is found by name, roles and the site's description; dated by the newest article that names or quotes them.
 * The result shows their role as it stands on `today` (the build's day): "Former …" once the research says it ended.
 */
export function personRecord(person: Person, dates: RecordDates, today = new Date()): SearchRecord {
  const { data } = person;
  const date = dates.person.get(person.id);
  return {
    url: personUrl(person.id),
    content: [data.name, ...data.roles.map(roleLabel), data.newsroom.description].join('. '),
    language: searchLanguage,
    meta: { title: data.name, role: presentRoleLabel(person, today), date: newest(date ? [date] : []) },
    filters: { type: ['person'] },
    sort: { date: newest(date ? [date] : []) },
  };
}

/** A topic is found by its name and the site's line about it; dated by the newest article, quote or figure on it. */
export function topicRecord(topic: Topic, dates: RecordDates): SearchRecord {
  const date = dates.topic.get(topic.id);
  return {
    url: topicUrl(topic.id),
    content: [topic.data.name, topic.data.newsroom.description].join('. '),
    language: searchLanguage,
    meta: { title: topic.data.name, description: topic.data.newsroom.description, date: newest(date ? [date] : []) },
    filters: { type: ['topic'], topic: [topic.data.name] },
    sort: { date: newest(date ? [date] : []) },
  };
}

/**
 * How many people or topics one search record holds. Each record costs every first search about 8 bytes of
 * `pf_meta`, so 538 people and topics at 1,000 articles as records of their own cost 4 to 5 KB; grouped, they cost a
 * few hundred bytes, and a result's group loads as one fragment of about 1.5 KB (docs/scale.md).
 */
export const recordGroupSize = 25;

/**
 * People or topics as records of `recordGroupSize` each: the members' words one after another, and in the `entries`
 * meta what the result list shows of each and how many words it has, so the browser can tell which member the
 * matched words fall in (src/lib/shared/search-entries.ts). Filtered by the type and every member's topic, sorted by
 * the newest member's date.
 */
export function groupRecords(records: SearchRecord[], type: 'person' | 'topic', url: (group: number) => string): SearchRecord[] {
  const groups: SearchRecord[] = [];
  for (let start = 0; start < records.length; start += recordGroupSize) {
    const members = records.slice(start, start + recordGroupSize);
    const entries: PageEntries = {
      t: [],
      a: [],
      q: [],
      f: [],
      m: members.map((record) => [
        record.url,
        record.meta.title ?? '',
        (type === 'person' ? record.meta.role : record.meta.description) ?? '',
        record.sort.date,
        record.content.split(/\s+/).filter(Boolean).length,
      ]),
    };
    groups.push({
      url: url(groups.length + 1),
      content: members.map((record) => record.content).join(' '),
      language: searchLanguage,
      meta: { [entriesMetaKey]: encodeEntries(entries) },
      filters: { type: [type], topic: [...new Set(members.flatMap((record) => record.filters.topic ?? []))] },
      sort: { date: members.map((record) => record.sort.date).reduce((a, b) => (b > a ? b : a)) },
    });
  }
  return groups;
}

/**
 * Every custom record of the site: people and topics, in groups (groupRecords). Articles are indexed from their
 * pages, and their quotes and figures are found inside them (articleSearchData).
 */
export function searchRecords(site: Site): SearchRecord[] {
  const dates = recordDates(site);
  return [
    ...groupRecords(site.people.map((person) => personRecord(person, dates)), 'person', (group) => `${peopleUrl()}?group=${group}`),
    ...groupRecords(site.topics.map((topic) => topicRecord(topic, dates)), 'topic', (group) => `${topicsUrl()}?group=${group}`),
  ];
}

/** One value of a search filter and how many records in the index carry it. */
export interface FilterOption {
  value: string;
  count: number;
}

/**
 * The values of each search filter with their counts, in the order the search form lists them: types as searchTypes
 * orders them, speakers as the Site lists people (src/lib/rules/people.ts), topics by name. Counted over the entries
 * the result list shows (each article, quote, figure, person and topic), so a count is what choosing the filter with
 * no words lists.
 */
export function searchFilterOptions(site: Site): Record<FilterName, FilterOption[]> {
  const counts = Object.fromEntries(filterNames.map((name) => [name, new Map<string, number>()])) as Record<
    FilterName,
    Map<string, number>
  >;
  const filterSets: SearchData['filters'][] = [
    ...site.articles.map((article) => articleFilters(site, article)),
    ...site.quotes.map((quote) => quoteFilters(site, quote)),
    ...site.figures.map((figure) => figureFilters(site, figure)),
    ...site.people.map((): SearchData['filters'] => ({ type: ['person'] })),
    ...site.topics.map((topic): SearchData['filters'] => ({ type: ['topic'], topic: [topic.data.name] })),
  ];
  for (const filters of filterSets) {
    for (const name of filterNames) {
      for (const value of filters[name] ?? []) counts[name].set(value, (counts[name].get(value) ?? 0) + 1);
    }
  }
  const options = (name: FilterName, order: (a: string, b: string) => number) =>
    [...counts[name]].map(([value, count]) => ({ value, count })).sort((a, b) => order(a.value, b.value));
  const typeOrder = (type: string) => searchTypes.indexOf(type as SearchType);
  // The speaker filter holds names: each takes the place of the first person of that name in the Site's order.
  const personOrder = new Map<string, number>();
  site.people.forEach((person, place) => {
    if (!personOrder.has(person.data.name)) personOrder.set(person.data.name, place);
  });
  const personPlace = (name: string) => personOrder.get(name) ?? Number.MAX_SAFE_INTEGER;
  return {
    type: options('type', (a, b) => typeOrder(a) - typeOrder(b)),
    speaker: options('speaker', (a, b) => personPlace(a) - personPlace(b) || a.localeCompare(b)),
    topic: options('topic', (a, b) => a.localeCompare(b)),
  };
}

/**
 * What the build's search index holds (src/integrations/search-feed.ts): every article page, with its search data, and
 * the records of people and topics. `rendered` says which pages this build renders (the others are in the output
 * folder already), `key` each page's key, so the index can tell the pages it has read before.
 */
export function articleSearchPlan(site: Site, pages: { rendered: ReadonlySet<Article>; key: (article: Article) => string }): SearchPlan {
  return {
    language: searchLanguage,
    pages: site.articles.map((article) => {
      // The file as Astro writes the page of articleUrl (build.format 'directory'), relative to the output folder.
      const file = ['articles', ...article.id.split('/'), 'index.html'].join('/');
      return {
        url: articleUrl(article.id),
        file,
        attributes: pagefindAttributes(articleSearchData(site, article)),
        rendered: pages.rendered.has(article),
        key: pages.key(article),
        shard: article.data.published.toISOString().slice(0, 7),
      };
    }),
    records: searchRecords(site),
  };
}
