import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mdxComponents } from '../lib/content/registry';
import { problemsIn } from './problems';

// The editor's panel of problems (src/editor/admin.astro) shows what this returns after each save.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-editor-problems-'));
fs.cpSync(path.resolve(import.meta.dirname, '../../content'), scratch, { recursive: true });
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("the editor's content check", () => {
  it('finds nothing in the seed', async () => {
    expect((await problemsIn(scratch)).problems).toEqual([]);
  });

  it('names the file, relative to the content folder, its line and the field of a problem in a saved file', async () => {
    // An article saved with a component the site does not have: the check names the body and the line.
    const articles = path.join(scratch, 'articles');
    const [first] = fs.readdirSync(articles).sort();
    const lines = fs.readFileSync(path.join(articles, first!), 'utf8').split('\n');
    const at = lines.length - 1;
    lines.splice(at, 0, '', '<Chart id="exports" />', '');
    fs.writeFileSync(path.join(articles, first!), lines.join('\n'));
    const { problems } = await problemsIn(scratch);
    expect(problems).toEqual([
      {
        file: path.join('articles', first!),
        line: at + 2,
        field: 'body',
        message: expect.stringContaining(`unknown component <Chart>. Authors can use <${Object.keys(mdxComponents)[0]}>`),
      },
    ]);
  });
});
