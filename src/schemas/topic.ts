import { z } from 'astro/zod';

export const topicSchema = () =>
  z
    .object({
      name: z.string().min(1).describe('Name of the topic as readers see it, e.g. "Middle Corridor".'),
      newsroom: z
        .object({
          description: z
            .string()
            .min(1)
            .refine((text) => !text.includes('\n'), 'Keep the description to one line.')
            .describe('One line about the topic in this site\'s own words.'),
        })
        .strict()
        .describe('Text this site wrote itself, shown as such to readers.'),
    })
    .strict();
