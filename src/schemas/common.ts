import { z } from 'astro/zod';

/** Ids are file names: lowercase words joined by hyphens, so URLs and anchors stay stable. */
export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A calendar date written as YYYY-MM-DD. YAML turns an unquoted date into a Date and silently rolls
 * 2022-02-30 over to 2 March, so the raw files are also scanned for impossible dates (src/lib/content/checks.ts).
 */
export const calendarDate = z
  .union([z.date(), z.string()])
  .transform((value, ctx) => {
    const date = typeof value === 'string' ? parseCalendarDate(value) : value;
    if (!date || Number.isNaN(date.getTime())) {
      ctx.addIssue({
        code: 'custom',
        message: `Expected a real date written as YYYY-MM-DD (for example 2022-10-25), got "${String(value)}".`,
      });
      return z.NEVER;
    }
    return date;
  });

/** Parses YYYY-MM-DD strictly: returns undefined for anything else, including 2022-02-30. */
export function parseCalendarDate(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date;
}

/** A web link: only http(s), so `javascript:` and friends cannot reach a page. */
export const webLink = z.httpUrl({ error: 'Expected a full web address starting with https:// (or http://).' });

/** A Wikidata item id such as Q7747. */
export const wikidataId = z
  .string()
  .regex(/^Q[1-9]\d*$/, { error: 'Expected a Wikidata item id such as Q7747 (a Q followed by digits).' });

/** A BCP 47 language tag such as en, de or en-GB. */
export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, { error: 'Expected a language tag such as en, de or en-GB.' });

/**
 * How precisely a date is known. A quote "said in September" is stored as 2022-09-01 with precision `month`,
 * and shown as "September 2022".
 */
export const datePrecision = z.enum(['day', 'month', 'year']);

/** The kinds of statement a quote can be. */
export const quoteKinds = ['direct', 'partial', 'reported'] as const;
export type QuoteKind = (typeof quoteKinds)[number];

/** The kinds of route the map can draw, each with its own line style. */
export const routeKinds = ['pipeline', 'shipping', 'rail', 'road'] as const;

/** The transforms of `absentWhenEmpty` groups, so tools (the JSON Schemas, the editor) can tell them apart. */
const emptyAsAbsent = new WeakSet<object>();

/**
 * An optional group of fields that may also be written `{}`: the browser editor (Keystatic) writes an optional
 * group the journalist left empty as `{}`, and this reads it as absent, as if the key were not there. A group with
 * some fields filled is checked as usual, so a missing caption is still named.
 */
export function absentWhenEmpty<T extends z.ZodType>(group: T) {
  const empty = z.transform((value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0 ? undefined : value,
  );
  emptyAsAbsent.add(empty);
  return z.pipe(empty, group.optional()).optional();
}

/** Whether a schema is an `absentWhenEmpty` group (the pipe inside its `.optional()`); returns the group. */
export function emptyAsAbsentGroup(schema: z.ZodType): z.ZodType | undefined {
  const def = schema._zod.def as { type: string; in?: z.ZodType; out?: z.ZodType };
  if (def.type !== 'pipe' || !def.in || !emptyAsAbsent.has(def.in)) return undefined;
  const out = def.out!._zod.def as { type: string; innerType?: z.ZodType };
  return out.type === 'optional' ? out.innerType : def.out;
}
