/**
 * The related-articles ranking (src/lib/content/related.ts) over a whole site. Comparing an article with every other
 * one on every article page grows with the square of the site, so the index finds the articles that share anything
 * with it and scores them; `rankRelated` then ranks the chosen ones, those that list it, and the best-scored
 * suggestions, which gives the same answer as ranking every article.
 */
import { push } from './maps';
import { rankRelated, relatedWeights, suggestionLimit, type RelatedCandidate, type Relation } from './related';
import type { Article, Person, Place, Quote, Topic } from './types';

/** An article related to another, with what the two share, for the "Related" section. */
export interface RelatedArticle {
  article: Article;
  reason: Relation['reason'];
  topics: Topic[];
  people: Person[];
  places: Place[];
}

/** What two candidates can share, as keys `topic:<id>`, `person:<id>`, `place:<id>`, each with its weight. */
function facets(candidate: RelatedCandidate): Map<string, number> {
  const keys = new Map<string, number>();
  for (const id of candidate.topics) keys.set(`topic:${id}`, relatedWeights.topic);
  for (const id of candidate.people) keys.set(`person:${id}`, relatedWeights.person);
  for (const id of candidate.places) keys.set(`place:${id}`, relatedWeights.place);
  return keys;
}

/** What the ranking knows of one article: its own fields, with the speakers of its quotes among its people. */
export function relatedCandidate({ id, data }: Article, quotes: readonly Quote[]): RelatedCandidate {
  return {
    id,
    published: data.published,
    topics: data.topics.map((ref) => ref.id),
    people: [...data.authors.map((ref) => ref.id), ...data.people.map((ref) => ref.id), ...quotes.map((quote) => quote.data.speaker.id)],
    places: data.places.map((ref) => ref.id),
    chosen: data.related.articles.map((ref) => ref.id),
    automatic: data.related.automatic,
    exclude: data.related.exclude.map((ref) => ref.id),
  };
}

/** Suggestions in order: the higher score first, then the newer, then by id. */
const bySuggestion = ([a, sa]: [RelatedCandidate, number], [b, sb]: [RelatedCandidate, number]) =>
  sb - sa || b.published.getTime() - a.published.getTime() || a.id.localeCompare(b.id);

export class RelatedIndex {
  readonly #byId: Map<string, RelatedCandidate>;
  /** Candidates by each topic, person and place they carry, and by each article they list. */
  readonly #sharing = new Map<string, RelatedCandidate[]>();
  readonly #listing = new Map<string, RelatedCandidate[]>();

  /** `published`: the site's articles; `quotesByArticle`: each article's quotes, whose speakers count as its people. */
  constructor(published: readonly Article[], quotesByArticle: ReadonlyMap<string, readonly Quote[]>) {
    const candidates = published.map((article) => relatedCandidate(article, quotesByArticle.get(article.id) ?? []));
    this.#byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
    for (const candidate of candidates) {
      for (const key of facets(candidate).keys()) push(this.#sharing, key, candidate);
      for (const id of new Set(candidate.chosen)) push(this.#listing, id, candidate);
    }
  }

  /** The relations of one published article, chosen first, then the best suggestions; [] for an unknown id. */
  of(articleId: string): Relation[] {
    const self = this.#byId.get(articleId);
    if (!self) return [];
    const possible = new Set<RelatedCandidate>([self]);
    for (const id of self.chosen) {
      const other = this.#byId.get(id);
      if (other) possible.add(other);
    }
    for (const other of this.#listing.get(self.id) ?? []) if (!self.exclude.includes(other.id)) possible.add(other);

    if (self.automatic) {
      // The same score as relatedScore(sharedBetween(self, other)), summed over the facets the two share.
      const scores = new Map<RelatedCandidate, number>();
      for (const [key, weight] of facets(self)) {
        for (const other of this.#sharing.get(key) ?? []) scores.set(other, (scores.get(other) ?? 0) + weight);
      }
      // The best few, kept in order as they come: a place or topic that most articles share makes nearly every article
      // a candidate, and sorting them all for every article grew faster than the square of the archive.
      const best: [RelatedCandidate, number][] = [];
      for (const entry of scores) {
        const [other, score] = entry;
        if (score <= 0 || possible.has(other) || !other.automatic || self.exclude.includes(other.id) || other.exclude.includes(self.id)) continue;
        if (best.length === suggestionLimit && bySuggestion(entry, best[best.length - 1]!) >= 0) continue;
        let at = best.length;
        while (at > 0 && bySuggestion(entry, best[at - 1]!) < 0) at--;
        best.splice(at, 0, entry);
        if (best.length > suggestionLimit) best.pop();
      }
      for (const [other] of best) possible.add(other);
    }
    return rankRelated(self, [...possible]);
  }
}
