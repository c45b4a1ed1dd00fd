/**
 * The quote entries the site serves, derived from the marks in the articles (./quote-marks.ts finds them) and the
 * optional quotes/<id>.yaml beside them: one function (`deriveQuotes`) for the build (./load.ts) and
 * `npm run check:content` alike. The role at the time comes from the speaker's roles held on the day it was said.
 *
 * Pure: plain entries in, derived entries and problems out.
 */
import { createHash } from 'node:crypto';
import { quoteKinds } from '../../schemas/common';
import { contentSchemas } from '../../schemas/standalone';
import { roleLabel, type Role } from '../rules/people';
import type { CheckedEntry, Problem } from './checks';
import { fileNameMistakes } from './entry-text';
import { nearestIds } from './nearest';
import { findQuoteMarks, suggestedQuoteId, type QuoteMark } from './quote-marks';

/** A derived quote: an entry like any other, with where its marks and its file stand. */
export interface DerivedQuote extends CheckedEntry {
  collection: 'quotes';
  /** The article's file and text, where the marks stand. */
  file: string;
  raw: string;
  /** The marks, in reading order (two or more for a split statement). */
  marks: QuoteMark[];
  /** quotes/<id>.yaml, when there is one. */
  extras?: CheckedEntry | undefined;
  /** Changes whenever anything shown of the quote does: its words, props, role, date, topics or this site's text. */
  digest: string;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Whether a role was held on a day, as far as the site's research knows (a role without dates always fits). */
function heldOn(role: Role, date: Date): boolean {
  const from = role.newsroom?.from;
  const until = role.newsroom?.until;
  return (!from || from.getTime() <= date.getTime()) && (!until || date.getTime() <= until.getTime());
}

const roleList = (roles: readonly Role[]) => roles.map((role) => `"${roleLabel(role)}"${role.newsroom?.from || role.newsroom?.until ? ` (${role.newsroom?.from ? day(role.newsroom.from) : '…'} to ${role.newsroom?.until ? day(role.newsroom.until) : 'now'})` : ''}`).join(', ');

/**
 * The quotes the articles mark, as entries: `entries` are the content's parsed entries (articles and people as
 * their schemas give them, quotes as their files give them: the extras); the result replaces the quotes. Each
 * quote's data is checked with the quote schema the site serves (src/schemas/quote.ts).
 */
export function deriveQuotes(entries: readonly CheckedEntry[]): { quotes: DerivedQuote[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const people = new Map(entries.filter((entry) => entry.collection === 'people').map((entry) => [entry.id, entry]));
  const extras = new Map(entries.filter((entry) => entry.collection === 'quotes').map((entry) => [entry.id, entry]));
  const groups = new Map<string, { article: CheckedEntry; marks: QuoteMark[] }>();
  const marked = new Set<string>();

  for (const article of entries) {
    if (article.collection !== 'articles') continue;
    const found = findQuoteMarks(article.raw, article.file);
    problems.push(...found.problems);
    for (const mark of found.marks) {
      if (!mark.id) continue;
      marked.add(mark.id);
      const group = groups.get(mark.id);
      if (!group) groups.set(mark.id, { article, marks: [mark] });
      else if (group.article !== article) {
        problems.push({
          file: article.file,
          line: mark.line,
          field: 'body <Quote id>',
          message:
            `the id "${mark.id}" already marks a quote in ${group.article.file} (line ${group.marks[0]!.line}); a quote stands in one article, ` +
            `where its page links to. Give this one its own id, e.g. id="${suggestedQuoteId(mark.speaker, mark.words)}".`,
        });
      } else group.marks.push(mark);
    }
  }

  for (const extra of extras.values()) {
    if (marked.has(extra.id)) continue;
    // quotes/umarov/x.yaml: the id would be "umarov/x", which no mark can have.
    if (extra.id.includes('/')) {
      fileNameMistakes(extra, problems);
      continue;
    }
    problems.push({
      file: extra.file,
      line: 1,
      field: 'id',
      message:
        `no article marks a quote with id "${extra.id}", so this file belongs to nothing. Mark the words in the article ` +
        `(<Quote id="${extra.id}" speaker="…" kind="…">the words</Quote>), or rename the file to the id of its mark, or delete it.`,
    });
  }

  const quotes: DerivedQuote[] = [];
  for (const [id, { article, marks }] of groups) {
    const first = marks[0]!;
    const report = (field: string, message: string, line = first.line) => problems.push({ file: article.file, line, field, message });
    if (marks.some((mark) => !mark.words.trim())) continue; // reported with the mark
    let consistent = true;
    for (const mark of marks.slice(1)) {
      for (const prop of ['speaker', 'kind', 'role'] as const) {
        if (mark[prop] !== first[prop]) {
          consistent = false;
          report(
            `body <Quote ${prop}>`,
            `quote "${id}" is split over marks that disagree: ${prop}="${first[prop] ?? ''}" on line ${first.line}, ${prop}="${mark[prop] ?? ''}" here. The parts of one statement have one speaker, kind and role: write the same on each.`,
            mark.line,
          );
        }
      }
    }
    if (!consistent || !first.speaker || !first.kind || !(quoteKinds as readonly string[]).includes(first.kind)) continue;
    const speaker = people.get(first.speaker);
    if (!speaker) {
      const nearest = nearestIds(first.speaker, people.keys());
      report(
        'body <Quote speaker>',
        `no person with id "${first.speaker}" (expected a file people/${first.speaker}.yaml). ` +
          (nearest.length ? `Nearest valid ids: ${nearest.join(', ')}.` : 'Add the person first (npm run new:person, or in the editor).'),
      );
      continue;
    }
    if (article.invalid || speaker.invalid) continue;
    const extra = extras.get(id);
    const extraData = extra && !extra.invalid ? extra.data : {};
    const published = article.data['published'] as Date;
    // When it was said: the article's words for when, in the quote's file (basis stated), else the article's date.
    const stated = extraData['said'] as { date: Date; precision?: string; wording?: string } | undefined;
    const said: Record<string, unknown> = stated
      ? { date: stated.date, precision: stated.precision ?? 'day', ...(stated.wording ? { wording: stated.wording } : {}), basis: 'stated' }
      : { date: published, precision: 'day', basis: 'publication' };
    const saidOn = said['date'] as Date;

    const roles = (speaker.data['roles'] ?? []) as Role[];
    const fitting = roles.filter((role) => heldOn(role, saidOn));
    let role: Role | undefined;
    if (first.role) {
      const named = fitting.filter((r) => r.title === first.role || `${r.title}, ${r.organisation}` === first.role);
      if (named.length === 1) role = named[0];
      else {
        report(
          'body <Quote role>',
          named.length
            ? `role="${first.role}" fits more than one of ${speaker.id}'s roles on ${day(saidOn)}: write the title and the organisation, e.g. role="${named[0]!.title}, ${named[0]!.organisation}".`
            : `role="${first.role}" is not a role ${speaker.id} held on ${day(saidOn)} (when it was said) in ${speaker.file}. ` +
                (fitting.length ? `Roles that fit: ${roleList(fitting)}.` : `None of their roles fits that day: ${roleList(roles)}.`) +
                ' Correct the role, or the role\'s dates (newsroom.from, newsroom.until) in the person\'s file.',
        );
        continue;
      }
    } else if (fitting.length === 1) role = fitting[0];
    else {
      report(
        'body <Quote role>',
        fitting.length
          ? `${speaker.id} held more than one role on ${day(saidOn)} (when it was said): ${roleList(fitting)}. Say which with role="the title", e.g. role="${fitting[0]!.title}".`
          : `none of ${speaker.id}'s roles in ${speaker.file} was held on ${day(saidOn)}, when it was said: ${roleList(roles)}. ` +
              "Add the role they held then to the person's file, or correct its dates (newsroom.from, newsroom.until)" +
              (extra ? `, or the date in ${extra.file} (said.date).` : '.'),
      );
      continue;
    }

    const listed = (extraData['topics'] ?? []) as { id: string }[];
    const topics = listed.length ? listed : (article.data['topics'] as { id: string }[]);
    const input: Record<string, unknown> = {
      text: marks.length === 1 ? first.words : marks.map((mark) => mark.words),
      speaker: speaker.id,
      role: { title: role!.title, organisation: role!.organisation },
      kind: first.kind,
      said,
      article: article.id,
      topics: topics.map((topic) => topic.id),
      ...(extraData['newsroom'] ? { newsroom: extraData['newsroom'] } : {}),
    };
    const parsed = contentSchemas.quotes.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) report(`quote "${id}" ${issue.path.join('.')}`, issue.message);
      continue;
    }
    quotes.push({
      collection: 'quotes',
      id,
      file: article.file,
      raw: article.raw,
      data: parsed.data as Record<string, unknown>,
      marks,
      extras: extra,
      digest: createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 16),
    });
  }
  return { quotes, problems };
}

/** Whether an entry is a derived quote. */
export const isDerivedQuote = (entry: CheckedEntry): entry is DerivedQuote => entry.collection === 'quotes' && 'marks' in entry;

/**
 * The content's entries with the quotes' files replaced by the quotes their articles mark, and the problems found
 * doing it: what `npm run check:content` and the build check.
 */
export function withDerivedQuotes(entries: readonly CheckedEntry[]): { entries: CheckedEntry[]; quotes: DerivedQuote[]; problems: Problem[] } {
  const { quotes, problems } = deriveQuotes(entries);
  return { entries: [...entries.filter((entry) => entry.collection !== 'quotes'), ...quotes], quotes, problems };
}
