/**
 * What the search index holds for each kind of entry. Articles are indexed from their pages (the page carries
 * `articleSearchData` as Pagefind attributes); quotes, people, topics and figures are indexed as custom records built
 * here from the content itself, so search does not depend on the markup of their permalink pages.
 *
 * Every record gets a `type` filter and a `date` sort key: Pagefind leaves a record without the sort key out of
 * sorted results. Meta values are what the result list shows; they are raw text and must be rendered as text.
 */
import { quoteText } from '@/schemas/quote';
import { type Article, type Figure, type Person, type Quote, type Site, type Topic } from '../content/index';
import { presentRoleLabel, roleLabel } from '../rules/people';
import { isoDate } from '../shared/dates';
import { figureSource, formatFigure } from '../rules/figures';
import { filterNames, searchTypes, type FilterName, type SearchType } from '../shared/search-query';
import { figureInArticleUrl, personUrl, quoteInArticleUrl, topicUrl } from '../shared/urls';

/**
 * The one language the index is built in. Pagefind keeps one index per language and the search page reads the
 * index of its own `<html lang>`, so the whole site is indexed as the site's language to stay findable from /search/.
 */
export const searchLanguage = 'en';

/** What Pagefind attaches to a record: shown in results (meta), narrowed by (filters), ordered by (sort). */
export interface SearchData {
  meta: Record<string, string>;
  filters: Record<string, string[]> & { type: [SearchType] };
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

/** An article's filters, meta and sort key; its title and words come from its page. */
export function articleSearchData(site: Site, article: Article): SearchData {
  const date = isoDate(article.data.published);
  return {
    meta: { date, teaser: article.data.teaser },
    filters: { type: ['article'], topic: topicNames(site, article.data.topics) },
    sort: { date },
  };
}

/** A quote links to where it stands in its article; only quotes carry the speaker filter. */
export function quoteRecord(site: Site, quote: Quote): SearchRecord {
  const { data } = quote;
  const text = quoteText(data.text);
  const speaker = site.person(data.speaker.id).data.name;
  const date = isoDate(data.said.date);
  return {
    url: quoteInArticleUrl(data.article.id, quote.id),
    content: text,
    language: searchLanguage,
    meta: {
      title: text,
      kind: data.kind,
      speaker,
      role: roleLabel(data.role),
      date,
      precision: data.said.precision,
    },
    filters: { type: ['quote'], speaker: [speaker], topic: topicNames(site, data.topics) },
    sort: { date },
  };
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
    meta: { title: data.name, role: presentRoleLabel(person, today) },
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
    meta: { title: topic.data.name, description: topic.data.newsroom.description },
    filters: { type: ['topic'], topic: [topic.data.name] },
    sort: { date: newest(date ? [date] : []) },
  };
}

/** A figure links to its fact box in its article and is found by its value, what it measures and its wording. */
export function figureRecord(site: Site, figure: Figure): SearchRecord {
  const { data } = figure;
  const value = formatFigure(data);
  const date = isoDate(data.asOf.date);
  return {
    url: figureInArticleUrl(data.article.id, figure.id),
    content: [value, data.measures, data.wording].join('. '),
    language: searchLanguage,
    meta: {
      title: data.measures,
      value,
      source: figureSource(data.source, (id) => site.person(id).data.name).name,
      date,
      precision: data.asOf.precision,
      basis: data.asOf.basis,
    },
    filters: { type: ['figure'], topic: topicNames(site, data.topics) },
    sort: { date },
  };
}

/** Every custom record of the site: all entries except articles, which are indexed from their pages. */
export function searchRecords(site: Site): SearchRecord[] {
  const dates = recordDates(site);
  return [
    ...site.quotes.map((quote) => quoteRecord(site, quote)),
    ...site.people.map((person) => personRecord(person, dates)),
    ...site.topics.map((topic) => topicRecord(topic, dates)),
    ...site.figures.map((figure) => figureRecord(site, figure)),
  ];
}

/** One value of a search filter and how many records in the index carry it. */
export interface FilterOption {
  value: string;
  count: number;
}

/**
 * The values of each search filter with their counts, in the order the search form lists them: types as searchTypes
 * orders them, speakers as the Site lists people (src/lib/rules/people.ts), topics by name. Counted over the records the index holds (the article pages'
 * data and every custom record), so a count is what choosing the filter with no words finds.
 */
export function searchFilterOptions(site: Site): Record<FilterName, FilterOption[]> {
  const counts = Object.fromEntries(filterNames.map((name) => [name, new Map<string, number>()])) as Record<
    FilterName,
    Map<string, number>
  >;
  const filterSets = [
    ...site.articles.map((article) => articleSearchData(site, article).filters),
    ...searchRecords(site).map((record) => record.filters),
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
