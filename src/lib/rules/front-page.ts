/**
 * What the front page shows, bounded so that it looks intended with one article and stays the same size at a
 * thousand (issue 17): the lead story, a few more, the latest quoted words, and the topics and people of the newest
 * articles. Pure: the page hands in the Site's lists, newest first.
 */

/** How many of each the front page shows at most. */
export const frontPageLimits = {
  /** Articles after the lead. */
  moreArticles: 6,
  /** Latest quotes (quoted words only: reported speech is the article's, not the speaker's). */
  quotes: 4,
  /** Quotes from one speaker among them, so one interview does not fill the row when others were quoted. */
  quotesPerSpeaker: 2,
  /** Longer quotes stand there only when there are not enough shorter ones (quotes are never cut). */
  quoteLength: 160,
  /** How many of the newest articles "in the news" is counted over. */
  newsWindow: 20,
  topics: 6,
  people: 6,
} as const;

interface QuoteLike {
  id: string;
  data: { kind: string; speaker: { id: string }; text: string | readonly string[] };
}

const lengthOf = (text: string | readonly string[]) => (typeof text === 'string' ? text.length : text.join(' ').length);

/**
 * The latest quoted words, newest first, to stand on their own: whole direct quotes of at most `maxLength`
 * characters first (a partial quote is a fragment of a sentence, "silence"), at most `perSpeaker` from each
 * speaker while others are left; then, if that leaves room, any other quoted words in order until `limit`.
 */
export function latestQuotes<Q extends QuoteLike>(
  quotes: readonly Q[],
  limit: number = frontPageLimits.quotes,
  perSpeaker: number = frontPageLimits.quotesPerSpeaker,
  maxLength: number = frontPageLimits.quoteLength,
): Q[] {
  const quoted = quotes.filter((quote) => quote.data.kind !== 'reported');
  const standAlone = quoted.filter((quote) => quote.data.kind === 'direct' && lengthOf(quote.data.text) <= maxLength);
  const chosen = new Set<Q>();
  const taken = new Map<string, number>();
  for (const quote of standAlone) {
    if (chosen.size >= limit) break;
    const n = taken.get(quote.data.speaker.id) ?? 0;
    if (n >= perSpeaker) continue;
    taken.set(quote.data.speaker.id, n + 1);
    chosen.add(quote);
  }
  for (const quote of [...standAlone, ...quoted]) {
    if (chosen.size >= limit) break;
    chosen.add(quote);
  }
  return quoted.filter((quote) => chosen.has(quote));
}

/**
 * The ids most present in the newest articles, most first (ties: the order first met, newest article first), at
 * most `limit`. `idsOf` gives each article's ids, counted once per time they appear (e.g. one per quote).
 */
export function inTheNews<A>(articles: readonly A[], idsOf: (article: A) => readonly string[], limit: number, window: number = frontPageLimits.newsWindow): { id: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const article of articles.slice(0, window)) for (const id of idsOf(article)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts]
    .map(([id, count], place) => ({ id, count, place }))
    .sort((a, b) => b.count - a.count || a.place - b.place)
    .slice(0, limit)
    .map(({ id, count }) => ({ id, count }));
}
