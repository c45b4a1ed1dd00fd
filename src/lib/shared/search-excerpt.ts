/**
 * Pagefind's excerpts are HTML: the page's text with entities escaped and the matched words in `<mark>`. The result
 * list never parses them as HTML; it rebuilds the marks from this list of text parts, so whatever the indexed text
 * holds reaches the page as text.
 */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Turns `&amp;`, `&#39;` and `&#x27;` back into characters; anything unknown stays as it was written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/**
 * Pagefind starts a new word where an inline element starts, and its excerpts join words with a space, so the prose
 * `"<a class="quote">We are pro-Kazakh.</a>"` comes back as `" We are pro-Kazakh."`: an opening quotation mark
 * standing alone before its word (issue 17, `policy. " We are`). A closing mark is never cut off (the element's end
 * starts no word), so a mark that stands alone with a word after it opens a quotation and is joined to that word.
 * Works across the parts, since the word may be marked and the quotation mark not.
 */
const loneOpeningMark = /(^|\s)(["\u201c\u2018])(\s+)(?=\S)/g;

function joinOpeningMarks(parts: ExcerptPart[]): ExcerptPart[] {
  const text = parts.map((part) => part.text).join('');
  const dropped = new Set<number>();
  for (const match of text.matchAll(loneOpeningMark)) {
    const spaceAt = match.index + match[1]!.length + match[2]!.length;
    for (let i = 0; i < match[3]!.length; i++) dropped.add(spaceAt + i);
  }
  if (dropped.size === 0) return parts;
  const out: ExcerptPart[] = [];
  let offset = 0;
  for (const part of parts) {
    const kept = part.text.split('').filter((_, i) => !dropped.has(offset + i)).join('');
    offset += part.text.length;
    if (!kept) continue;
    const last = out.at(-1);
    if (last && last.mark === part.mark) last.text += kept;
    else out.push({ text: kept, mark: part.mark });
  }
  return out;
}

/**
 * Splits an excerpt into plain and marked text, each opening quotation mark back on its word. Only the exact tags
 * `<mark>` and `</mark>` count as marks.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>' || piece === '</mark>') {
      mark = piece === '<mark>';
      continue;
    }
    const text = decodeEntities(piece);
    if (!text) continue;
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  }
  return joinOpeningMarks(parts);
}
