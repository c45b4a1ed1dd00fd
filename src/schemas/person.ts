import { z } from 'astro/zod';
import { absentWhenEmpty, calendarDate, wikidataId } from './common';
import type { Reference } from './reference';

export const personSchema = (reference: Reference) =>
  z
    .object({
      name: z.string().min(1).describe('Full name as the article writes it, e.g. "Kassym-Jomart Tokayev".'),
      sortName: z
        .string()
        .min(1)
        .optional()
        .describe('Name to sort by, family name first, e.g. "Tokayev, Kassym-Jomart"; defaults to the last word.'),
      roles: z
        .array(
          z
            .object({
              title: z.string().min(1).describe('The role as the article names it, e.g. "Deputy Foreign Minister".'),
              organisation: z.string().min(1).describe('Where the role is held: a government, an institute, a newsroom.'),
              place: z.string().min(1).optional().describe('Where the person works in this role, e.g. "Bishkek".'),
              statedIn: reference('articles')
                .optional()
                .describe('Id of the article that names this role, when an article does.'),
              newsroom: absentWhenEmpty(
                z
                  .object({
                    from: calendarDate.optional().describe('First day in the role (this site\'s own research).'),
                    until: calendarDate.optional().describe('Last day in the role; leave out while it is held.'),
                  })
                  .strict(),
              ).describe('When the role was held: this site\'s own research, not taken from an article.'),
            })
            .strict()
            .describe('A role the person holds or held.'),
        )
        .min(1, { error: 'Give at least one role, e.g. { title: Analyst, organisation: Carnegie Endowment }.' })
        .describe('Roles over time, most recent first.'),
      wikidata: wikidataId.optional().describe('Wikidata item id, e.g. Q7747, when known for certain.'),
      newsroom: z
        .object({
          description: z.string().min(1).describe('One or two sentences about the person in this site\'s own words.'),
        })
        .strict()
        .describe('Text this site wrote itself, shown as such to readers.'),
    })
    .strict();
