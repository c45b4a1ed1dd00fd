/**
 * Every collection query goes through this module: it loads the content once per build, checks what the schemas
 * cannot (references, MDX component ids, quote placement, real dates), leaves drafts out in one place, and answers
 * the questions pages ask.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import {
  checkContent,
  collectionNames,
  findComponentUses,
  formatProblems,
  type CheckedEntry,
  type CollectionName,
  type Problem,
} from './checks';
import { displayPath, duplicateIds, parseContentFiles, readContentFiles } from './files';
import { contentDir } from './dir';
import { rankRelated, relatedWeights, suggestionLimit, type RelatedCandidate, type Relation } from './related';

export type Article = CollectionEntry<'articles'>;
export type Person = CollectionEntry<'people'>;
export type Quote = CollectionEntry<'quotes'>;
export type Figure = CollectionEntry<'figures'>;
export type Topic = CollectionEntry<'topics'>;
export type Place = CollectionEntry<'places'>;
export type Route = CollectionEntry<'routes'>;

export interface Site {
  /** Published articles, newest first. */
  articles: Article[];
  people: Person[];
  quotes: Quote[];
  figures: Figure[];
  topics: Topic[];
  places: Place[];
  routes: Route[];
  article: (id: string) => Article;
  person: (id: string) => Person;
  quote: (id: string) => Quote;
  figure: (id: string) => Figure;
  topic: (id: string) => Topic;
  place: (id: string) => Place;
  route: (id: string) => Route;
}

let loading: { files: string; site: Promise<Site> } | undefined;

/**
 * The whole site's content, checked. Loaded once and shared by every page of a build.
 *
 * In `astro dev`, Astro keeps serving the last valid version of an entry whose edit breaks its schema, and only
 * logs why in the terminal. So dev reads the content files on every page, as `npm run check:content` does: a
 * schema problem stops the page with the same message as the check, and a changed file loads the content again.
 */
export function loadSite(): Promise<Site> {
  if (import.meta.env.DEV) {
    const files = readContentFiles(contentDir);
    const hash = createHash('sha256');
    for (const file of files) hash.update(file.file).update('\0').update(file.raw).update('\0');
    const key = hash.digest('hex');
    if (loading?.files !== key) loading = { files: key, site: load(parseContentFiles(files).problems) };
    return loading.site;
  }
  loading ??= { files: '', site: load([]) };
  return loading.site;
}

/** Astro's collections, checked across entries; `fileProblems` are schema problems found in the files themselves. */
async function load(fileProblems: Problem[]): Promise<Site> {
  if (fileProblems.length) throw new ContentError([...duplicateIds(contentDir), ...fileProblems]);
  const [articles, people, quotes, figures, topics, places, routes] = await Promise.all([
    getCollection('articles'),
    getCollection('people'),
    getCollection('quotes'),
    getCollection('figures'),
    getCollection('topics'),
    getCollection('places'),
    getCollection('routes'),
  ]);
  const all = { articles, people, quotes, figures, topics, places, routes };

  const checked: CheckedEntry[] = collectionNames.flatMap((collection) =>
    (all[collection] as { id: string; filePath?: string; data: object }[]).map((entry) => {
      const file = entry.filePath ?? `${collection}/${entry.id}`;
      return {
        collection,
        id: entry.id,
        file: displayPath(file),
        raw: fs.readFileSync(path.resolve(file), 'utf8'),
        data: entry.data as Record<string, unknown>,
      };
    }),
  );
  const problems = [...duplicateIds(contentDir), ...checkContent(checked)];
  if (problems.length) throw new ContentError(problems);

  return createSite(all);
}

/** The collections as Astro loads them, before drafts are left out and lists sorted. */
export interface Collections {
  articles: readonly Article[];
  people: readonly Person[];
  quotes: readonly Quote[];
  figures: readonly Figure[];
  topics: readonly Topic[];
  places: readonly Place[];
  routes: readonly Route[];
}

/**
 * The Site pages query: drafts and what stands only in drafts left out, lists sorted, lookups by id. Pure, so unit
 * tests build a Site from a few entries in memory instead of reading content/.
 */
export function createSite({ articles, people, quotes, figures, topics, places, routes }: Collections): Site {
  const published = articles
    .filter((article) => !article.data.draft)
    .sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id));
  const draftIds = new Set(articles.filter((a) => a.data.draft).map((a) => a.id));
  const fromPublished = <T extends { data: { article: { id: string } } }>(items: readonly T[]) =>
    items.filter((item) => !draftIds.has(item.data.article.id));

  const lookup = <T extends { id: string }>(items: readonly T[], collection: CollectionName) => {
    const byId = new Map(items.map((item) => [item.id, item]));
    return (id: string): T => {
      const item = byId.get(id);
      if (!item) throw new Error(`No ${collection} entry with id "${id}".`);
      return item;
    };
  };

  const site = {
    articles: published,
    people: [...people].sort(byName),
    quotes: fromPublished(quotes),
    figures: fromPublished(figures),
    topics: [...topics].sort((a, b) => a.data.name.localeCompare(b.data.name)),
    places: [...places],
    routes: [...routes],
  };
  return {
    ...site,
    article: lookup(site.articles, 'articles'),
    person: lookup(people, 'people'),
    quote: lookup(site.quotes, 'quotes'),
    figure: lookup(site.figures, 'figures'),
    topic: lookup(topics, 'topics'),
    place: lookup(places, 'places'),
    route: lookup(routes, 'routes'),
  };
}

/** Sort people family name first: "Mudge" before "Putin". */
export function sortName(person: Person): string {
  return person.data.sortName ?? person.data.name.split(' ').at(-1) ?? person.data.name;
}

function byName(a: Person, b: Person): number {
  return sortName(a).localeCompare(sortName(b));
}

/** The error that stops the build: every problem, each naming file, line, field and what was expected. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'ContentError';
  }
}

/**
 * What the pages ask, indexed once per Site: every question below would otherwise scan all quotes or all articles
 * on every page, and a build of N articles renders about 10 N pages (docs/scale.md). Built on first use, so a Site
 * that never answers these questions never pays for them; pages get copies of the lists.
 */
interface SiteIndex {
  quotesByArticle: Map<string, Quote[]>;
  quotesBySpeaker: Map<string, Quote[]>;
  quotesByTopic: Map<string, Quote[]>;
  articlesByTopic: Map<string, Article[]>;
  figuresByTopic: Map<string, Figure[]>;
  routesByTopic: Map<string, Route[]>;
  /** A person's place in `site.people` (sorted by name), to sort people without scanning everyone. */
  personOrder: Map<string, number>;
  /** Each quote's place in `allQuotes` order. */
  quoteOrder: Map<Quote, number>;
  /** Sorted lists already asked for, by question. */
  memo: Map<string, unknown>;
}

const indexes = new WeakMap<Site, SiteIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function siteIndex(site: Site): SiteIndex {
  let index = indexes.get(site);
  if (index) return index;
  index = {
    quotesByArticle: new Map(),
    quotesBySpeaker: new Map(),
    quotesByTopic: new Map(),
    articlesByTopic: new Map(),
    figuresByTopic: new Map(),
    routesByTopic: new Map(),
    personOrder: new Map(site.people.map((person, i) => [person.id, i])),
    quoteOrder: new Map(),
    memo: new Map(),
  };
  for (const quote of site.quotes) {
    push(index.quotesByArticle, quote.data.article.id, quote);
    push(index.quotesBySpeaker, quote.data.speaker.id, quote);
    for (const topicId of new Set(quote.data.topics.map((ref) => ref.id))) push(index.quotesByTopic, topicId, quote);
  }
  for (const article of site.articles) {
    for (const topicId of new Set(article.data.topics.map((ref) => ref.id))) push(index.articlesByTopic, topicId, article);
  }
  for (const figure of site.figures) {
    for (const topicId of new Set(figure.data.topics.map((ref) => ref.id))) push(index.figuresByTopic, topicId, figure);
  }
  for (const route of site.routes) {
    for (const topicId of new Set(route.data.topics.map((ref) => ref.id))) push(index.routesByTopic, topicId, route);
  }
  indexes.set(site, index);
  sortQuotesUncached(site, site.quotes).forEach((quote, i) => index.quoteOrder.set(quote, i));
  return index;
}

/** A list computed once per site and question; callers get their own copy. */
function memo<T>(site: Site, key: string, compute: () => T[]): T[] {
  const { memo: cache } = siteIndex(site);
  let list = cache.get(key) as T[] | undefined;
  if (!list) {
    list = compute();
    cache.set(key, list);
  }
  return [...list];
}

/** Quotes that stand in an article, in the order they were filed (the body decides the reading order). */
export function quotesInArticle(site: Site, article: Article): Quote[] {
  return [...(siteIndex(site).quotesByArticle.get(article.id) ?? [])];
}

/** Everyone an article names, quotes or mentions, excluding its authors and editors, sorted by name. */
export function peopleInArticle(site: Site, article: Article): Person[] {
  return memo(site, `peopleInArticle\n${article.id}`, () => {
    const ids = new Set([
      ...article.data.people.map((ref) => ref.id),
      ...quotesInArticle(site, article).map((quote) => quote.data.speaker.id),
    ]);
    for (const ref of [...article.data.authors, ...article.data.editors]) ids.delete(ref.id);
    const { personOrder } = siteIndex(site);
    return [...ids]
      .filter((id) => personOrder.has(id))
      .sort((a, b) => personOrder.get(a)! - personOrder.get(b)!)
      .map((id) => site.people[personOrder.get(id)!]!);
  });
}

/** The role a person is best known by now: the first listed. */
export function currentRole(person: Person): Person['data']['roles'][number] {
  return person.data.roles[0]!;
}

/** "Deputy Foreign Minister, Kazakhstan" */
export function roleLabel(role: { title: string; organisation: string; place?: string | undefined }): string {
  return [role.title, role.organisation, role.place].filter(Boolean).join(', ');
}

/** When an article last changed: its update date or its latest correction, whichever is later. */
export function lastModified(article: Article): Date {
  const dates = [article.data.published, article.data.updated, ...article.data.corrections.map((c) => c.date)];
  return new Date(Math.max(...dates.filter((d): d is Date => d !== undefined).map((d) => d.getTime())));
}

/** Every correction, clarification and update on the site, newest first, with its article. */
export function allCorrections(site: Site) {
  return site.articles
    .flatMap((article) => article.data.corrections.map((correction) => ({ article, ...correction })))
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.article.id.localeCompare(b.article.id));
}

const usesCache = new WeakMap<Article, ReturnType<typeof findComponentUses>>();

/** The components an article's body uses, parsed once per article. */
function componentUses(article: Article): ReturnType<typeof findComponentUses> {
  let uses = usesCache.get(article);
  if (!uses) {
    uses = article.body ? findComponentUses(article.body) : [];
    usesCache.set(article, uses);
  }
  return uses;
}

/** Where a quote first stands in its article's body, counted in component uses: the reading order. */
function readingPosition(article: Article | undefined, quoteId: string): number {
  const index = article ? componentUses(article).findIndex((use) => use.component === 'Quote' && use.ids[0] === quoteId) : -1;
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}

/**
 * Quotes newest first: by the date they were said, then by their article's date, then in the order a reader meets
 * them in the article (so the quotes of one interview read as they were published).
 */
export function sortQuotes(site: Site, quotes: readonly Quote[]): Quote[] {
  const { quoteOrder } = siteIndex(site);
  // The site's own quotes have their place in the order already; anything else is sorted the long way.
  if (quotes.every((quote) => quoteOrder.has(quote))) {
    return [...quotes].sort((a, b) => quoteOrder.get(a)! - quoteOrder.get(b)!);
  }
  return sortQuotesUncached(site, quotes);
}

function sortQuotesUncached(site: Site, quotes: readonly Quote[]): Quote[] {
  const articles = new Map(site.articles.map((article) => [article.id, article]));
  const keyOf = (quote: Quote) => {
    const article = articles.get(quote.data.article.id);
    return {
      said: quote.data.said.date.getTime(),
      published: article?.data.published.getTime() ?? 0,
      position: readingPosition(article, quote.id),
    };
  };
  const keys = new Map(quotes.map((quote) => [quote.id, keyOf(quote)]));
  return [...quotes].sort((a, b) => {
    const ka = keys.get(a.id)!;
    const kb = keys.get(b.id)!;
    return kb.said - ka.said || kb.published - ka.published || ka.position - kb.position || a.id.localeCompare(b.id);
  });
}

/** Every published quote, newest first. */
export function allQuotes(site: Site): Quote[] {
  return sortQuotes(site, site.quotes);
}

/** What a person said, newest first. */
export function quotesBy(site: Site, personId: string): Quote[] {
  return memo(site, `quotesBy\n${personId}`, () => sortQuotes(site, siteIndex(site).quotesBySpeaker.get(personId) ?? []));
}

/** Quotes about a topic, newest first. */
export function quotesOnTopic(site: Site, topicId: string): Quote[] {
  return memo(site, `quotesOnTopic\n${topicId}`, () => sortQuotes(site, siteIndex(site).quotesByTopic.get(topicId) ?? []));
}

export type Credit = 'author' | 'editor';

/** Each person's credits, article by article, newest first; and the articles that mention each person. */
function peopleArticles(site: Site): {
  credits: Map<string, { article: Article; credits: Credit[] }[]>;
  mentions: Map<string, Article[]>;
} {
  const { memo: cache } = siteIndex(site);
  const key = 'peopleArticles';
  let found = cache.get(key) as ReturnType<typeof peopleArticles> | undefined;
  if (found) return found;
  found = { credits: new Map(), mentions: new Map() };
  for (const article of site.articles) {
    const authors = new Set(article.data.authors.map((ref) => ref.id));
    const editors = new Set(article.data.editors.map((ref) => ref.id));
    for (const id of new Set([...authors, ...editors])) {
      const credits: Credit[] = [];
      if (authors.has(id)) credits.push('author');
      if (editors.has(id)) credits.push('editor');
      push(found.credits, id, { article, credits });
    }
    const mentioned = new Set([
      ...peopleInArticle(site, article).map((person) => person.id),
      ...componentUses(article).flatMap((use) => (use.component === 'Person' && use.ids[0] !== undefined ? [use.ids[0]] : [])),
    ]);
    for (const id of mentioned) if (!authors.has(id) && !editors.has(id)) push(found.mentions, id, article);
  }
  cache.set(key, found);
  return found;
}

/** Articles a person wrote or edited, newest first, with what they did on each. */
export function articlesByPerson(site: Site, personId: string): { article: Article; credits: Credit[] }[] {
  return (peopleArticles(site).credits.get(personId) ?? []).map(({ article, credits }) => ({ article, credits: [...credits] }));
}

/**
 * Articles that name, quote or mention a person without them having written or edited it, newest first: the
 * people list of `peopleInArticle`, plus names linked in the body with <Person>.
 */
export function articlesMentioning(site: Site, personId: string): Article[] {
  return [...(peopleArticles(site).mentions.get(personId) ?? [])];
}

/** Every article a person wrote, edited, is quoted or mentioned in, newest first: what their feed carries. */
export function articlesWithPerson(site: Site, personId: string): Article[] {
  const ids = new Set([
    ...articlesByPerson(site, personId).map(({ article }) => article.id),
    ...articlesMentioning(site, personId).map((article) => article.id),
  ]);
  return site.articles.filter((article) => ids.has(article.id));
}

/** How much of a person the site holds: their quotes, and the articles they wrote, edited or appear in. */
export function personCounts(site: Site, personId: string): { quotes: number; articles: number } {
  const { credits, mentions } = peopleArticles(site);
  const articles = new Set([
    ...(credits.get(personId) ?? []).map(({ article }) => article.id),
    ...(mentions.get(personId) ?? []).map((article) => article.id),
  ]);
  return { quotes: siteIndex(site).quotesBySpeaker.get(personId)?.length ?? 0, articles: articles.size };
}

/** Everything filed under a topic: articles newest first, quotes newest first, figures, routes and the people quoted. */
export function topicItems(
  site: Site,
  topicId: string,
): { articles: Article[]; quotes: Quote[]; figures: Figure[]; routes: Route[]; people: Person[] } {
  const index = siteIndex(site);
  const quotes = quotesOnTopic(site, topicId);
  const figures = [...(index.figuresByTopic.get(topicId) ?? [])];
  const involved = new Set([
    ...quotes.map((quote) => quote.data.speaker.id),
    ...figures.flatMap((figure) => ('person' in figure.data.source ? [figure.data.source.person.id] : [])),
  ]);
  return {
    articles: [...(index.articlesByTopic.get(topicId) ?? [])],
    quotes,
    figures,
    routes: [...(index.routesByTopic.get(topicId) ?? [])],
    people: [...involved]
      .filter((id) => index.personOrder.has(id))
      .sort((a, b) => index.personOrder.get(a)! - index.personOrder.get(b)!)
      .map((id) => site.people[index.personOrder.get(id)!]!),
  };
}

/** People who said at least one published quote, by family name, with how many. */
export function speakers(site: Site): { person: Person; quotes: number }[] {
  return memo(site, 'speakers', () => {
    const { quotesBySpeaker } = siteIndex(site);
    return site.people
      .map((person) => ({ person, quotes: quotesBySpeaker.get(person.id)?.length ?? 0 }))
      .filter(({ quotes }) => quotes > 0);
  });
}

/** Topics with at least one published quote, by name, with how many. */
export function quoteTopics(site: Site): { topic: Topic; quotes: number }[] {
  return memo(site, 'quoteTopics', () => {
    const { quotesByTopic } = siteIndex(site);
    return site.topics
      .map((topic) => ({ topic, quotes: quotesByTopic.get(topic.id)?.length ?? 0 }))
      .filter(({ quotes }) => quotes > 0);
  });
}

/** An article related to another, with what the two share, for the "Related" section. */
export interface RelatedArticle {
  article: Article;
  reason: Relation['reason'];
  topics: Topic[];
  people: Person[];
  places: Place[];
}

interface RelatedIndex {
  byId: Map<string, RelatedCandidate>;
  /** Candidates by each topic, person and place they carry, and by each article they list. */
  sharing: Map<string, RelatedCandidate[]>;
  listing: Map<string, RelatedCandidate[]>;
}

const relatedBySite = new WeakMap<Site, RelatedIndex>();

/** The ranking's view of every published article, built once per site (every article page asks). */
function relatedIndex(site: Site): RelatedIndex {
  let index = relatedBySite.get(site);
  if (!index) {
    const speakers = new Map<string, string[]>();
    for (const quote of site.quotes) push(speakers, quote.data.article.id, quote.data.speaker.id);
    const candidates: RelatedCandidate[] = site.articles.map(({ id, data }) => ({
      id,
      published: data.published,
      topics: data.topics.map((ref) => ref.id),
      people: [...data.authors.map((ref) => ref.id), ...data.people.map((ref) => ref.id), ...(speakers.get(id) ?? [])],
      places: data.places.map((ref) => ref.id),
      chosen: data.related.articles.map((ref) => ref.id),
      automatic: data.related.automatic,
      exclude: data.related.exclude.map((ref) => ref.id),
    }));
    index = { byId: new Map(candidates.map((candidate) => [candidate.id, candidate])), sharing: new Map(), listing: new Map() };
    for (const candidate of candidates) {
      for (const key of facets(candidate).keys()) push(index.sharing, key, candidate);
      for (const id of new Set(candidate.chosen)) push(index.listing, id, candidate);
    }
    relatedBySite.set(site, index);
  }
  return index;
}

/** What two candidates can share, as keys `topic:<id>`, `person:<id>`, `place:<id>`, each with its weight. */
function facets(candidate: RelatedCandidate): Map<string, number> {
  const keys = new Map<string, number>();
  for (const id of candidate.topics) keys.set(`topic:${id}`, relatedWeights.topic);
  for (const id of candidate.people) keys.set(`person:${id}`, relatedWeights.person);
  for (const id of candidate.places) keys.set(`place:${id}`, relatedWeights.place);
  return keys;
}

/**
 * Articles related to `article`: those a journalist chose (on either article) first, then suggestions ranked by
 * shared topics, people and places (src/lib/content/related.ts). Comparing an article with every other one on every article
 * page grows with the square of the site, so the index finds the articles that share anything with it and scores
 * them; `rankRelated` then ranks the chosen ones, those that list it, and the best-scored suggestions, which gives
 * the same answer as ranking every article.
 */
export function relatedArticles(site: Site, article: Article): RelatedArticle[] {
  const { byId, sharing, listing } = relatedIndex(site);
  const self = byId.get(article.id);
  if (!self) return [];
  const possible = new Set<RelatedCandidate>([self]);
  for (const id of self.chosen) {
    const other = byId.get(id);
    if (other) possible.add(other);
  }
  for (const other of listing.get(self.id) ?? []) if (!self.exclude.includes(other.id)) possible.add(other);

  if (self.automatic) {
    // The same score as relatedScore(sharedBetween(self, other)), summed over the facets the two share.
    const scores = new Map<RelatedCandidate, number>();
    for (const [key, weight] of facets(self)) {
      for (const other of sharing.get(key) ?? []) scores.set(other, (scores.get(other) ?? 0) + weight);
    }
    const suggestions = [...scores]
      .filter(
        ([other, score]) =>
          score > 0 && !possible.has(other) && other.automatic && !self.exclude.includes(other.id) && !other.exclude.includes(self.id),
      )
      .sort(([a, sa], [b, sb]) => sb - sa || b.published.getTime() - a.published.getTime() || a.id.localeCompare(b.id))
      .slice(0, suggestionLimit);
    for (const [other] of suggestions) possible.add(other);
  }

  return rankRelated(self, [...possible]).map((relation) => ({
    article: site.article(relation.id),
    reason: relation.reason,
    topics: relation.shared.topics.map((id) => site.topic(id)),
    people: relation.shared.people.map((id) => site.person(id)),
    places: relation.shared.places.map((id) => site.place(id)),
  }));
}
