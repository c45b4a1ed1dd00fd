/**
 * Small in-memory sites for unit tests of the queries in src/lib/content/: entries are parsed by the real schemas
 * (with the test `reference()`), so they have the shapes pages see, without reading content/.
 */
import { contentSchemas as schemas } from '@/schemas/standalone';
import { createSite, type Collections, type Site } from '@/lib/content';

type Raw = Record<string, unknown>;
/** Raw entries by id, as a journalist writes them in YAML or frontmatter; an article may carry its MDX `body`. */
export type RawCollections = { [K in keyof Collections]?: Record<string, Raw> };

export function testSite(raw: RawCollections): Site {
  const parse = <K extends keyof Collections>(collection: K) =>
    Object.entries<Raw>(raw[collection] ?? {}).map(([id, { body, ...data }]) => ({
      id,
      collection,
      data: schemas[collection].parse(data),
      ...(typeof body === 'string' ? { body } : {}),
    })) as unknown as Collections[K];
  return createSite({
    articles: parse('articles'),
    people: parse('people'),
    quotes: parse('quotes'),
    figures: parse('figures'),
    topics: parse('topics'),
    places: parse('places'),
    routes: parse('routes'),
  });
}
