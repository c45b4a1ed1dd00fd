/**
 * Quotes are written where they stand: a mark around the words in the article,
 *
 *   But this was not "<Quote id="vassilenko-not-silence" speaker="roman-vassilenko" kind="partial">silence</Quote>," …
 *
 * and the quote entries the site serves (its pages, the API) are derived from the marks when content loads, by
 * `deriveQuotes` (./quote-entries.ts), for the build (src/lib/content/load.ts) and `npm run check:content` alike.
 * The prose's own quotation marks stay outside the mark; a statement split by "he said" is two marks with the same
 * id, in reading order. The speaker's role at the time comes from their roles in people/ held on the day it was said
 * (a `role` prop, the role's title, only when more than one fits). What the prose has no place for stands in an
 * optional quotes/<id>.yaml (src/schemas/quote.ts, `quoteFileSchema`): when it was said (else the article's date),
 * topics (else the article's), this site's context and note.
 *
 * Pure: plain entries in, derived entries and problems out.
 */
import { idPattern, quoteKinds } from '../../schemas/common';
import type { Problem } from './checks';

/** One mark in an article: one quote, or one segment of a split statement. */
export interface QuoteMark {
  /** The props as written (missing ones absent). */
  id?: string | undefined;
  speaker?: string | undefined;
  kind?: string | undefined;
  role?: string | undefined;
  /**
   * The words between the tags as readers read them: verbatim, but for Markdown's backslash escapes (the editor
   * writes `\[should]` for `[should]`, which the page shows as `[should]`).
   */
  words: string;
  /** The line of the opening tag. */
  line: number;
  /** Offsets in the file: the opening tag's `<`, the words, the closing tag's `<`, just after the closing tag. */
  start: number;
  wordsStart: number;
  close: number;
  end: number;
  /** The opening tag as written. */
  tag: string;
}

/** The props a mark may have. */
const markProps = ['id', 'speaker', 'kind', 'role'];

/** The frontmatter and code fences blanked, every offset kept. */
function blanked(raw: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return raw.replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/, blank).replace(/^(```|~~~)[\s\S]*?^\1/gm, blank);
}

/** Markdown's backslash escapes: `\[` is a literal `[`. */
const escaped = /\\([!-/:-@[-`{-~])/g;

/** Characters that would make the words something other than plain text: formatting, links, code, components. */
const notPlain = /[*`\\{}<>]|\]\(|(?:^|[^\p{L}\p{N}])_|_(?:[^\p{L}\p{N}]|$)|&[#\w]+;/u;

/** An id derived from the speaker and the first words: roman-vassilenko, "We are maintaining…" → vassilenko-we-are-maintaining. */
export function suggestedQuoteId(speaker: string | undefined, words: string): string {
  const family = (speaker ?? 'quote').split('-').at(-1) ?? 'quote';
  const first = words
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, '')
    .split(/[\s-]+/)
    .filter(Boolean)
    .slice(0, 4);
  return [family, ...first].join('-') || 'quote';
}

/**
 * Every Quote mark of an MDX file, in reading order, with its line, and the problems of the marks themselves:
 * the old self-closing form, a mark inside a mark, a mark never closed, no words, words with formatting, props
 * missing or unknown. `file` names the file in the problems.
 */
export function findQuoteMarks(raw: string, file: string): { marks: QuoteMark[]; problems: Problem[] } {
  const text = blanked(raw);
  const marks: QuoteMark[] = [];
  const problems: Problem[] = [];
  let line = 1;
  let counted = 0;
  const lineAt = (index: number) => {
    for (; counted < index; counted++) if (text.charCodeAt(counted) === 10) line++;
    return line;
  };
  let open: { tag: string; attributes: string; start: number; wordsStart: number; line: number; nested?: boolean } | undefined;
  for (const match of text.matchAll(/<Quote\b((?:[^>"{}]|"[^"]*"|\{[^}]*\})*?)(\/?)>|<\/Quote\s*>/g)) {
    const at = lineAt(match.index);
    const report = (field: string, message: string, onLine = at) => problems.push({ file, line: onLine, field, message });
    if (match[0].startsWith('</')) {
      if (!open) {
        report('body </Quote>', 'closes a quote that was never opened. Remove it, or put <Quote id="…" speaker="…" kind="…"> before the words.');
        continue;
      }
      if (open.nested) {
        open = undefined; // reported: the inner mark's close ends it, the outer one's is then a stray
        continue;
      }
      const written = raw.slice(open.wordsStart, match.index);
      const words = written.replace(escaped, '$1');
      const props = propsOf(open.attributes);
      const mark: QuoteMark = {
        ...props,
        words,
        line: open.line,
        start: open.start,
        wordsStart: open.wordsStart,
        close: match.index,
        end: match.index + match[0].length,
        tag: open.tag,
      };
      const name = props.id ? `quote "${props.id}"` : 'the quote';
      const unknown = Object.keys(propsOfAll(open.attributes)).filter((prop) => !markProps.includes(prop));
      if (unknown.includes('part')) {
        report('body <Quote part>', `${name}: a statement split by "he said" is two marks with the same id, in reading order, each around its own words; remove part.`, open.line);
      } else if (unknown.length) {
        report(`body <Quote ${unknown[0]}>`, `${name} has ${unknown.map((prop) => `"${prop}"`).join(', ')}, which a quote mark does not take. A mark takes ${markProps.join(', ')}.`, open.line);
      }
      if (!words.trim()) {
        report('body <Quote>', `${name} has no words: put the quote's words between <Quote …> and </Quote>, or remove the mark.`, open.line);
      } else if (/\n[ \t]*\n/.test(words)) {
        report('body <Quote>', `${name} runs over a paragraph break. A mark stays in one paragraph: for a statement over two, mark each part with the same id.`, open.line);
      } else if (words.trim() !== words) {
        report('body <Quote>', `${name} starts or ends with a space inside the mark. Put the spaces outside: "<Quote …>the words</Quote>".`, open.line);
      } else if (notPlain.test(written.replace(escaped, ''))) {
        report(
          'body <Quote>',
          `${name}: the words of a quote are plain text, verbatim, so a mark holds no formatting, link, code or component (${JSON.stringify(notPlain.exec(written.replace(escaped, ''))![0])}). Put them outside the mark, or write the words plainly.`,
          open.line,
        );
      }
      if (props.id && !idPattern.test(props.id)) {
        report(
          'body <Quote id>',
          `"${props.id}" is not an id: ids are lowercase words and digits joined by hyphens (it is the page address, /quotes/<id>/), e.g. id="${suggestedQuoteId(props.speaker, words)}".`,
          open.line,
        );
      }
      if (!props.id) {
        report(
          'body <Quote id>',
          `the quote has no id: write id="${suggestedQuoteId(props.speaker, words)}" (the speaker and the first words; it is the quote's permalink, /quotes/<id>/, and stays when the words are corrected).`,
          open.line,
        );
      }
      if (!props.speaker) report('body <Quote speaker>', `${name} has no speaker: write speaker="the-person-id" (a file in people/).`, open.line);
      if (!props.kind) report('body <Quote kind>', `${name} has no kind: write kind="direct", kind="partial" or kind="reported".`, open.line);
      else if (!(quoteKinds as readonly string[]).includes(props.kind)) {
        report('body <Quote kind>', `${name}: kind "${props.kind}" is not a kind of quote. Write ${quoteKinds.map((kind) => `kind="${kind}"`).join(', ')}.`, open.line);
      }
      marks.push(mark);
      open = undefined;
      continue;
    }
    if (match[2] === '/') {
      const id = propsOf(match[1] ?? '').id;
      report(
        'body <Quote>',
        `a quote is now a mark around its words, not a tag on its own: write <Quote id="${id ?? 'the-id'}" speaker="…" kind="…">the words</Quote>, with the words as published.`,
      );
      continue;
    }
    if (open) {
      report('body <Quote>', `a quote mark inside another (opened on line ${open.line}): close the first with </Quote> before the next begins.`);
      open.nested = true;
      continue;
    }
    open = { tag: match[0], attributes: match[1] ?? '', start: match.index, wordsStart: match.index + match[0].length, line: at };
  }
  if (open) problems.push({ file, line: open.line, field: 'body <Quote>', message: 'the quote mark is never closed: write </Quote> after its words.' });
  return { marks, problems };
}

function propsOfAll(attributes: string): Record<string, string> {
  const props: Record<string, string> = {};
  for (const match of attributes.matchAll(/([A-Za-z][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\}|\{([^}]*)\}))?/g)) {
    props[match[1]!] = match[2] ?? match[3] ?? match[4] ?? match[5] ?? '';
  }
  return props;
}

function propsOf(attributes: string): Pick<QuoteMark, 'id' | 'speaker' | 'kind' | 'role'> {
  const all = propsOfAll(attributes);
  const value = (name: string) => (all[name] ? all[name] : undefined);
  return { id: value('id'), speaker: value('speaker'), kind: value('kind'), role: value('role') };
}

/**
 * A new mark may leave its id empty (the browser editor's Quote mark does): gives each such mark, with a speaker,
 * an id from the speaker and its first words, unique against `taken` (other quotes' ids) and the file's own. Written
 * once, when the file is saved, the id then stays however the words are corrected. Other text is left as it is.
 */
export function fillQuoteIds(raw: string, taken: ReadonlySet<string>): { raw: string; filled: string[] } {
  const { marks } = findQuoteMarks(raw, '');
  const used = new Set([...taken, ...marks.flatMap((mark) => (mark.id ? [mark.id] : []))]);
  const filled: string[] = [];
  let out = '';
  let from = 0;
  for (const mark of marks) {
    if (mark.id || !mark.speaker || !mark.words.trim()) continue;
    const base = suggestedQuoteId(mark.speaker, mark.words);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    filled.push(id);
    // <Quote id="…" speaker=…>: the id first, as it is written by hand; an empty id="" the editor may write goes.
    const tag = mark.tag.replace(/\s+id=(?:""|'')/, '').replace(/^<Quote\b/, `<Quote id="${id}"`);
    out += raw.slice(from, mark.start) + tag;
    from = mark.start + mark.tag.length;
  }
  return { raw: out + raw.slice(from), filled };
}

/** Every quote id the articles mark, and every quote file's id: what a new quote's id must differ from. */
export function quoteIdsIn(articles: readonly { raw: string }[], files: readonly { id: string }[]): Set<string> {
  const ids = new Set(files.map((file) => file.id));
  for (const article of articles) for (const mark of findQuoteMarks(article.raw, '').marks) if (mark.id) ids.add(mark.id);
  return ids;
}
