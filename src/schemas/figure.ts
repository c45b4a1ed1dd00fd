import { z } from 'astro/zod';
import { absentWhenEmpty, calendarDate, datePrecision } from './common';
import type { Reference } from './reference';

export const figureQualifiers = ['exactly', 'more than', 'over', 'nearly', 'about', 'at least'] as const;

export const figureSchema = (reference: Reference) =>
  z
    .object({
      value: z.number().describe('The number itself, e.g. 100000 or 40 (for 40%).'),
      unit: z.string().min(1).describe('What is counted, plural, e.g. "people", "percent", "companies".'),
      qualifier: z
        .enum(figureQualifiers)
        .default('exactly')
        .describe('How the article bounds the number: exactly, more than, over, nearly, about or at least.'),
      measures: z.string().min(1).describe('What the number measures, in the article\'s terms.'),
      wording: z.string().min(1).describe('The article\'s words for the figure, verbatim, e.g. "more than 100,000".'),
      asOf: z
        .object({
          date: calendarDate.describe('The date the number holds for (first day of the month when only that is known).'),
          precision: datePrecision.default('day').describe('How much of the date is known: day, month or year.'),
          basis: z
            .enum(['stated', 'publication'])
            .describe('stated: the article says when; publication: the article\'s date stands in.'),
        })
        .strict()
        .describe('When the number holds.'),
      source: z
        .union([
          z
            .object({ person: reference('people').describe('Id of the person the number comes from.') })
            .strict(),
          z
            .object({ report: z.string().min(1).describe('The report the number comes from, as the article names it.') })
            .strict(),
          z
            .object({
              publisher: z.string().min(1).describe('The publisher whose reporting states the number, e.g. "DW".'),
            })
            .strict(),
        ])
        .describe('Who the number comes from: { person: id }, { report: name } or { publisher: name }.'),
      article: reference('articles').describe('Id of the article that reports the figure.'),
      factBox: z
        .enum(['aside', 'listed'])
        .default('aside')
        .describe(
          "Where its <FactBox> shows it. aside: in a box beside the text, for a figure that adds to the sentence (a note of ours, a source or a date the sentence does not give); listed: the sentence already says it, so it is listed with the article's figures at the end instead of repeating it.",
        ),
      topics: z.array(reference('topics')).min(1).describe('Ids of the topics the figure belongs to.'),
      newsroom: absentWhenEmpty(
        z
          .object({
            note: z.string().min(1).describe('A note in this site\'s own words, e.g. a correction of fact.'),
          })
          .strict(),
      ).describe('Text this site wrote itself, shown as such to readers.'),
    })
    .strict();
