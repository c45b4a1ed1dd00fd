/**
 * Mistakes a journalist can make that the schemas and the reference checks (checks.ts) let through, each of which
 * would put something broken, doubled or missing on a page: quotation marks typed twice, a `{word}` the MDX
 * compiler reads as code, an image file that is not there, an article related to itself, a quote file in a
 * subfolder, a list naming one id twice, a date that cannot be, a quote the prose frames the wrong way (issue 16).
 *
 * checkContent() runs these, so `npm run check:content`, `npm run dev` and the build report them with the rest.
 * Image checks look at the disk: a relative `src` is relative to the article's file, `/…` to public/.
 */
import path from 'node:path';
import { findComponentUses, findReferences, type CheckedEntry, type Problem } from './checks';
import { isDerivedQuote, type DerivedQuote } from './quote-entries';
import {
  blankedBody,
  day,
  fieldLines,
  fileNameMistakes,
  holds,
  missingImage,
  offsetOfLine,
  pathName,
  sameDay,
  sharesAWord,
  splitPath,
  strings,
  } from './entry-text';

export interface MistakeOptions {
  /** The folder served as the site's root (`/images/x.jpg` is `public/images/x.jpg`). */
  publicDir?: string;
  /** Today, for dates that cannot be in the future (tests pass a fixed day). */
  today?: Date;
}

/** Quotation marks a journalist may type around a quote's words: straight, curly, low and angle marks. */
export const typedQuotationMarks = '"“”„‟«»‹›';
const quotationMarks = typedQuotationMarks;

export function findMistakes(entries: readonly CheckedEntry[], options: MistakeOptions = {}): Problem[] {
  const publicDir = options.publicDir ?? path.resolve('public');
  const today = options.today ?? new Date();
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const problems: Problem[] = [];
  const byId = new Map(entries.map((entry) => [`${entry.collection}/${entry.id}`, entry]));
  const articleOf = (entry: CheckedEntry) => byId.get(`articles/${(entry.data['article'] as { id?: string } | undefined)?.id}`);

  const quotesIn = new Map<string, DerivedQuote[]>();
  for (const entry of entries) {
    if (!isDerivedQuote(entry)) continue;
    const id = (entry.data['article'] as { id: string }).id;
    quotesIn.set(id, [...(quotesIn.get(id) ?? []), entry]);
  }

  for (const original of entries) {
    // A derived quote's words and props are the article's (checked with it, below); its file in quotes/ holds the rest.
    const derived = isDerivedQuote(original) ? original : undefined;
    if (derived) quoteMistakes(derived, articleOf(derived), byId, problems);
    const entry = derived ? derived.extras : original;
    if (!entry) continue;
    const at = fieldLines(entry);
    const report = (fieldPath: (string | number)[], message: string, line?: number) =>
      problems.push({ file: entry.file, line: line ?? at(fieldPath), field: pathName(fieldPath) || '(file)', message });

    fileNameMistakes(entry, problems);
    if (entry.invalid) continue;

    // Text that is only spaces passes `min(1)` and shows as nothing.
    for (const [fieldPath, value] of strings(entry.data)) {
      if (!value.trim()) report(fieldPath, 'is only spaces, so readers would see nothing. Write the text, or leave the field out if it is optional.');
    }

    // One id twice in a list: the page would show it twice (a topic chip, an author, a related article).
    const seen = new Map<string, string>();
    for (const ref of findReferences(entry.data)) {
      const list = ref.path.replace(/\[\d+\]$/, '');
      if (list === ref.path || list.includes('waypoints')) continue;
      const key = `${list}\0${ref.id}`;
      const first = seen.get(key);
      if (first) {
        const index = Number(/\[(\d+)\]$/.exec(ref.path)![1]);
        report([...splitPath(list), index], `"${ref.id}" is listed twice (${first} and ${ref.path}), so the page would show it twice. Remove one.`);
      } else seen.set(key, ref.path);
    }

    if (entry.collection === 'articles') articleMistakes(entry, { publicDir, todayUtc, byId, report, problems }, quotesIn.get(entry.id) ?? []);
    if (entry.collection === 'figures') {
      const figureArticle = articleOf(entry);
      const wording = entry.data['wording'];
      if (figureArticle && !figureArticle.invalid && typeof wording === 'string' && !holds(figureArticle, wording, byId)) {
        report(
          ['wording'],
          `"${wording}" is not in the text of "${figureArticle.id}" as readers get it. The wording is the article's own words for the figure, verbatim: copy them from the article.`,
        );
      }
      const asOf = entry.data['asOf'] as { date: Date; basis: string } | undefined;
      const article = articleOf(entry);
      if (article && !article.invalid && asOf?.basis === 'publication' && !sameDay(asOf.date, article.data['published'] as Date)) {
        report(
          ['asOf', 'date'],
          `is ${day(asOf.date)}, but basis: publication says the article's date stands in, and "${article.id}" was published ${day(article.data['published'] as Date)}. Use that date, or basis: stated if the article says when.`,
        );
      }
    }
    if (entry.collection === 'people') {
      // A person's page shows the description beside every article that names them, so it cannot point at one.
      const description = (entry.data['newsroom'] as { description?: string } | undefined)?.description ?? '';
      const deictic = /\b(?:this|the present) (?:article|story|piece|report|interview)\b/i.exec(description);
      if (deictic) {
        report(
          ['newsroom', 'description'],
          `says "${deictic[0]}", but the person's page shows it beside every article that names them. Say it without pointing at one article, e.g. "Analyst at … as of October 2022."`,
        );
      }
      const roles = (entry.data['roles'] ?? []) as { newsroom?: { from?: Date; until?: Date } }[];
      roles.forEach((role, index) => {
        const { from, until } = role.newsroom ?? {};
        if (from && until && from > until) {
          report(['roles', index, 'newsroom', 'until'], `${day(until)} is before the role began (from: ${day(from)}). Swap or correct the dates.`);
        }
        if (from && from.getTime() > todayUtc) report(['roles', index, 'newsroom', 'from'], `${day(from)} is in the future. Write the day the role began.`);
        if (until && until.getTime() > todayUtc) {
          report(['roles', index, 'newsroom', 'until'], `${day(until)} is in the future. Leave until out while the role is held.`);
        }
      });
    }
    if (entry.collection === 'routes') {
      ((entry.data['reported'] ?? []) as { article: { id: string }; text: string }[]).forEach((item, index) => {
        const source = byId.get(`articles/${item.article.id}`);
        if (source && !source.invalid && !holds(source, item.text, byId)) {
          report(
            ['reported', index, 'text'],
            `is not in the text of "${source.id}" as readers get it, but says what the article says, verbatim. Copy the words from the article.`,
          );
        }
      });
      const waypoints = (entry.data['waypoints'] ?? []) as { place: { id: string } }[];
      waypoints.forEach((waypoint, index) => {
        if (index && waypoint.place.id === waypoints[index - 1]!.place.id) {
          report(['waypoints', index, 'place'], `"${waypoint.place.id}" follows itself, a leg of no length. Remove one of the two.`);
        }
      });
    }
  }
  return problems;
}

interface ArticleContext {
  publicDir: string;
  todayUtc: number;
  byId: Map<string, CheckedEntry>;
  report: (fieldPath: (string | number)[], message: string, line?: number) => void;
  problems: Problem[];
}

function articleMistakes(article: CheckedEntry, { publicDir, todayUtc, byId, report }: ArticleContext, quotes: readonly DerivedQuote[]) {
  const data = article.data;
  const draft = data['draft'] === true;

  // Related to itself: the site drops the link without a word.
  const related = (data['related'] ?? {}) as { articles?: { id: string }[]; exclude?: { id: string }[] };
  for (const list of ['articles', 'exclude'] as const) {
    (related[list] ?? []).forEach((ref, index) => {
      if (ref.id === article.id) report(['related', list, index], `names this article itself ("${article.id}"); an article is never related to itself. Remove it.`);
    });
  }
  const excluded = new Set((related.exclude ?? []).map((ref) => ref.id));
  (related.articles ?? []).forEach((ref, index) => {
    if (excluded.has(ref.id)) {
      report(['related', 'articles', index], `"${ref.id}" is both listed and in related.exclude. Keep it in one of the two.`);
    }
  });

  // Dates that cannot be: the site has no scheduled publishing, and nothing happens after today.
  if (!draft) {
    for (const [fieldPath, date] of [
      [['published'], data['published']],
      [['updated'], data['updated']],
      ...((data['corrections'] ?? []) as { date: Date }[]).map((c, i) => [['corrections', i, 'date'], c.date] as const),
    ] as [(string | number)[], Date | undefined][]) {
      if (date instanceof Date && date.getTime() > todayUtc) {
        report(fieldPath, `${day(date)} is in the future; the site publishes what is written at once. Write the real date, or set draft: true until then.`);
      }
    }
  }

  // The lead image file.
  const lead = data['leadImage'] as { src?: unknown } | undefined;
  if (typeof lead?.src === 'string') {
    const missing = missingImage(lead.src, article.file, publicDir);
    if (missing) report(['leadImage', 'src'], missing);
  }

  const body = blankedBody(article.raw);
  const lineAt = (index: number) => article.raw.slice(0, index).split('\n').length;

  // An empty article would be a page with a headline and nothing under it.
  if (!draft && !body.replace(/<[^>]*>/g, '').trim()) {
    report([], 'the article has no text after its frontmatter. Write the article, or set draft: true.', article.raw.split('\n').length);
  }

  // A `{…}` in prose is an MDX expression: the build evaluates it and fails on the first unknown word.
  for (const match of body.matchAll(/\{([^{}]*)\}/g)) {
    if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(match[1]!)) continue; // an MDX comment {/* … */} shows nothing, as meant
    report(
      ['body'],
      `"${match[0]}" in the text is read as code, and the build fails on it (e.g. "${match[1]!.trim().split(/\W/)[0] || 'x'} is not defined"). ` +
        'Write \\{ and \\} for literal braces, or remove them.',
      lineAt(match.index),
    );
  }

  // A second top-level heading: the headline is the page's only <h1>.
  for (const match of body.matchAll(/^#[ \t]+\S.*$/gm)) {
    report(['body'], `"${match[0].trim()}" is a top-level heading; the headline is the page's only one. Write ## for a section heading.`, lineAt(match.index));
  }

  // Images in the body: Markdown ![alt](src) and HTML <img>.
  for (const match of body.matchAll(/!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)|<img\b[^>]*?\bsrc=["']([^"']*)["'][^>]*>/g)) {
    const src = match[2] ?? match[3] ?? '';
    const line = lineAt(match.index);
    const alt = match[3] !== undefined ? /\balt=["']([^"']*)["']/.exec(match[0])?.[1] : match[1];
    if (!alt?.trim()) {
      report(['body image'], `the image ${src || '(no file)'} has no alt text. Describe what it shows: ![What the image shows](${src || 'file.jpg'}).`, line);
    }
    const missing = src ? missingImage(src, article.file, publicDir) : 'gives no file. Write ![What the image shows](./file.jpg).';
    if (missing) report(['body image'], missing, line);
  }

  // Components: how each use stands in the prose.
  const uses = findComponentUses(article.raw);
  for (const use of uses) {
    const index = article.raw.indexOf(use.tag, offsetOfLine(article.raw, use.line));
    const selfClosing = use.tag.endsWith('/>');
    if (use.component === 'Quote') continue; // a mark around the words: below
    if (use.component === 'Person') {
      const personId = use.ids[0];
      const close = selfClosing ? -1 : article.raw.indexOf('</Person>', index);
      const words = close < 0 ? '' : article.raw.slice(index + use.tag.length, close).trim();
      if (!words) {
        report(['body <Person>'], `shows no name: write the name as the article has it between the tags, <Person id="${personId ?? 'the-id'}">Name</Person>.`, use.line);
        continue;
      }
      const person = personId ? byId.get(`people/${personId}`) : undefined;
      if (person && !person.invalid && !sharesAWord(words, [person.data['name'], person.data['sortName']].join(' '))) {
        report(
          ['body <Person>'],
          `links "${words}" to ${person.id} (${String(person.data['name'])}), whose name has none of those words. Correct the id or the name.`,
          use.line,
        );
      }
      continue;
    }
    if (!selfClosing) {
      report(
        [`body <${use.component}>`],
        `write it as one self-closing tag, ${use.tag.replace(/\s*>$/, ' />')}: it shows what its file holds, and anything between <${use.component}> and </${use.component}> would not appear.`,
        use.line,
      );
      continue;
    }
    const listed = new Set<string>();
    for (const id of use.ids) {
      if (listed.has(id)) report([`body <${use.component}>`], `names "${id}" twice, so it would show twice. Remove one.`, use.line);
      listed.add(id);
    }
  }

  // Quote marks: the prose's quotation marks stand outside the mark as the quote's kind asks, and no punctuation doubles.
  for (const quote of quotes) {
    const kind = quote.data['kind'] as string;
    for (const mark of quote.marks) {
      const before = article.raw[mark.start - 1] ?? '';
      const after = article.raw.slice(mark.end, mark.end + 4);
      const framed = quotationMarks.includes(before);
      const closed = new RegExp(`^[.,;:!?…]*[${quotationMarks}]`).test(after);
      if (kind === 'reported' && framed) {
        report(
          ['body <Quote>'],
          `quote "${quote.id}" is reported speech (kind="reported"), but the text puts a quotation mark before it. Remove the marks, or make it kind="direct" or kind="partial".`,
          mark.line,
        );
      } else if (kind !== 'reported' && (!framed || !closed)) {
        report(
          ['body <Quote>'],
          `quote "${quote.id}" is ${kind} speech, so the text must put quotation marks around the mark: "<Quote id="${quote.id}" …>the words</Quote>". ` +
            'The mark adds none; for paraphrase, make it kind="reported".',
          mark.line,
        );
      }
      const doubled = /[.,;:!?]$/.exec(mark.words)?.[0];
      const next = /^[.,;:]/.exec(after)?.[0];
      if (doubled && next) {
        report(
          ['body <Quote>'],
          `quote "${quote.id}" ends with "${doubled}" and the text adds "${next}" right after the mark, so readers would see "${doubled}${next}". Remove one of the two.`,
          mark.line,
        );
      }
    }
  }
}

function quoteMistakes(quote: DerivedQuote, article: CheckedEntry | undefined, byId: Map<string, CheckedEntry>, problems: Problem[]) {
  for (const mark of quote.marks) {
    const words = mark.words.trim();
    const marks = [...words].filter((char) => quotationMarks.includes(char)).length;
    const opens = quotationMarks.includes(words[0] ?? '');
    const closes = quotationMarks.includes(words.at(-1) ?? '');
    if ((opens && closes) || ((opens || closes) && marks % 2 === 1)) {
      problems.push({
        file: quote.file,
        line: mark.line,
        field: 'body <Quote>',
        message:
          `quote "${quote.id}" ${opens ? 'starts' : 'ends'} with a quotation mark inside the mark. The prose's quotation marks stand outside it, ` +
          `"<Quote …>the words</Quote>", so that the quote's page, which adds its own, does not show two.`,
      });
    }
  }

  const extras = quote.extras;
  const said = extras && !extras.invalid ? (extras.data['said'] as { date: Date; basis: string; wording?: string } | undefined) : undefined;
  if (!said || !extras) return;
  const at = fieldLines(extras);
  const report = (fieldPath: (string | number)[], message: string) => problems.push({ file: extras.file, line: at(fieldPath), field: pathName(fieldPath), message });
  if (said.wording && article && !article.invalid && !holds(article, said.wording, byId)) {
    report(
      ['said', 'wording'],
      `"${said.wording}" is not in the text of "${article.id}"; it is the article's own words for when, verbatim (e.g. "In September"). Copy them from the article.`,
    );
  }
  const published = article && !article.invalid ? (article.data['published'] as Date) : undefined;
  if (published && said.basis === 'publication' && !sameDay(said.date, published)) {
    report(
      ['said', 'date'],
      `is ${day(said.date)}, but basis: publication says the article's date stands in, and "${article!.id}" was published ${day(published)}. Use that date, or basis: stated if the article says when (or leave said out: the article's date is the default).`,
    );
  } else if (published && said.date > published) {
    report(['said', 'date'], `${day(said.date)} is after "${article!.id}" was published (${day(published)}): words cannot be reported before they are said. Correct the date.`);
  }
}
