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
import { displayPath, duplicateIds, parseContentFiles, readContentFiles } from './content-files';
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
  const articles = new Map(site.articles.map((article) => [article.id, article]));
  const key = (quote: Quote) => {
    const article = articles.get(quote.data.article.id);
    return {
      said: quote.data.said.date.getTime(),
      published: article?.data.published.getTime() ?? 0,
      position: readingPosition(article, quote.id),
    };
  };
  const keys = new Map(quotes.map((quote) => [quote.id, key(quote)]));
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
  return sortQuotes(
    site,
    site.quotes.filter((quote) => quote.data.speaker.id === personId),
  );
}

/** Quotes about a topic, newest first. */
export function quotesOnTopic(site: Site, topicId: string): Quote[] {
  return sortQuotes(
    site,
    site.quotes.filter((quote) => quote.data.topics.some((ref) => ref.id === topicId)),
  );
}

export type Credit = 'author' | 'editor';

/** Articles a person wrote or edited, newest first, with what they did on each. */
export function articlesByPerson(site: Site, personId: string): { article: Article; credits: Credit[] }[] {
  return site.articles.flatMap((article) => {
    const credits: Credit[] = [];
    if (article.data.authors.some((ref) => ref.id === personId)) credits.push('author');
    if (article.data.editors.some((ref) => ref.id === personId)) credits.push('editor');
    return credits.length ? [{ article, credits }] : [];
  });
}

/**
 * Articles that name, quote or mention a person without them having written or edited it, newest first: the
 * people list of `peopleInArticle`, plus names linked in the body with <Person>.
 */
export function articlesMentioning(site: Site, personId: string): Article[] {
  return site.articles.filter((article) => {
    const credited = [...article.data.authors, ...article.data.editors].some((ref) => ref.id === personId);
    if (credited) return false;
    if (peopleInArticle(site, article).some((person) => person.id === personId)) return true;
    return componentUses(article).some((use) => use.component === 'Person' && use.ids[0] === personId);
  });
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
  return {
    quotes: site.quotes.filter((quote) => quote.data.speaker.id === personId).length,
    articles: articlesWithPerson(site, personId).length,
  };
}

/** Everything filed under a topic: articles newest first, quotes newest first, figures, routes and the people quoted. */
export function topicItems(
  site: Site,
  topicId: string,
): { articles: Article[]; quotes: Quote[]; figures: Figure[]; routes: Route[]; people: Person[] } {
  const onTopic = (refs: readonly { id: string }[]) => refs.some((ref) => ref.id === topicId);
  const quotes = quotesOnTopic(site, topicId);
  const figures = site.figures.filter((figure) => onTopic(figure.data.topics));
  const involved = new Set([
    ...quotes.map((quote) => quote.data.speaker.id),
    ...figures.flatMap((figure) => ('person' in figure.data.source ? [figure.data.source.person.id] : [])),
  ]);
  return {
    articles: site.articles.filter((article) => onTopic(article.data.topics)),
    quotes,
    figures,
    routes: site.routes.filter((route) => onTopic(route.data.topics)),
    people: site.people.filter((person) => involved.has(person.id)),
  };
}

/** People who said at least one published quote, by family name, with how many. */
export function speakers(site: Site): { person: Person; quotes: number }[] {
  return site.people
    .map((person) => ({ person, quotes: site.quotes.filter((quote) => quote.data.speaker.id === person.id).length }))
    .filter(({ quotes }) => quotes > 0);
}

/** Topics with at least one published quote, by name, with how many. */
export function quoteTopics(site: Site): { topic: Topic; quotes: number }[] {
  return site.topics
    .map((topic) => ({ topic, quotes: quotesOnTopic(site, topic.id).length }))
    .filter(({ quotes }) => quotes > 0);
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
