import { describe, expect, it } from 'vitest';
import { rankRelated, type RelatedCandidate } from './related';

/** An article with nothing in common with any other, changed by `overrides`. */
function article(id: string, published: string, overrides: Partial<RelatedCandidate> = {}): RelatedCandidate {
  return { id, published: new Date(published), topics: [], people: [], places: [], chosen: [], automatic: true, exclude: [], ...overrides };
}

const ids = (relations: { id: string; reason: string }[]) => relations.map((r) => `${r.id} (${r.reason})`);

describe('rankRelated', () => {
  const seed = article('seed', '2022-10-25', {
    topics: ['kazakhstan', 'middle-corridor', 'energy-exports'],
    people: ['teri-schultz', 'roman-vassilenko', 'temur-umarov'],
    places: ['aktau', 'baku'],
  });

  it('lists the chosen articles first, in the journalist\'s order, then suggestions', () => {
    const a = article('a', '2022-01-01');
    const b = article('b', '2022-01-02');
    const c = article('c', '2022-01-03', { topics: ['middle-corridor'] });
    const withChoice = { ...seed, chosen: ['b', 'a'] };
    expect(ids(rankRelated(withChoice, [withChoice, a, b, c]))).toEqual(['b (chosen)', 'a (chosen)', 'c (suggested)']);
  });

  it('shows a chosen relation on both articles', () => {
    const second = article('second', '2022-11-30', { chosen: ['seed'] });
    expect(ids(rankRelated(seed, [seed, second]))).toEqual(['second (chosen)']);
    expect(ids(rankRelated(second, [seed, second]))).toEqual(['seed (chosen)']);
  });

  it('ranks suggestions by shared topics over shared people over shared places', () => {
    const byTopic = article('by-topic', '2020-01-01', { topics: ['middle-corridor'] });
    const byPerson = article('by-person', '2020-01-01', { people: ['roman-vassilenko'] });
    const byPlace = article('by-place', '2020-01-01', { places: ['aktau'] });
    const byTwoPeople = article('by-two-people', '2020-01-01', { people: ['roman-vassilenko', 'temur-umarov'] });
    const unrelated = article('unrelated', '2023-01-01', { topics: ['elsewhere'], people: ['someone'], places: ['nowhere'] });
    const relations = rankRelated(seed, [seed, byPlace, byPerson, unrelated, byTopic, byTwoPeople]);
    expect(ids(relations)).toEqual(['by-two-people (suggested)', 'by-topic (suggested)', 'by-person (suggested)', 'by-place (suggested)']);
    expect(relations[0]!.shared).toEqual({ topics: [], people: ['roman-vassilenko', 'temur-umarov'], places: [] });
  });

  it('breaks a tie with the newer article, then the id', () => {
    const older = article('older', '2021-05-01', { topics: ['kazakhstan'] });
    const newer = article('newer', '2022-05-01', { topics: ['kazakhstan'] });
    const sameDayB = article('b-same-day', '2022-05-01', { topics: ['kazakhstan'] });
    expect(ids(rankRelated(seed, [older, seed, newer, sameDayB]))).toEqual([
      'b-same-day (suggested)',
      'newer (suggested)',
      'older (suggested)',
    ]);
  });

  it('suggests at most the limit, and never the article itself', () => {
    const many = Array.from({ length: 6 }, (_, i) => article(`a${i}`, `2022-0${i + 1}-01`, { topics: ['kazakhstan'] }));
    expect(ids(rankRelated(seed, [seed, ...many], 2))).toEqual(['a5 (suggested)', 'a4 (suggested)']);
  });

  it('scores the same both ways, so a suggestion on one article is a suggestion on the other', () => {
    const second = article('second', '2022-11-30', { topics: ['middle-corridor'], people: ['roman-vassilenko'] });
    const [there] = rankRelated(seed, [seed, second]);
    const [back] = rankRelated(second, [seed, second]);
    expect([there!.id, back!.id]).toEqual(['second', 'seed']);
    expect(there!.score).toBe(back!.score);
    expect(there!.score).toBe(5);
  });

  it('leaves an article with automatic: false out of suggestions both ways, but keeps chosen relations', () => {
    const quiet = article('quiet', '2022-11-30', { topics: ['middle-corridor'], automatic: false });
    const chosenByQuiet = article('chosen-by-quiet', '2021-01-01');
    const quietChoosing = { ...quiet, chosen: ['chosen-by-quiet'] };
    const all = [seed, quietChoosing, chosenByQuiet];
    expect(ids(rankRelated(seed, all))).toEqual([]);
    expect(ids(rankRelated(quietChoosing, all))).toEqual(['chosen-by-quiet (chosen)']);
    expect(ids(rankRelated(chosenByQuiet, all))).toEqual(['quiet (chosen)']);
  });

  it('honours exclude both ways for suggestions and backlinks, but not over the other journalist\'s own list', () => {
    const excluding = article('excluding', '2022-11-30', { topics: ['middle-corridor'], exclude: ['seed'] });
    expect(ids(rankRelated(seed, [seed, excluding]))).toEqual([]);
    expect(ids(rankRelated(excluding, [seed, excluding]))).toEqual([]);

    const seedChoosing = { ...seed, chosen: ['excluding'] };
    expect(ids(rankRelated(seedChoosing, [seedChoosing, excluding]))).toEqual(['excluding (chosen)']);
    expect(ids(rankRelated(excluding, [seedChoosing, excluding]))).toEqual([]);
  });

  it('shows nothing for an article that shares nothing', () => {
    expect(rankRelated(seed, [seed, article('other', '2022-01-01', { topics: ['sports'] })])).toEqual([]);
  });

  it('leaves out chosen ids that are not among the published articles (drafts)', () => {
    const choosing = { ...seed, chosen: ['a-draft'] };
    expect(rankRelated(choosing, [choosing])).toEqual([]);
  });
});
