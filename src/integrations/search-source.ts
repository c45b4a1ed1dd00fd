/**
 * What Pagefind reads of an article page (./search-index-worker.ts keeps one source per page), and the index's error.
 * Loaded by Node itself in the index's thread, not Vite: imports carry their extension, and nothing here may need Vite.
 */

/** Where the article's search data goes in its page: first thing inside the element Pagefind indexes. */
const bodyStart = /<[a-z]+\b[^>]*\sdata-pagefind-body\b[^>]*>/i;

/**
 * What Pagefind reads of an article page: the element marked `data-pagefind-body`, with the page's search data first
 * inside it, in a document of its own with the page's `<html>` tag. Pagefind indexes only that element, so the rest
 * (the head with its styles and JSON-LD, the site's header and footer: about half of each page) changes nothing in the
 * index but cost about a quarter of its time (docs/scale.md). Only where something outside the element would change
 * the index (below) is the page given whole.
 */
export function indexedHtml(html: string, attributes: string | undefined, file: string): string {
  const start = bodyStart.exec(html);
  if (!start) {
    if (attributes === undefined) return html;
    throw new SearchIndexError(`found no data-pagefind-body element in ${file}`, [
      'The article layout must mark the article with data-pagefind-body: its search data goes inside it.',
    ]);
  }
  // The element's end: its closing tag at the same depth (elements of the same name may nest inside it).
  const tag = /^<([a-z]+)/i.exec(start[0])![1];
  const tags = new RegExp(`<(/?)${tag}\\b`, 'gi');
  tags.lastIndex = start.index + start[0].length;
  let depth = 1;
  let end = -1;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) {
      end = html.indexOf('>', match.index) + 1;
      break;
    }
  }
  if (end <= 0) throw new SearchIndexError(`found no end to the data-pagefind-body element in ${file}`, [`Its <${tag}> is not closed.`]);
  const open = start.index + start[0].length;
  // Pagefind takes a page's title from its first <h1> and its image from the first <img> after it, wherever they
  // are: a page with an <h1> before the element or an <img> after it is given whole, so the index never changes.
  if (/<h1\b/i.test(html.slice(0, start.index)) || /<img\b/i.test(html.slice(end))) {
    return `${html.slice(0, open)}${attributes ?? ''}${html.slice(open)}`;
  }
  const root = /<html\b[^>]*>/i.exec(html)?.[0] ?? '<html>';
  return `<!DOCTYPE html>${root}<head></head><body>${html.slice(start.index, open)}${attributes ?? ''}${html.slice(open, end)}</body></html>`;
}

export class SearchIndexError extends Error {
  constructor(what: string, errors: string[]) {
    super(`Search index (Pagefind) ${what}:\n${errors.map((error) => `  ${error}`).join('\n')}`);
    this.name = 'SearchIndexError';
  }
}
