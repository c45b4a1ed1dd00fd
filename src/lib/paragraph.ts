/**
 * The surrounding paragraph of a quote, cut from its article's rendered HTML so it stands on the quote's page exactly
 * as readers see it in the article: same words, same quotation marks, other quotes and names still linked.
 */

/** Blocks a quote can stand in, innermost first; MDX wraps prose in <p>, lists in <li>. Blocks of one kind do not nest. */
const blockTags = ['p', 'li', 'h2', 'h3', 'h4', 'td'] as const;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every block of `html` in which a link to `quoteHref` stands (a statement split across paragraphs gives several),
 * in order, with the quote's own words marked instead of linked, and element ids removed so the article's anchors
 * are not repeated on another page. Returns [] when the quote is not in the HTML.
 */
export function blocksWithQuote(html: string, quoteHref: string): string[] {
  const link = new RegExp(`<a\\b[^>]*\\bhref="${escapeRegExp(quoteHref)}"[^>]*>([\\s\\S]*?)</a>`, 'g');
  for (const tag of blockTags) {
    const blocks = [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, 'g'))]
      .map(([block]) => block)
      .filter((block) => new RegExp(link.source).test(block));
    if (blocks.length) {
      return blocks.map((block) =>
        block.replace(link, '<mark class="this-quote">$1</mark>').replace(/\s+id="[^"]*"/g, ''),
      );
    }
  }
  return [];
}
