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

/** The accessible name of the mark after a quote in an article that leads to the quote's own page. */
export const quoteLinkLabel = (speakerName: string) => `This quote's own page (${speakerName})`;
