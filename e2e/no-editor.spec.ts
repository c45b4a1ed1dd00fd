/**
 * The browser editor is for development only (issue 15): the built site holds no editor route, no editor code and
 * no React. Checked on dist/ as built, file by file, and on the served site.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const dist = path.resolve(import.meta.dirname, '..', 'dist');
const files = (fs.readdirSync(dist, { recursive: true }) as string[]).filter((file) => fs.statSync(path.join(dist, file)).isFile());

test('dist/ has no editor route and no editor or React code', () => {
  expect(files.length).toBeGreaterThan(0);
  expect(files.filter((file) => /keystatic/i.test(file))).toEqual([]);
  const textFiles = files.filter((file) => /\.(?:html|js|mjs|css|json|xml)$/.test(file));
  const withEditor = textFiles.filter((file) => {
    const text = fs.readFileSync(path.join(dist, file), 'utf8');
    return /keystatic|react-dom|__reactContainer|react\.production/i.test(text);
  });
  expect(withEditor).toEqual([]);
});

test('the editor\'s addresses are not on the built site', async ({ request }) => {
  for (const address of ['/keystatic/', '/api/keystatic/tree/']) {
    expect((await request.get(address)).status(), address).toBe(404);
  }
});
