/**
 * One convention for quotation marks everywhere on the site: straight marks ("…"), as the source articles print
 * them. Article prose is stored as published, with its straight marks, and is shown as written; every mark the
 * site adds itself (quote pages and cards, search results and its status line, titles, structured data) comes from
 * here, so a reader sees the same marks around the same words on every page. The words inside are never changed.
 *
 * Curly marks would need the prose rewritten at build time (smart punctuation), which guesses wrongly next to a
 * component such as "<Quote id="…" />," and cannot reach the quotes' own inner marks; straight marks need nothing.
 */
export const quotationMarks = { open: '"', close: '"' } as const;

/** Words in the site's quotation marks: `quoted('silence')` is `"silence"`. */
export function quoted(words: string): string {
  return `${quotationMarks.open}${words}${quotationMarks.close}`;
}
