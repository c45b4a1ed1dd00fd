/**
 * Related articles: the ones a journalist chose first, then suggestions ranked by what they share. A pure function
 * of plain data (src/lib/content/ maps the site's articles to it), so the ranking has unit tests.
 *
 * - Chosen relations are symmetric: an article listed in another's `related.articles` lists that one back.
 * - Suggestions rank by shared topics, people (authors, people mentioned, speakers of its quotes) and places,
 *   weighted below; the newer article wins a tie, then the id, so the order never depends on file order.
 * - Opting out: `related.automatic: false` takes an article out of suggestions both ways; `related.exclude` names
 *   articles never shown as related to it, nor it on theirs, unless a journalist listed them explicitly.
 */

/** What the ranking needs to know about one published article. */
export interface RelatedCandidate {
  id: string;
  published: Date;
  topics: readonly string[];
  people: readonly string[];
  places: readonly string[];
  /** `related.articles`, in the journalist's order. */
  chosen: readonly string[];
  /** `related.automatic`. */
  automatic: boolean;
  /** `related.exclude`. */
  exclude: readonly string[];
}

export interface Shared {
  topics: string[];
  people: string[];
  places: string[];
}

export interface Relation {
  id: string;
  /** chosen: listed by a journalist on either article; suggested: found by what the two share. */
  reason: 'chosen' | 'suggested';
  shared: Shared;
  score: number;
}

/** A shared topic says most about what an article is about; a shared person more than a shared place. */
export const relatedWeights = { topic: 3, person: 2, place: 1 } as const;

/** How many suggestions to show after the chosen articles. */
export const suggestionLimit = 4;

export function sharedBetween(a: RelatedCandidate, b: RelatedCandidate): Shared {
  const common = (x: readonly string[], y: readonly string[]) => [...new Set(x)].filter((item) => y.includes(item));
  return { topics: common(a.topics, b.topics), people: common(a.people, b.people), places: common(a.places, b.places) };
}

export function relatedScore(shared: Shared): number {
  return (
    shared.topics.length * relatedWeights.topic +
    shared.people.length * relatedWeights.person +
    shared.places.length * relatedWeights.place
  );
}

/** The articles related to `article`, chosen ones first, then up to `limit` suggestions. */
export function rankRelated(article: RelatedCandidate, all: readonly RelatedCandidate[], limit = suggestionLimit): Relation[] {
  const byId = new Map(all.map((candidate) => [candidate.id, candidate]));
  const listed = new Set<string>([article.id]);
  const relation = (other: RelatedCandidate, reason: Relation['reason']): Relation => {
    const shared = sharedBetween(article, other);
    return { id: other.id, reason, shared, score: relatedScore(shared) };
  };
  const newestFirst = (a: RelatedCandidate, b: RelatedCandidate) =>
    b.published.getTime() - a.published.getTime() || a.id.localeCompare(b.id);

  // 1. The journalist's own list, in its order (ids not among the published articles are left out).
  const chosen: Relation[] = [];
  for (const id of article.chosen) {
    const other = byId.get(id);
    if (other && !listed.has(id)) {
      chosen.push(relation(other, 'chosen'));
      listed.add(id);
    }
  }

  // 2. Articles that list this one, newest first, unless this one excludes them.
  const backlinks = all
    .filter((other) => !listed.has(other.id) && other.chosen.includes(article.id) && !article.exclude.includes(other.id))
    .sort(newestFirst);
  for (const other of backlinks) {
    chosen.push(relation(other, 'chosen'));
    listed.add(other.id);
  }

  // 3. Suggestions by what the two share.
  if (!article.automatic) return chosen;
  const suggested = all
    .filter(
      (other) =>
        !listed.has(other.id) &&
        other.automatic &&
        !article.exclude.includes(other.id) &&
        !other.exclude.includes(article.id),
    )
    .map((other) => ({ other, relation: relation(other, 'suggested') }))
    .filter(({ relation }) => relation.score > 0)
    .sort((a, b) => b.relation.score - a.relation.score || newestFirst(a.other, b.other))
    .slice(0, limit)
    .map(({ relation }) => relation);
  return [...chosen, ...suggested];
}
