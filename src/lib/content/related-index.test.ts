import { describe, expect, it } from 'vitest';
import { rankRelated } from './related';
import { RelatedIndex, relatedCandidate } from './related-index';
import type { Article } from './types';

/** An article as RelatedIndex reads it: its date, topics, people, places and related choices. */
function article(
  id: string,
  fields: { day: number; topics: string[]; people: string[]; places: string[]; chosen?: string[]; automatic?: boolean; exclude?: string[] },
): Article {
  const ref = (collection: string) => (refId: string) => ({ collection, id: refId });
  return {
    id,
    data: {
      published: new Date(Date.UTC(2022, 0, fields.day)),
      topics: fields.topics.map(ref('topics')),
      authors: [],
      people: fields.people.map(ref('people')),
      places: fields.places.map(ref('places')),
      related: { articles: (fields.chosen ?? []).map(ref('articles')), automatic: fields.automatic ?? true, exclude: (fields.exclude ?? []).map(ref('articles')) },
    },
  } as unknown as Article;
}

describe('RelatedIndex', () => {
  it('gives every article the relations that ranking it against every other article gives, when one place is in all of them', () => {
    // A small archive where every article names the same country, as a newsroom's often do: each is a candidate for
    // every other, and only the scores (shared topics, people, places), dates and ids decide the few suggested.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const articles = Array.from({ length: 80 }, (_, i) =>
      article(`a${String(i).padStart(2, '0')}`, {
        day: 1 + next(40),
        topics: [`t${next(6)}`, `t${next(6)}`],
        people: [`p${next(12)}`],
        places: ['kz', ...(next(3) === 0 ? [`city${next(4)}`] : [])],
        chosen: next(10) === 0 ? [`a${String(next(80)).padStart(2, '0')}`] : [],
        automatic: next(15) !== 0,
        exclude: next(12) === 0 ? [`a${String(next(80)).padStart(2, '0')}`] : [],
      }),
    );
    const index = new RelatedIndex(articles, new Map());
    const candidates = articles.map((a) => relatedCandidate(a, []));
    for (const [i, a] of articles.entries()) {
      const expected = rankRelated(candidates[i]!, candidates);
      expect(index.of(a.id), a.id).toEqual(expected);
    }
    // The comparison is worth something only if suggestions were made and cut to the limit.
    expect(articles.filter((a) => index.of(a.id).filter((r) => r.reason === 'suggested').length === 4).length).toBeGreaterThan(40);
  });
});
