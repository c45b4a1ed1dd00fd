/**
 * The Site: the whole content of one build (or one dev reload), checked, with drafts and what stands only in drafts
 * left out, every list in reading order, and every index pages ask built once, up front. Pure: unit tests make a
 * Site from a few entries in memory (src/test-support/fixtures.ts); src/lib/content/load.ts makes the build's one.
 *
 * A build of N articles renders about 10 N pages (docs/scale.md), so no query here scans all quotes or all
 * articles: each answers from an index. Lists are shared, not copied: they are read-only.
 */
import { byNewest } from '../rules/articles';
import { bySortName } from '../rules/people';
import { newestFirst, quoteTally } from '../rules/quotes';
import { push } from './maps';
import { findComponentUses, type ComponentUse } from './checks';
import { RelatedIndex, type RelatedArticle } from './related-index';
import type { Article, Collections, Figure, Person, Place, Quote, Route, Topic } from './types';
import type { CollectionName } from './registry';

export type Credit = 'author' | 'editor';

/** Everything filed under a topic. */
export interface TopicItems {
  articles: readonly Article[];
  quotes: readonly Quote[];
  figures: readonly Figure[];
  routes: readonly Route[];
  /** Who is quoted on it or is the source of one of its figures, by family name. */
  people: readonly Person[];
}

const none: readonly never[] = Object.freeze([]);

/** Each entry under each of its topics (a topic listed twice counts once). */
function byTopic<T extends { data: { topics: readonly { id: string }[] } }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) for (const id of new Set(item.data.topics.map((ref) => ref.id))) push(map, id, item);
  return map;
}

function lookup<T extends { id: string }>(items: readonly T[], collection: CollectionName): (id: string) => T {
  const byId = new Map(items.map((item) => [item.id, item]));
  return (id) => {
    const item = byId.get(id);
    if (!item) throw new Error(`No ${collection} entry with id "${id}".`);
    return item;
  };
}

export class Site {
  /** Published articles, newest first. */
  readonly articles: readonly Article[];
  /** Everyone, by family name. */
  readonly people: readonly Person[];
  /** Published quotes, newest first (src/lib/rules/quotes.ts says how quotes sort). */
  readonly quotes: readonly Quote[];
  /** Figures of published articles, as filed. */
  readonly figures: readonly Figure[];
  /** Topics by name. */
  readonly topics: readonly Topic[];
  readonly places: readonly Place[];
  readonly routes: readonly Route[];

  readonly article: (id: string) => Article;
  readonly person: (id: string) => Person;
  readonly quote: (id: string) => Quote;
  readonly figure: (id: string) => Figure;
  readonly topic: (id: string) => Topic;
  readonly place: (id: string) => Place;
  readonly route: (id: string) => Route;

  readonly #quotesByArticle: Map<string, Quote[]>;
  readonly #quotesBySpeaker = new Map<string, Quote[]>();
  readonly #quotesByTopic: Map<string, Quote[]>;
  readonly #articlesByTopic: Map<string, Article[]>;
  readonly #figuresByTopic: Map<string, Figure[]>;
  readonly #routesByTopic: Map<string, Route[]>;
  readonly #peopleInArticle = new Map<string, Person[]>();
  readonly #credits = new Map<string, { article: Article; credits: Credit[] }[]>();
  readonly #mentions = new Map<string, Article[]>();
  readonly #related: RelatedIndex;
  // Asked by each article's page and by its cache key, and by each quote page of a speaker: worked out once each.
  readonly #relatedOf = new Map<string, readonly RelatedArticle[]>();
  readonly #tallyBy = new Map<string, string>();
  readonly #uses: Map<string, ComponentUse[]>;
  /** People in name order, from a set of ids; ids of no person are left out. */
  readonly #inNameOrder: (ids: Iterable<string>) => Person[];

  constructor({ articles, people, quotes, figures, topics, places, routes }: Collections) {
    const published = articles
      .filter((article) => !article.data.draft)
      .sort(byNewest);
    const drafts = new Set(articles.filter((article) => article.data.draft).map((article) => article.id));
    const inPublished = <T extends { data: { article: { id: string } } }>(items: readonly T[]) =>
      items.filter((item) => !drafts.has(item.data.article.id));

    this.articles = published;
    this.people = [...people].sort(bySortName);
    this.topics = [...topics].sort((a, b) => a.data.name.localeCompare(b.data.name));
    this.figures = inPublished(figures);
    this.places = [...places];
    this.routes = [...routes];
    this.article = lookup(this.articles, 'articles');
    this.person = lookup(people, 'people');
    this.figure = lookup(this.figures, 'figures');
    this.topic = lookup(topics, 'topics');
    this.place = lookup(places, 'places');
    this.route = lookup(routes, 'routes');

    // The components each body uses, parsed once: where quotes stand (reading order) and whom <Person> names.
    const uses = new Map(published.map((article) => [article.id, article.body ? findComponentUses(article.body) : []]));
    this.#uses = uses;
    const publishedOn = new Map(published.map((article) => [article.id, article.data.published]));
    const position = (quote: Quote) => {
      const index = (uses.get(quote.data.article.id) ?? []).findIndex((use) => use.component === 'Quote' && use.ids[0] === quote.id);
      return index < 0 ? Number.MAX_SAFE_INTEGER : index;
    };
    this.quotes = newestFirst(inPublished(quotes), (id) => publishedOn.get(id), position);
    this.quote = lookup(this.quotes, 'quotes');

    this.#quotesByArticle = new Map();
    for (const quote of this.quotes) {
      push(this.#quotesByArticle, quote.data.article.id, quote);
      push(this.#quotesBySpeaker, quote.data.speaker.id, quote);
    }
    this.#quotesByTopic = byTopic(this.quotes);
    this.#articlesByTopic = byTopic(this.articles);
    this.#figuresByTopic = byTopic(this.figures);
    this.#routesByTopic = byTopic(this.routes);

    const order = new Map(this.people.map((person, place) => [person.id, place]));
    const inNameOrder = (ids: Iterable<string>) =>
      [...ids].filter((id) => order.has(id)).sort((a, b) => order.get(a)! - order.get(b)!).map((id) => this.people[order.get(id)!]!);
    this.#inNameOrder = inNameOrder;

    for (const article of published) {
      const authors = new Set(article.data.authors.map((ref) => ref.id));
      const editors = new Set(article.data.editors.map((ref) => ref.id));
      const named = new Set([...article.data.people.map((ref) => ref.id), ...this.quotesIn(article).map((q) => q.data.speaker.id)]);
      for (const id of [...authors, ...editors]) named.delete(id);
      this.#peopleInArticle.set(article.id, inNameOrder(named));

      for (const id of new Set([...authors, ...editors])) {
        const credits: Credit[] = [];
        if (authors.has(id)) credits.push('author');
        if (editors.has(id)) credits.push('editor');
        push(this.#credits, id, { article, credits });
      }
      const linked = uses.get(article.id)!.flatMap((use) => (use.component === 'Person' && use.ids[0] ? [use.ids[0]] : []));
      for (const id of new Set([...named, ...linked])) if (!authors.has(id) && !editors.has(id)) push(this.#mentions, id, article);
    }

    this.#related = new RelatedIndex(published, this.#quotesByArticle);
  }

  /** The components an article's body uses, in reading order, with the ids they name. */
  usesIn(article: Article): readonly ComponentUse[] {
    return this.#uses.get(article.id) ?? none;
  }

  /** Quotes that stand in an article, newest first, then in reading order. */
  quotesIn(article: Article): readonly Quote[] {
    return this.#quotesByArticle.get(article.id) ?? none;
  }

  /** Everyone an article names, quotes or mentions, excluding its authors and editors, by family name. */
  peopleIn(article: Article): readonly Person[] {
    return this.#peopleInArticle.get(article.id) ?? none;
  }

  /** What a person said, newest first. */
  quotesBy(personId: string): readonly Quote[] {
    return this.#quotesBySpeaker.get(personId) ?? none;
  }

  /** What a person said, counted as a reader reads it: "11 quotes and 4 reported statements" (quoteTally). */
  quoteTallyBy(personId: string): string {
    let tally = this.#tallyBy.get(personId);
    if (tally === undefined) this.#tallyBy.set(personId, (tally = quoteTally(this.quotesBy(personId))));
    return tally;
  }

  /** Quotes about a topic, newest first. */
  quotesOn(topicId: string): readonly Quote[] {
    return this.#quotesByTopic.get(topicId) ?? none;
  }

  /** Articles a person wrote or edited, newest first, with what they did on each. */
  articlesBy(personId: string): readonly { article: Article; credits: readonly Credit[] }[] {
    return this.#credits.get(personId) ?? none;
  }

  /**
   * Articles that name, quote or mention a person without them having written or edited it, newest first: the
   * people list of `peopleIn`, plus names linked in the body with <Person>.
   */
  articlesMentioning(personId: string): readonly Article[] {
    return this.#mentions.get(personId) ?? none;
  }

  /** Every article a person wrote, edited, is quoted or mentioned in, newest first: what their feed carries. */
  articlesWith(personId: string): Article[] {
    const ids = new Set([...this.articlesBy(personId).map(({ article }) => article.id), ...this.articlesMentioning(personId).map((a) => a.id)]);
    return this.articles.filter((article) => ids.has(article.id));
  }

  /** How much of a person the site holds: their quotes, and the articles they wrote, edited or appear in. */
  personCounts(personId: string): { quotes: number; articles: number } {
    const articles = new Set([...this.articlesBy(personId).map(({ article }) => article.id), ...this.articlesMentioning(personId).map((a) => a.id)]);
    return { quotes: this.quotesBy(personId).length, articles: articles.size };
  }

  /** Everything filed under a topic: articles and quotes newest first, figures, routes and the people involved. */
  topicItems(topicId: string): TopicItems {
    const quotes = this.quotesOn(topicId);
    const figures = this.#figuresByTopic.get(topicId) ?? none;
    const involved = new Set([
      ...quotes.map((quote) => quote.data.speaker.id),
      ...figures.flatMap((figure) => ('person' in figure.data.source ? [figure.data.source.person.id] : [])),
    ]);
    return {
      articles: this.#articlesByTopic.get(topicId) ?? none,
      quotes,
      figures,
      routes: this.#routesByTopic.get(topicId) ?? none,
      people: this.#inNameOrder(involved),
    };
  }

  /** People who said at least one published quote, by family name, with how many. */
  speakers(): { person: Person; quotes: number }[] {
    return this.people.map((person) => ({ person, quotes: this.quotesBy(person.id).length })).filter(({ quotes }) => quotes > 0);
  }

  /** Topics with at least one published quote, by name, with how many. */
  quoteTopics(): { topic: Topic; quotes: number }[] {
    return this.topics.map((topic) => ({ topic, quotes: this.quotesOn(topic.id).length })).filter(({ quotes }) => quotes > 0);
  }

  /** Every correction, clarification and update on the site, newest first, with its article. */
  corrections() {
    return this.articles
      .flatMap((article) => article.data.corrections.map((correction) => ({ article, ...correction })))
      .sort((a, b) => b.date.getTime() - a.date.getTime() || a.article.id.localeCompare(b.article.id));
  }

  /** Articles related to `article`: those a journalist chose first, then suggestions (src/lib/content/related.ts). */
  related(article: Article): readonly RelatedArticle[] {
    let relations = this.#relatedOf.get(article.id);
    if (!relations) {
      relations = this.#related.of(article.id).map((relation) => ({
        article: this.article(relation.id),
        reason: relation.reason,
        topics: relation.shared.topics.map((id) => this.topic(id)),
        people: relation.shared.people.map((id) => this.person(id)),
        places: relation.shared.places.map((id) => this.place(id)),
      }));
      this.#relatedOf.set(article.id, relations);
    }
    return relations;
  }
}

/** The Site pages query, from the collections as loaded. */
export const createSite = (collections: Collections): Site => new Site(collections);
