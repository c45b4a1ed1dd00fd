/**
 * The journalist scenario's fixture: what a journalist types into the scaffolders to add a second article that
 * quotes Roman Vassilenko and a new person and shares the topic "Middle Corridor" with the seed article.
 *
 * Everything here is invented for the test and says so in its own words; it is written into a scratch copy of
 * content/ in the system's temp folder, built there and served from there. It never lands in content/.
 */
import os from 'node:os';
import path from 'node:path';

/** The scenario's own server, next to the main suite's (E2E_PORT + 10 unless E2E_FIXTURE_PORT says otherwise). */
export const fixturePort = Number(process.env.E2E_FIXTURE_PORT ?? Number(process.env.E2E_PORT ?? 4399) + 10);

/** One scratch folder per port, so helpers running the scenario on other ports do not meet. */
export const fixtureRoot = path.join(os.tmpdir(), `newsroom-journalist-${fixturePort}`);
export const fixtureContent = path.join(fixtureRoot, 'content');
export const fixtureOut = path.join(fixtureRoot, 'dist');

export const seedId = 'kazakhstan-balancing-act-eu-russia';
export const seedTitle = "Kazakhstan's balancing act between the EU and Russia";

/** Flags for `npm run new:person`: the author. */
export const author = {
  id: 'fixture-reporter',
  name: 'Fixture Reporter',
  role: 'Reporter',
  organisation: 'Fixture Desk',
  description: 'A reporter invented for the journalist end-to-end test; not a real person.',
};

/** Flags for `npm run new:person`: the new person the article quotes. */
export const analyst = {
  id: 'dana-fixture',
  name: 'Dana Fixture',
  role: 'Invented analyst',
  organisation: 'Fixture Institute',
  place: 'Baku',
  description: 'An analyst invented for the journalist end-to-end test; not a real person.',
};

/** Flags for `npm run new:article`. Its date differs from the seed's (2022-10-25), so date order can be seen. */
export const article = {
  id: 'fixture-middle-corridor-follow-up',
  title: 'Fixture: the Middle Corridor, a follow-up',
  teaser: 'An article invented for the journalist end-to-end test. It was never published.',
  authors: author.id,
  topics: 'middle-corridor',
  date: '2023-03-14',
  // Written for this site, as a journalist of the newsroom would: its credit says so, with no "republished".
  publisher: 'Newsroom',
  places: 'baku',
};

/**
 * Flags for `npm run new:quote`. Vassilenko never said these words: the text says so itself, so that no one could
 * take it for something he said, and the context repeats it.
 */
export const vassilenkoQuote = {
  id: 'vassilenko-fixture-follow-up',
  speaker: 'roman-vassilenko',
  text: 'These words are a test fixture and were never said by Roman Vassilenko',
  article: article.id,
  topics: 'middle-corridor',
  context: 'Invented for the journalist end-to-end test: Roman Vassilenko never said these words.',
};

/** Flags for `npm run new:quote`: the new person's quote, with a word no other content uses, for search. */
export const analystQuote = {
  id: 'fixture-analyst-ferry-tally',
  speaker: analyst.id,
  text: 'The ferries across the Caspian carry more every month in this invented zanzibarite tally',
  article: article.id,
  topics: 'middle-corridor',
  context: 'Invented for the journalist end-to-end test.',
};

/** The word search should find the new quote by. */
export const searchWord = 'zanzibarite';

/**
 * The article's text, in place of the scaffold's placeholder, as a journalist would write it: the quotes' words as
 * they stand, which `npm run new:quote` then marks.
 */
export const body = `This article was invented for the journalist end-to-end test and was never published.

"${vassilenkoQuote.text}," <Person id="roman-vassilenko">Roman Vassilenko</Person> says in this invented example.

"${analystQuote.text}," says <Person id="${analyst.id}">${analyst.name}</Person>, an invented analyst in Baku.
`;
