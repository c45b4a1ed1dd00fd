import { z } from 'astro/zod';
import type { ImageFunction } from 'astro:content';
import { absentWhenEmpty, calendarDate, languageTag, webLink } from './common';
import type { Reference } from './reference';

export const articleSchema = (reference: Reference, image: ImageFunction) =>
  z
    .object({
      title: z.string().min(1).describe('The headline.'),
      teaser: z.string().min(1).describe('The standfirst: one or two sentences under the headline.'),
      authors: z
        .array(reference('people'))
        .min(1, { error: 'Name at least one author by their people/ id.' })
        .describe('Ids of the people who wrote the article.'),
      editors: z.array(reference('people')).default([]).describe('Ids of the people who edited the article.'),
      published: calendarDate.describe('Date of first publication, YYYY-MM-DD.'),
      updated: calendarDate.optional().describe('Date of the last substantial update, YYYY-MM-DD.'),
      topics: z
        .array(reference('topics'))
        .min(1, { error: 'Give at least one topic id (a file in topics/).' })
        .describe('Ids of the topics the article is about.'),
      people: z
        .array(reference('people'))
        .default([])
        .describe('Ids of the people the article mentions; its authors, editors and speakers count already.'),
      places: z.array(reference('places')).default([]).describe('Ids of places the article is about.'),
      leadImage: absentWhenEmpty(
        z.object({
          src: image().optional().describe('The image file, relative to the article; leave out when we do not have it.'),
          alt: z.string().min(1).describe('What the image shows, for people who cannot see it.'),
          caption: z.string().min(1).describe('The caption as published.'),
          credit: z.string().min(1).describe('Who made the image, as published, e.g. "Image: Jane Doe/Agency".'),
        }).strict(),
      ).describe('The lead image record; the file itself is optional.'),
      related: z
        .object({
          articles: z
            .array(reference('articles'))
            .default([])
            .describe('Ids of related articles on this site, shown first; each also lists this article back.'),
          automatic: z
            .boolean()
            .default(true)
            .describe('false: no automatic suggestions on this article, and it is not suggested on others.'),
          exclude: z
            .array(reference('articles'))
            .default([])
            .describe('Ids of articles never to show as related here, nor this one on theirs (unless they list it).'),
          links: z
            .array(
              z
                .object({
                  title: z.string().min(1).describe('Title of the linked piece as published.'),
                  publisher: z.string().min(1).describe('Who published it, e.g. "DW".'),
                  url: webLink.optional().describe('Its address, when known.'),
                })
                .strict(),
            )
            .default([])
            .describe('Related pieces elsewhere.'),
        })
        .strict()
        .default({ articles: [], automatic: true, exclude: [], links: [] })
        .describe('Related reading: chosen articles and links; the site adds suggestions that share topics or people.'),
      source: z
        .object({
          publisher: z.string().min(1).describe('Who first published the article, e.g. "DW".'),
          url: webLink.optional().describe('Address of the original, when known.'),
        })
        .strict()
        .describe('Where the article was first published.'),
      corrections: z
        .array(
          z
            .object({
              date: calendarDate.describe('When the change was made, YYYY-MM-DD.'),
              kind: z
                .enum(['correction', 'clarification', 'update'])
                .describe('correction: something was wrong; clarification: something was unclear; update: news since.'),
              text: z.string().min(1).describe('What changed and why, as readers will see it.'),
            })
            .strict(),
        )
        .default([])
        .describe('Dated corrections, clarifications and updates, oldest first.'),
      language: languageTag.default('en').describe('Language of the article, e.g. en.'),
      draft: z.boolean().default(false).describe('Drafts are left out of the built site.'),
    })
    .strict()
    .refine((data) => !data.updated || data.updated >= data.published, {
      error: 'updated must be on or after published.',
      path: ['updated'],
    })
    .refine((data) => data.corrections.every((c) => c.date >= data.published), {
      error: 'A correction cannot be dated before the article was published.',
      path: ['corrections'],
    });
