/**
 * Which entries a page shows, so that a page can be keyed on what it shows (issue 14, incremental builds): a person
 * page changes when one of their quotes does, a topic page when an article joins it. Each function lists every
 * entry whose words, dates or links reach the page; `cacheKey` folds their digests into one key.
 */
import { createHash } from 'node:crypto';
import { mdxComponents, type MdxComponentName } from './registry';
import type { Site } from './site';
import type { Article } from './types';

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
  return unique([
    article,
    ...[...data.authors, ...data.editors].map((ref) => site.person(ref.id)),
    ...site.peopleIn(article),
    ...site.quotesIn(article),
    ...data.topics.map((ref) => site.topic(ref.id)),
    ...data.places.map((ref) => site.place(ref.id)),
    ...named,
    // A route map draws its routes' places.
    ...routes.flatMap((route) => route.data.waypoints.map((waypoint) => site.place(waypoint.place.id))),
    ...site.related(article).map(({ article: other }) => other),
  ]);
}

/** A person page: the person, their quotes and the articles those stand in, and every article they wrote, edited or appear in. */
export function shownOnPerson(site: Site, personId: string): Shown[] {
  const quotes = site.quotesBy(personId);
  return unique([
    site.person(personId),
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
    ...items.routes,
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

/** One key for a page: the entries it shows with their digests, in order, hashed. */
export function cacheKey(entries: readonly Shown[]): string {
  const hash = createHash('sha256');
  for (const entry of entries) hash.update(`${entry.collection}/${entry.id}@${entry.digest ?? ''}\n`);
  return hash.digest('hex').slice(0, 32);
}
