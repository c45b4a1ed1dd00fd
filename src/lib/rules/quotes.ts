/**
 * How the site orders and labels quotes: one rule each, used by the Site's lists, the quote pages, the cards, the
 * search records and the search page's script. Pure and free of Node, so the browser may load it.
 */
import type { QuoteKind } from '../../schemas/common';

/** What readers are told a quote is: a short label for result lists, a long one beside the words on a quote page. */
export const quoteKindLabels: Record<QuoteKind, { short: string; long: string }> = {
  direct: { short: 'Quote', long: 'Direct quote' },
  partial: { short: 'Partial quote', long: 'Partial quote' },
  reported: { short: 'Reported speech', long: 'Reported speech, in the article’s words' },
};

/** The short label of a kind that arrives as text (search metadata); a kind this site does not know has none. */
export function shortKindLabel(kind: string | undefined): string {
  return kind && kind in quoteKindLabels ? quoteKindLabels[kind as QuoteKind].short : '';
}

/** What the ordering reads of a quote and of its article. */
interface QuoteForOrder {
  id: string;
  data: { said: { date: Date }; article: { id: string } };
}

/**
 * Quotes newest first: by the date they were said, then by their article's date, then in the order a reader meets
 * them in the article (`position`: where the quote first stands in its body, counted in component uses), then by id,
 * so the quotes of one interview read as they were published and the order never depends on files.
 */
export function newestFirst<Q extends QuoteForOrder>(
  quotes: readonly Q[],
  published: (articleId: string) => Date | undefined,
  position: (quote: Q) => number,
): Q[] {
  const keys = new Map(
    quotes.map((quote) => [
      quote,
      { said: quote.data.said.date.getTime(), published: published(quote.data.article.id)?.getTime() ?? 0, position: position(quote) },
    ]),
  );
  return [...quotes].sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    return kb.said - ka.said || kb.published - ka.published || ka.position - kb.position || a.id.localeCompare(b.id);
  });
}

/** What grouping reads of a quote. */
interface QuoteForGroup {
  id: string;
  data: {
    kind: QuoteKind;
    speaker: { id: string };
    role: { title: string; organisation: string };
    said: { date: Date; precision?: 'day' | 'month' | 'year' | undefined; basis: 'stated' | 'publication' };
    article: { id: string };
  };
}

/**
 * One occasion in an article: one speaker, in one role, on one date as the article gives it. Pages say the speaker,
 * the role and the date once for it, then its quoted words apart from the article's report of what was said.
 */
export interface QuoteOccasion<Q> {
  speaker: string;
  role: { title: string; organisation: string };
  said: QuoteForGroup['data']['said'];
  /** Direct and partial quotes: the speaker's own words, in quotation marks. */
  quoted: Q[];
  /** Reported speech: the article's paraphrase. Not counted as quotes. */
  reported: Q[];
}

/** The quotes of one article, by occasion. */
export interface QuoteGroup<Q> {
  article: string;
  occasions: QuoteOccasion<Q>[];
}

/** Whether a quote is the speaker's own words (direct or partial) rather than the article's report of them. */
export const isQuoted = (quote: { data: { kind: QuoteKind } }): boolean => quote.data.kind !== 'reported';

/**
 * Quotes grouped the way a newsroom prints them: by article, then by occasion (speaker, role and date), each in the
 * order the quotes come in (pass them newest first: articles and occasions keep the place of their first quote,
 * quotes within them keep theirs, which is the article's order for quotes of one date).
 */
export function groupQuotes<Q extends QuoteForGroup>(quotes: readonly Q[]): QuoteGroup<Q>[] {
  const groups = new Map<string, { article: string; occasions: Map<string, QuoteOccasion<Q>> }>();
  for (const quote of quotes) {
    const { article, speaker, role, said } = quote.data;
    let group = groups.get(article.id);
    if (!group) groups.set(article.id, (group = { article: article.id, occasions: new Map() }));
    const key = [speaker.id, role.title, role.organisation, said.date.toISOString(), said.precision ?? 'day', said.basis].join('\u0000');
    let occasion = group.occasions.get(key);
    if (!occasion) {
      occasion = { speaker: speaker.id, role, said, quoted: [], reported: [] };
      group.occasions.set(key, occasion);
    }
    (isQuoted(quote) ? occasion.quoted : occasion.reported).push(quote);
  }
  return [...groups.values()].map(({ article, occasions }) => ({ article, occasions: [...occasions.values()] }));
}

/** "11 quotes and 4 reported statements", "1 quote", "2 reported statements": reported speech counted apart. */
export function quoteTally(quotes: readonly { data: { kind: QuoteKind } }[]): string {
  const quoted = quotes.filter(isQuoted).length;
  const reported = quotes.length - quoted;
  const words = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [quoted > 0 && words(quoted, 'quote', 'quotes'), reported > 0 && words(reported, 'reported statement', 'reported statements')]
    .filter(Boolean)
    .join(' and ');
}

/** The accessible name of the mark after a quote in an article that leads to the quote's own page. */
export const quoteLinkLabel = (speakerName: string) => `This quote's own page (${speakerName})`;
