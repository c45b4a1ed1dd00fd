import { z } from 'astro/zod';
import { absentWhenEmpty, calendarDate, datePrecision, quoteKinds } from './common';
import type { Reference } from './reference';

/** When something was said, as precisely as the article says it. */
export const whenSaid = z
  .object({
    date: calendarDate.describe('The date, or the first day of the month or year when only those are known.'),
    precision: datePrecision.default('day').describe('How much of the date is known: day, month or year.'),
    wording: z
      .string()
      .min(1)
      .optional()
      .describe('The article\'s own words for when, e.g. "In September" or "in June".'),
    basis: z
      .enum(['stated', 'publication'])
      .describe('stated: the article says when; publication: it does not, so the article\'s date stands in.'),
  })
  .strict();

/** What this site wrote itself about a quote, shown as such to readers. */
const quoteNewsroom = z
  .object({
    context: z
      .string()
      .min(1)
      .refine((text) => !text.includes('\n'), 'Keep the context to one line.')
      .describe('One line of context in this site\'s own words: to whom, about what.'),
    note: z
      .string()
      .min(1)
      .optional()
      .describe('An editor\'s note on the wording, e.g. a [sic] for a slip kept verbatim.'),
  })
  .strict();

/**
 * A quote as the site serves it (pages, the content API and its JSON Schema). It is not written as one file: its
 * words, speaker, kind and role stand in the article, as a mark around the words, and the rest comes from an optional
 * file quotes/<id>.yaml (`quoteFileSchema`) or from the article (src/lib/content/quote-marks.ts derives it).
 */
export const quoteSchema = (reference: Reference) =>
  z
    .object({
      text: z
        .union([
          z.string().min(1),
          z
            .array(z.string().min(1))
            .min(2, { error: 'A list of segments needs at least two; use plain text for one.' }),
        ])
        .describe(
          'The words exactly as published, without the surrounding quotation marks. A statement the article splits ' +
            'with "he said" is a list of its segments, in order.',
        ),
      speaker: reference('people').describe('Id of the person who said it (a file in people/).'),
      role: z
        .object({
          title: z.string().min(1).describe('The speaker\'s role title at the time, as in their people/ entry.'),
          organisation: z.string().min(1).describe('The organisation of that role, as in their people/ entry.'),
        })
        .strict()
        .describe('The speaker\'s role when they said it; must match one of their roles.'),
      kind: z
        .enum(quoteKinds)
        .describe('direct: quoted in full; partial: a fragment in quotation marks; reported: paraphrased speech.'),
      said: whenSaid.describe('When it was said, as far as the article says.'),
      article: reference('articles').describe('Id of the article the quote appears in.'),
      topics: z.array(reference('topics')).min(1).describe('Ids of the topics the quote is about.'),
      newsroom: quoteNewsroom.optional().describe('Text this site wrote itself, shown as such to readers.'),
    })
    .strict();

/**
 * The file quotes/<id>.yaml, written only for what the prose has no place for: when it was said (when the article
 * says when), its topics (else the article's), and this site's own context and note. Its id is the id of the mark
 * <Quote id="…"> in the article.
 */
export const quoteFileSchema = (reference: Reference) =>
  z
    .object({
      said: absentWhenEmpty(
        z
          .object({
            date: calendarDate.describe('The date, or the first day of the month or year when only those are known.'),
            precision: datePrecision
              .optional()
              .describe('How much of the date is known: day (when left empty), month or year.'),
            wording: whenSaid.shape.wording,
          })
          .strict(),
      ).describe(
        "When it was said, only when the article says when (e.g. \"In September\"); left empty, the article's date stands in.",
      ),
      topics: z
        .array(reference('topics'))
        .default([])
        .describe("Ids of the topics the quote is about; none listed, the article's topics."),
      newsroom: absentWhenEmpty(quoteNewsroom).describe('Text this site wrote itself, shown as such to readers.'),
    })
    .strict();

/** A quote's text as one string: segments of a split statement are joined with a space. */
export function quoteText(text: string | string[]): string {
  return Array.isArray(text) ? text.join(' ') : text;
}
