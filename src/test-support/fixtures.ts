/**
 * Raw entries for unit tests, one builder per collection, written as a journalist writes the files (ids as strings,
 * dates as YYYY-MM-DD). Each fills in what a test does not care about with a valid default and takes the fields the
 * test is about as overrides; hand them to `testSite` (src/test-support/site.ts) or to a schema's `parse`.
 */
type Raw = Record<string, unknown>;

/** A role as people and quotes write it. */
export const role = (title: string, organisation: string) => ({ title, organisation });

/** A person with one role and a description; override `roles`, `sortName`, `wikidata`… */
export const person = (name: string, fields: Raw = {}): Raw => ({
  name,
  roles: [role('Analyst', 'Test')],
  newsroom: { description: `${name}, for the test.` },
  ...fields,
});

/** A topic with a description. */
export const topic = (name: string, fields: Raw = {}): Raw => ({ name, newsroom: { description: `${name}, for the test.` }, ...fields });

/** An article: give at least `authors` and `topics`; an MDX `body` may come along. */
export const article = (fields: { authors: string[]; topics: string[] } & Raw): Raw => ({
  title: 'A headline',
  teaser: 'A standfirst.',
  published: '2022-10-25',
  source: { publisher: 'DW' },
  ...fields,
});

/** A direct quote said on the publication date: give who said it, in which role, where and under which topics. */
export const quote = (fields: { speaker: string; role: { title: string; organisation: string }; article: string; topics: string[] } & Raw): Raw => ({
  text: `Words of ${fields.speaker}.`,
  kind: 'direct',
  said: { date: '2022-10-25', basis: 'publication' },
  newsroom: { context: 'For the test.' },
  ...fields,
});

/** A figure as of the publication date: give its source, article and topics. */
export const figure = (fields: { source: Raw; article: string; topics: string[] } & Raw): Raw => ({
  value: 5,
  unit: 'stoppages',
  measures: 'Pipeline stoppages',
  wording: 'five times',
  asOf: { date: '2022-10-25', basis: 'publication' },
  ...fields,
});

/** A place; override `kind`, `country`, `location`. */
export const place = (name: string, fields: Raw = {}): Raw => ({
  name,
  kind: 'city',
  country: 'Testland',
  location: { lat: 0, lon: 0 },
  ...fields,
});

/** A pipeline between places: give its waypoints and topics. */
export const route = (name: string, fields: { waypoints: { place: string }[]; topics: string[] } & Raw): Raw => ({
  name,
  kind: 'pipeline',
  newsroom: { description: `${name}, for the test.` },
  ...fields,
});
