/**
 * Rendered article HTML made fit for other programs: the content API gives each article's body as HTML with
 * absolute links and without Astro's styling attributes, and as plain text with one paragraph per block.
 *
 * The input is the HTML Astro renders from MDX: it escapes text as &amp; &lt; &gt; &quot; &#39; and writes attributes
 * in double quotes, so a small, strict reading is enough; an entity it does not know stops the build instead of
 * leaking into the text.
 */

/** Elements whose end starts a new paragraph of the text. */
const blockEnd = /<\/(?:p|h[1-6]|li|blockquote|figcaption|figure|aside|div|section|ul|ol|table|tr|pre)\s*>/gi;

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references of HTML text; throws on a named one it does not know. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return String.fromCodePoint(code);
    }
    const char = named[name];
    if (char === undefined) throw new Error(`decodeEntities: unknown character reference ${entity}.`);
    return char;
  });
}

/**
 * The text of rendered HTML: whitespace folded as a browser folds it, one paragraph per block element separated by
 * a blank line, a line break for <br>. (Articles have no preformatted text, whose whitespace this would fold too.)
 */
export function htmlToText(html: string): string {
  const folded = html.replace(/<!--[\s\S]*?-->/g, '').replace(/\s+/g, ' ');
  const withBreaks = folded.replace(/<br\s*\/?>/gi, '\n').replace(blockEnd, '\n\n');
  return decodeEntities(withBreaks.replace(/<[^>]*>/g, ''))
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/ +/g, ' ').trim())
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}

/**
 * HTML for another site: root-relative links and sources made absolute against `origin`, and Astro's scoped-style
 * attributes (data-astro-cid-*), which mean nothing without this site's stylesheets, removed.
 */
export function portableHtml(html: string, origin: URL): string {
  return html
    .replace(/\s+data-astro-cid-[\w-]+(?:="[^"]*")?/g, '')
    .replace(/\b(href|src)="(\/[^"/][^"]*|\/)"/g, (_, attribute: string, path: string) => `${attribute}="${new URL(path, origin).href}"`)
    .trim();
}
