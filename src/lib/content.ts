/**
 * Every collection query goes through this module: it loads the content once per build, checks what the schemas
 * cannot (references, MDX component ids, quote placement, real dates), leaves drafts out in one place, and answers
 * the questions pages ask.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { checkContent, collectionNames, formatProblems, type CheckedEntry, type CollectionName, type Problem } from './checks';
import { displayPath, duplicateIds } from './content-files';
import { contentDir } from './content-dir';
import { rankRelated, type RelatedCandidate, type Relation } from './related';

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

let loading: Promise<Site> | undefined;

/** The whole site's content, checked. Loaded once and shared by every page of a build. */
export function loadSite(): Promise<Site> {
  loading ??= load();
  return loading;
}

async function load(): Promise<Site> {
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

  const published = articles
    .filter((article) => !article.data.draft)
    .sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id));
  const draftIds = new Set(articles.filter((a) => a.data.draft).map((a) => a.id));
  const fromPublished = <T extends { data: { article: { id: string } } }>(items: T[]) =>
    items.filter((item) => !draftIds.has(item.data.article.id));

  const lookup = <T extends { id: string }>(items: T[], collection: CollectionName) => {
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
    places,
    routes,
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

/** Quotes that stand in an article, in the order they were filed (the body decides the reading order). */
export function quotesInArticle(site: Site, article: Article): Quote[] {
  return site.quotes.filter((quote) => quote.data.article.id === article.id);
}

/** Everyone an article names, quotes or mentions, excluding its authors and editors, sorted by name. */
export function peopleInArticle(site: Site, article: Article): Person[] {
  const ids = new Set([
    ...article.data.people.map((ref) => ref.id),
    ...quotesInArticle(site, article).map((quote) => quote.data.speaker.id),
  ]);
  for (const ref of [...article.data.authors, ...article.data.editors]) ids.delete(ref.id);
  return site.people.filter((person) => ids.has(person.id));
}

/** The role a person is best known by now: the first listed. */
export function currentRole(person: Person): Person['data']['roles'][number] {
  return person.data.roles[0]!;
}

/** "Deputy Foreign Minister, Kazakhstan" */
export function roleLabel(role: { title: string; organisation: string; place?: string | undefined }): string {
  return [role.title, role.organisation, role.place].filter(Boolean).join(', ');
}

/** An article related to another, with what the two share, for the "Related" section. */
export interface RelatedArticle {
  article: Article;
  reason: Relation['reason'];
  topics: Topic[];
  people: Person[];
  places: Place[];
}

const candidatesBySite = new WeakMap<Site, RelatedCandidate[]>();

/** The ranking's view of every published article, built once per site (every article page asks). */
function relatedCandidates(site: Site): RelatedCandidate[] {
  let candidates = candidatesBySite.get(site);
  if (!candidates) {
    const speakers = new Map<string, string[]>();
    for (const quote of site.quotes) {
      speakers.set(quote.data.article.id, [...(speakers.get(quote.data.article.id) ?? []), quote.data.speaker.id]);
    }
    candidates = site.articles.map(({ id, data }) => ({
      id,
      published: data.published,
      topics: data.topics.map((ref) => ref.id),
      people: [...data.authors.map((ref) => ref.id), ...data.people.map((ref) => ref.id), ...(speakers.get(id) ?? [])],
      places: data.places.map((ref) => ref.id),
      chosen: data.related.articles.map((ref) => ref.id),
      automatic: data.related.automatic,
      exclude: data.related.exclude.map((ref) => ref.id),
    }));
    candidatesBySite.set(site, candidates);
  }
  return candidates;
}

/**
 * Articles related to `article`: those a journalist chose (on either article) first, then suggestions ranked by
 * shared topics, people and places (src/lib/related.ts).
 */
export function relatedArticles(site: Site, article: Article): RelatedArticle[] {
  const candidates = relatedCandidates(site);
  const self = candidates.find((candidate) => candidate.id === article.id);
  if (!self) return [];
  return rankRelated(self, candidates).map((relation) => ({
    article: site.article(relation.id),
    reason: relation.reason,
    topics: relation.shared.topics.map((id) => site.topic(id)),
    people: relation.shared.people.map((id) => site.person(id)),
    places: relation.shared.places.map((id) => site.place(id)),
  }));
}
