/**
 * Which entries a page shows, so that a page can be keyed on what it shows (issue 14, incremental builds): a person
 * page changes when one of their quotes does, a topic page when an article joins it. Each function lists every
 * entry whose words, dates or links reach the page; `cacheKey` folds their digests into one key.
 */
import { createHash } from 'node:crypto';
import { listingPages, shownFilters, type ListingPage } from '../rules/listing';
import { mdxComponents, type MdxComponentName } from './registry';
import type { Site } from './site';
import type { Article, Figure, Quote, Route } from './types';

/** What a key needs of an entry: which one it is, and Astro's digest of its content. */
export interface Shown {
  id: string;
  collection: string;
  digest?: string | number | undefined;
}

const unique = (entries: readonly Shown[]): Shown[] => {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = `${entry.collection}/${entry.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** An article page: the article, everyone credited or named, its quotes, topics, places, what its body's components show, and its related articles. */
export function shownOnArticle(site: Site, article: Article): Shown[] {
  const { data } = article;
  const named = site.usesIn(article).flatMap((use) => {
    const spec = mdxComponents[use.component as MdxComponentName];
    if (!spec) return [];
    const lookup = { quotes: site.quote, people: site.person, figures: site.figure, routes: site.route }[spec.collection];
    return use.ids.map((id) => lookup(id));
  });
  const routes = site.usesIn(article).flatMap((use) => (use.component === 'RouteMap' ? use.ids.map((id) => site.route(id)) : []));
  const related = site.related(article);
  return unique([
    article,
    ...[...data.authors, ...data.editors].map((ref) => site.person(ref.id)),
    ...site.peopleIn(article),
    ...site.quotesIn(article),
    ...data.topics.map((ref) => site.topic(ref.id)),
    ...data.places.map((ref) => site.place(ref.id)),
    ...named,
    ...shownOnRouteMap(site, routes),
    // Each related article with what it shares: its title and date, and the shared topics, people and places named.
    ...related.flatMap((relation) => [relation.article, ...relation.topics, ...relation.people, ...relation.places]),
  ]);
}

/** A route map (an article's or a topic's): its routes, their places, what is reported about them and where, their figures and topics. */
export function shownOnRouteMap(site: Site, routes: readonly Route[]): Shown[] {
  if (!routes.length) return [];
  const { articles, figures } = publishedById(site);
  return unique(
    routes.flatMap((route) => [
      route,
      ...route.data.waypoints.map((waypoint) => site.place(waypoint.place.id)),
      ...route.data.reported.flatMap((r) => articles.get(r.article.id) ?? []),
      ...route.data.figures.flatMap((ref) => figures.get(ref.id) ?? []),
      ...route.data.topics.map((ref) => site.topic(ref.id)),
    ]),
  );
}

/**
 * The site's published articles and figures by id, made once per Site: asked for every article page and API document,
 * a set of every article made on each call cost the build time that grew with the square of the archive (about 5 s at
 * 3,000 articles).
 */
const byIdOf = new WeakMap<Site, { articles: Map<string, Article>; figures: Map<string, Figure> }>();
function publishedById(site: Site) {
  let found = byIdOf.get(site);
  if (!found) {
    found = { articles: new Map(site.articles.map((article) => [article.id, article])), figures: new Map(site.figures.map((figure) => [figure.id, figure])) };
    byIdOf.set(site, found);
  }
  return found;
}

/** An article's locator map (src/lib/map/locator.ts): the places it names, by name, kind and country. */
export function shownOnLocator(site: Site, article: Article): Shown[] {
  return unique(article.data.places.map((ref) => site.place(ref.id)));
}

/** A quote as a card in a list: the quote, its speaker and the article it stands in. */
export function shownOnQuoteCard(site: Site, quote: Quote): Shown[] {
  return [quote, site.person(quote.data.speaker.id), site.article(quote.data.article.id), ...quote.data.topics.map((ref) => site.topic(ref.id))];
}

/** A person page: the person, their quotes and the articles those stand in, and every article they wrote, edited or appear in. */
export function shownOnPerson(site: Site, personId: string): Shown[] {
  const quotes = site.quotesBy(personId);
  const person = site.person(personId);
  return unique([
    person,
    // A role names the article that stated it.
    ...person.data.roles.flatMap((role) => (role.statedIn ? [site.article(role.statedIn.id)] : [])),
    ...quotes,
    ...quotes.map((quote) => site.article(quote.data.article.id)),
    ...quotes.flatMap((quote) => quote.data.topics.map((ref) => site.topic(ref.id))),
    ...site.articlesWith(personId),
  ]);
}

/** A topic page: the topic and everything filed under it, with the people involved. */
export function shownOnTopic(site: Site, topicId: string): Shown[] {
  const items = site.topicItems(topicId);
  return unique([
    site.topic(topicId),
    ...items.articles,
    ...items.quotes,
    ...items.quotes.map((quote) => site.person(quote.data.speaker.id)),
    ...items.quotes.map((quote) => site.article(quote.data.article.id)),
    ...items.figures,
    ...items.figures.map((figure) => site.article(figure.data.article.id)),
    ...shownOnRouteMap(site, items.routes),
    ...items.people,
  ]);
}

/** A quote page: the quote, its speaker, its article (whose paragraph it shows) and the other quotes and people of that paragraph's article. */
export function shownOnQuote(site: Site, quoteId: string): Shown[] {
  const quote = site.quote(quoteId);
  const article = site.article(quote.data.article.id);
  return unique([
    quote,
    site.person(quote.data.speaker.id),
    article,
    ...site.quotesIn(article),
    ...site.peopleIn(article),
    ...quote.data.topics.map((ref) => site.topic(ref.id)),
  ]);
}

/** A person's or topic's feed: that entry and its articles, with their authors and topics as the items name them. */
export function shownInFeed(site: Site, about: Shown, articles: readonly Article[]): Shown[] {
  return unique([
    about,
    ...articles.flatMap((article) => [
      article,
      ...article.data.authors.map((ref) => site.person(ref.id)),
      ...article.data.topics.map((ref) => site.topic(ref.id)),
    ]),
  ]);
}

/** Which listing of quotes: all of them, one speaker's or one topic's. */
export type ListingFilter = { speaker: string } | { topic: string } | undefined;

/**
 * The filters the main quotes listing's front page (/quotes/) offers: every quote's count, the speakers and topics
 * quoted with their counts, and the dozen of each it shows (shownFilters). They change with every quote published
 * anywhere, so only this one page shows them: older pages and the filtered listings do not (issue 14).
 */
export function listingFilters(site: Site) {
  const allSpeakers = site.speakers().map((speaker) => ({ ...speaker, id: speaker.person.id }));
  const allTopics = site.quoteTopics().map((topic) => ({ ...topic, id: topic.topic.id }));
  return {
    total: site.quotes.length,
    allSpeakers,
    allTopics,
    shownSpeakers: shownFilters(allSpeakers, undefined),
    shownTopics: shownFilters(allTopics, undefined),
  };
}

/** One link of a filtered listing's own row: a topic or a speaker of its quotes, and how many of them it is in. */
export interface OwnLink {
  id: string;
  name: string;
  entry: Shown;
  /** How many of this listing's quotes it is in: what picks the dozen, not shown (the link leads to all of its quotes). */
  quotes: number;
}

/**
 * What a filtered listing's front page derives from its own quotes alone, so that it changes only when they do
 * (issue 14): a speaker's listing, the topics their quotes are on; a topic's listing, the people quoted on it. At most
 * a dozen, those in the most of this listing's quotes, by name (shownFilters, as on /quotes/), and how many are left
 * out. The main listing has none.
 */
export function listingOwnLinks(site: Site, filter: ListingFilter): { kind: 'topics' | 'speakers'; shown: OwnLink[]; more: number } | undefined {
  if (!filter) return undefined;
  const counts = new Map<string, number>();
  const count = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
  if ('speaker' in filter) {
    for (const quote of site.quotesBy(filter.speaker)) for (const id of new Set(quote.data.topics.map((ref) => ref.id))) count(id);
    const all = site.topics.filter((topic) => counts.has(topic.id)).map((topic) => ({ id: topic.id, name: topic.data.name, entry: topic, quotes: counts.get(topic.id)! }));
    const shown = shownFilters(all, undefined);
    return { kind: 'topics', shown, more: all.length - shown.length };
  }
  for (const quote of site.quotesOn(filter.topic)) count(quote.data.speaker.id);
  const all = site.people.filter((person) => counts.has(person.id)).map((person) => ({ id: person.id, name: person.data.name, entry: person, quotes: counts.get(person.id)! }));
  const shown = shownFilters(all, undefined);
  return { kind: 'speakers', shown, more: all.length - shown.length };
}

/**
 * A quotes listing's pages (listingPages: the newest on the front page, older ones numbered from the oldest), each
 * with its key: its quotes as cards, where its newer and older pages are, and on the front page what its navigation
 * shows: on /quotes/ the filters with their counts, on a filtered listing the links made from its own quotes.
 * `about` is the entry the listing is filtered by, whose name the page shows.
 */
export function keyedListing(site: Site, quotes: readonly Quote[], filter: ListingFilter, about?: Shown): { page: ListingPage<Quote>; cacheKey: string }[] {
  const own = listingOwnLinks(site, filter);
  return listingPages(quotes).map((page) => {
    const cards = page.items.flatMap((quote) => shownOnQuoteCard(site, quote));
    const place = [page.number ?? 'front', page.newer ?? '', page.older ?? '', page.first, page.last];
    if (page.number !== undefined) return { page, cacheKey: cacheKey(unique([...(about ? [about] : []), ...cards]), ...place) };
    if (own) {
      // The links' order and what is left out, which no entry's digest holds; their names are in the entries.
      return {
        page,
        cacheKey: cacheKey(unique([...(about ? [about] : []), ...cards, ...own.shown.map((link) => link.entry)]), ...place, own.kind, own.shown.map((link) => link.id).join(','), own.more),
      };
    }
    const filters = listingFilters(site);
    const counts = [filters.shownSpeakers, filters.shownTopics].map((shown) => shown.map((item) => `${item.id}:${item.quotes}`).join(','));
    return {
      page,
      cacheKey: cacheKey(
        unique([...(about ? [about] : []), ...cards, ...filters.shownSpeakers.map((item) => item.person), ...filters.shownTopics.map((item) => item.topic)]),
        ...place,
        filters.total,
        filters.allSpeakers.length,
        filters.allTopics.length,
        ...counts,
      ),
    };
  });
}

/**
 * One key for a page: the entries it shows with their digests, in order, hashed, and anything else the page prints
 * that no single entry holds (a count, the address of the next page), as `extra`.
 */
export function cacheKey(entries: readonly Shown[], ...extra: readonly (string | number)[]): string {
  const hash = createHash('sha256');
  for (const entry of entries) hash.update(`${entry.collection}/${entry.id}@${entry.digest ?? ''}\n`);
  for (const value of extra) hash.update(`+${value}\n`);
  return hash.digest('hex').slice(0, 32);
}
