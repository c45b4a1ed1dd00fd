import * as fixtures from '@/test-support/fixtures';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { quoteText } from './quote';
import { parseCalendarDate } from './common';
import { contentSchemas as schemas } from './standalone';

/** Every message zod gives, as `field.path: message`, the way a journalist reads them. */
function issues(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const quote = {
  text: 'We are pro-Kazakh.',
  speaker: 'roman-vassilenko',
  role: { title: 'Deputy Foreign Minister', organisation: 'Kazakhstan' },
  kind: 'direct',
  said: { date: '2022-10-25', basis: 'publication' },
  article: 'kazakhstan-balancing-act-eu-russia',
  topics: ['foreign-policy'],
  newsroom: { context: 'Vassilenko on foreign policy.' },
};

const article = {
  title: 'A headline',
  teaser: 'A standfirst.',
  authors: ['teri-schultz'],
  published: new Date('2022-10-25'),
  topics: ['kazakhstan'],
  source: { publisher: 'DW' },
};

const route = {
  name: 'CPC pipeline',
  kind: 'pipeline',
  waypoints: [{ place: 'tengiz' }, { place: 'novorossiysk' }],
  topics: ['caspian-pipeline-consortium'],
  newsroom: { description: 'An oil pipeline.' },
};

describe('every schema field is described', () => {
  /** Walks objects, arrays, unions and wrappers so no nested field escapes. */
  function undescribed(schema: z.ZodType, path: string): string[] {
    const def = (schema as unknown as { def: { type: string } & Record<string, unknown> }).def;
    switch (def.type) {
      case 'object':
        return Object.entries((schema as z.ZodObject).shape).flatMap(([key, field]) => [
          ...((field as z.ZodType).description ? [] : [`${path}.${key}`]),
          ...undescribed(field as z.ZodType, `${path}.${key}`),
        ]);
      case 'array':
        return undescribed(def['element'] as z.ZodType, `${path}[]`);
      case 'union':
        return (def['options'] as z.ZodType[]).flatMap((option) => undescribed(option, path));
      case 'optional':
      case 'default':
      case 'nullable':
        return undescribed(def['innerType'] as z.ZodType, path);
      case 'pipe':
        return [...undescribed(def['in'] as z.ZodType, path), ...undescribed(def['out'] as z.ZodType, path)];
      default:
        return [];
    }
  }

  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name}: every field has a one-line description`, () => {
      expect(undescribed(schema as z.ZodType, name)).toEqual([]);
    });
  }
});

describe('quotes', () => {
  it('accepts a direct quote said on the publication date', () => {
    expect(issues(schemas.quotes, quote)).toEqual([]);
  });

  it('keeps a statement split by "he said" as its segments, joined with a space for display', () => {
    const parsed = schemas.quotes.parse({ ...quote, text: ['We are maintaining these export routes via Russia,', 'we hope.'] });
    expect(quoteText(parsed.text)).toBe('We are maintaining these export routes via Russia, we hope.');
  });

  it('refuses an unknown kind, naming the choices', () => {
    expect(issues(schemas.quotes, { ...quote, kind: 'rumour' })).toEqual([
      'kind: Invalid option: expected one of "direct"|"partial"|"reported"',
    ]);
  });

  it('refuses a field the schema does not know, so a typo is not silently dropped', () => {
    expect(issues(schemas.quotes, { ...quote, speakr: 'x' })).toEqual([': Unrecognized key: "speakr"']);
  });

  it('refuses a context of more than one line', () => {
    expect(issues(schemas.quotes, { ...quote, newsroom: { context: 'one\ntwo' } })).toEqual([
      'newsroom.context: Keep the context to one line.',
    ]);
  });

  it('refuses a date that does not exist', () => {
    expect(issues(schemas.quotes, { ...quote, said: { date: '2022-02-30', basis: 'stated' } })).toEqual([
      'said.date: Expected a real date written as YYYY-MM-DD (for example 2022-10-25), got "2022-02-30".',
    ]);
  });
});

describe('articles', () => {
  it('accepts the minimum a journalist must give, and fills in the defaults', () => {
    const parsed = schemas.articles.parse(article);
    expect(parsed.editors).toEqual([]);
    expect(parsed.language).toBe('en');
    expect(parsed.draft).toBe(false);
    expect(parsed.related).toEqual({ articles: [], automatic: true, exclude: [], links: [] });
  });

  it('needs an author and a topic', () => {
    expect(issues(schemas.articles, { ...article, authors: [], topics: [] })).toEqual([
      'authors: Name at least one author by their people/ id.',
      'topics: Give at least one topic id (a file in topics/).',
    ]);
  });

  it('refuses a link that is not a web address', () => {
    expect(issues(schemas.articles, { ...article, source: { publisher: 'DW', url: 'javascript:alert(1)' } })).toEqual([
      'source.url: Expected a full web address starting with https:// (or http://).',
    ]);
  });

  it('refuses an update dated before publication', () => {
    expect(issues(schemas.articles, { ...article, updated: '2022-10-24' })).toEqual([
      'updated: updated must be on or after published.',
    ]);
  });

  it('accepts a lead image record without the file', () => {
    const leadImage = { alt: 'A terminal', caption: 'A caption.', credit: 'Image: Someone' };
    expect(issues(schemas.articles, { ...article, leadImage })).toEqual([]);
  });
});

describe('people, topics and figures', () => {
  const person = {
    name: 'Temur Umarov',
    roles: [{ title: 'Analyst', organisation: 'Carnegie Endowment for International Peace', place: 'Bishkek' }],
    newsroom: { description: 'An analyst.' },
  };

  it('accepts a person with a role and no dates', () => {
    expect(issues(schemas.people, person)).toEqual([]);
  });

  it('needs at least one role and a well-formed Wikidata id', () => {
    expect(issues(schemas.people, { ...person, roles: [], wikidata: '7747' })).toEqual([
      'roles: Give at least one role, e.g. { title: Analyst, organisation: Carnegie Endowment }.',
      'wikidata: Expected a Wikidata item id such as Q7747 (a Q followed by digits).',
    ]);
  });

  it('needs a topic description on one line', () => {
    expect(issues(schemas.topics, { name: 'CPC', newsroom: { description: 'a\nb' } })).toEqual([
      'newsroom.description: Keep the description to one line.',
    ]);
  });

  it('takes a figure from a person, a named report or a publisher, and nothing else', () => {
    const figure = fixtures.figure({
      value: 40,
      unit: 'companies',
      qualifier: 'nearly',
      measures: 'German companies',
      wording: 'Nearly 40',
      source: { report: 'a government report' },
      article: 'a',
      topics: ['t'],
    });
    expect(issues(schemas.figures, figure)).toEqual([]);
    expect(issues(schemas.figures, { ...figure, source: { person: 'temur-umarov' } })).toEqual([]);
    expect(issues(schemas.figures, { ...figure, source: { rumour: 'x' } })).not.toEqual([]);
  });

  it('shows a figure beside the text unless its file says its sentence says it already (factBox: listed)', () => {
    const figure = fixtures.figure({ source: { publisher: 'DW' }, article: 'a', topics: ['t'] });
    expect((schemas.figures.parse(figure) as { factBox: string }).factBox).toBe('aside');
    expect((schemas.figures.parse({ ...figure, factBox: 'listed' }) as { factBox: string }).factBox).toBe('listed');
    expect(issues(schemas.figures, { ...figure, factBox: 'margin' })).toEqual(['factBox: Invalid option: expected one of "aside"|"listed"']);
  });
});

describe('places and routes', () => {
  const place = { name: 'Novorossiysk', kind: 'port', country: 'Russia', location: { lat: 44.72, lon: 37.77 } };

  it('accepts a place with coordinates in range', () => {
    expect(issues(schemas.places, place)).toEqual([]);
  });

  it('refuses a latitude of 95 and a longitude of 200', () => {
    expect(issues(schemas.places, { ...place, location: { lat: 95, lon: 200 } })).toEqual([
      'location.lat: Latitude must be between -90 and 90 degrees.',
      'location.lon: Longitude must be between -180 and 180 degrees.',
    ]);
  });

  it('accepts a route of two waypoints and refuses one of one', () => {
    expect(issues(schemas.routes, route)).toEqual([]);
    expect(issues(schemas.routes, { ...route, waypoints: [{ place: 'tengiz' }] })).toEqual([
      'waypoints: A route needs at least two waypoints: where it starts and where it ends.',
    ]);
  });

  it('refuses a route kind the map cannot draw', () => {
    expect(issues(schemas.routes, { ...route, kind: 'teleport' })).toEqual([
      'kind: Invalid option: expected one of "pipeline"|"shipping"|"rail"|"road"',
    ]);
  });
});

describe('parseCalendarDate', () => {
  it('reads real dates and refuses impossible or loosely written ones', () => {
    expect(parseCalendarDate('2022-10-25')?.toISOString()).toBe('2022-10-25T00:00:00.000Z');
    expect(parseCalendarDate('2024-02-29')).toBeDefined();
    expect(parseCalendarDate('2022-02-29')).toBeUndefined();
    expect(parseCalendarDate('2022-13-01')).toBeUndefined();
    expect(parseCalendarDate('25 October 2022')).toBeUndefined();
  });
});
