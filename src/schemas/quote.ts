import { z } from 'astro/zod';
import { calendarDate, datePrecision, quoteKinds } from './common';
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
      newsroom: z
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
        .strict()
        .describe('Text this site wrote itself, shown as such to readers.'),
    })
    .strict();

/** A quote's text as one string: segments of a split statement are joined with a space. */
export function quoteText(text: string | string[]): string {
  return Array.isArray(text) ? text.join(' ') : text;
}
