import * as fixtures from '@/test-support/fixtures';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { contentSchemas as schemas } from './standalone';

/** Every message zod gives, as `field.path: message`. */
function issues(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const article = fixtures.article({ authors: ['teri-schultz'], topics: ['kazakhstan'] });
const figure = fixtures.figure({ source: { publisher: 'DW' }, article: 'a', topics: ['kazakhstan'] });
const place = fixtures.place('Aktau');
const person = fixtures.person('Jo Reporter');

// The browser editor writes an optional group the journalist left empty as {} and an empty list as [] (issue 15).
describe('what the editor writes for an empty field is read as absent', () => {
  it('an empty lead image, figure note, place description or role dates is no group at all', () => {
    expect(schemas.articles.parse({ ...article, leadImage: {} }).leadImage).toBeUndefined();
    expect(schemas.figures.parse({ ...figure, newsroom: {} }).newsroom).toBeUndefined();
    expect(schemas.places.parse({ ...place, newsroom: {} }).newsroom).toBeUndefined();
    const roles = [{ title: 'Reporter', organisation: 'DW', newsroom: {} }];
    expect(schemas.people.parse({ ...person, roles }).roles[0]!.newsroom).toBeUndefined();
  });

  it('parses the same as leaving the key out', () => {
    expect(schemas.articles.parse({ ...article, leadImage: {} })).toEqual(schemas.articles.parse(article));
  });

  it('empty lists and the written-out defaults parse as the defaults', () => {
    const written = {
      ...article,
      editors: [],
      people: [],
      places: [],
      related: { articles: [], automatic: true, exclude: [], links: [] },
      corrections: [],
      language: 'en',
      draft: false,
    };
    expect(schemas.articles.parse(written)).toEqual(schemas.articles.parse(article));
  });

  it('a group filled in part still names the missing field', () => {
    expect(issues(schemas.articles, { ...article, leadImage: { alt: 'A terminal' } })).toEqual([
      'leadImage.caption: Invalid input: expected string, received undefined',
      'leadImage.credit: Invalid input: expected string, received undefined',
    ]);
  });

  it('an empty group that is required is still refused', () => {
    expect(issues(schemas.people, { ...person, newsroom: {} })).toEqual([
      'newsroom.description: Invalid input: expected string, received undefined',
    ]);
  });

  it('a list that needs an entry is still refused empty', () => {
    expect(issues(schemas.articles, { ...article, authors: [] })).toEqual(['authors: Name at least one author by their people/ id.']);
  });
});
