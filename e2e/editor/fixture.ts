/**
 * The editor scenario's fixture (issue 15): a scratch copy of content/ that `astro dev` serves with the browser
 * editor, and what the journalist types into it. Everything typed is invented for the test and says so; it lands in
 * the scratch copy in the system's temp folder, never in content/.
 */
import os from 'node:os';
import path from 'node:path';

/** The editor's dev server: E2E_EDITOR_PORT, or the port after E2E_PORT (the main suite's preview). */
export const editorPort = Number(process.env.E2E_EDITOR_PORT ?? Number(process.env.E2E_PORT ?? 4399) + 1);

export const editorRoot = process.env.EDITOR_ROOT ?? path.join(os.tmpdir(), `newsroom-editor-${editorPort}`);
export const editorContent = path.join(editorRoot, 'content');

export const seedId = 'kazakhstan-balancing-act-eu-russia';

/** The new person, created in the editor. */
export const person = {
  id: 'dana-editorial',
  name: 'Dana Editorial',
  role: 'Invented analyst',
  organisation: 'Editor Test Institute',
  description: 'An analyst invented for the browser editor test; not a real person.',
};

/** The new article, related to the seed, with two paragraphs. */
export const article = {
  id: 'editor-test-the-middle-corridor-seen-from-baku',
  title: 'Editor test: the Middle Corridor seen from Baku',
  teaser: 'An article written in the browser editor for its end-to-end test; everything in it is invented.',
  published: '2023-11-02',
  publisher: 'Newsroom',
  topic: 'middle-corridor',
  /** The first paragraph names Tokayev, marked as the person. */
  first: { before: 'Cargo on the Caspian crossing is said to be growing, a year after President ', name: 'Tokayev', after: ' looked for routes that avoid Russia.' },
  /** The second paragraph ends with the quote, in the quotation marks the prose prints around it. */
  second: { before: 'Not everyone is convinced, says Dana Editorial, an invented analyst: "', after: '."' },
};

/** The new person's quote: its words, typed in the article's second paragraph, then marked from the toolbar. */
export const quote = {
  text: 'The corridor is growing, but slowly',
  kind: 'direct',
  context: 'Dana Editorial on the Middle Corridor, in the browser editor test.',
};
