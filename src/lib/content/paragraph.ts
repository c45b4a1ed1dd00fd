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
  const hasLink = new RegExp(link.source);
  const href = `href="${quoteHref}"`;
  for (const tag of blockTags) {
    // A cheap substring test first: most blocks hold no link to this quote.
    const blocks = blocksOf(html, tag).filter((block) => block.includes(href) && hasLink.test(block));
    if (blocks.length) {
      return blocks.map((block) =>
        block.replace(link, '<mark class="this-quote">$1</mark>').replace(/\s+id="[^"]*"/g, ''),
      );
    }
  }
  return [];
}

// A quote page asks for one quote's blocks; the pages of an article's quotes are built one after another, so the
// blocks of the last article are kept rather than cut from its HTML again for each quote.
let lastHtml: string | undefined;
let lastBlocks = new Map<string, string[]>();

function blocksOf(html: string, tag: (typeof blockTags)[number]): string[] {
  if (html !== lastHtml) {
    lastHtml = html;
    lastBlocks = new Map();
  }
  let blocks = lastBlocks.get(tag);
  if (!blocks) {
    blocks = [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, 'g'))].map(([block]) => block);
    lastBlocks.set(tag, blocks);
  }
  return blocks;
}
