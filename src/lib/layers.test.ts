import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// src/lib is grouped by idea (README, "Where things are"). Two of its folders hold modules the browser loads or may
// load: they must not reach for Node or for the Node-only content model, or a client bundle breaks.
const lib = path.resolve(import.meta.dirname);
const browserSafe = ['shared', 'rules'];
const nodeOnly = /from ['"](node:[^'"]+|astro:content|\.\.\/(content|outputs|map|tooling)\/[^'"]*)['"]/g;

const modules = (folder: string) =>
  fs
    .readdirSync(path.join(lib, folder))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => path.join(folder, file));

describe('modules the browser may load', () => {
  for (const file of browserSafe.flatMap(modules)) {
    it(`${file} imports nothing Node-only`, () => {
      const imports = [...fs.readFileSync(path.join(lib, file), 'utf8').matchAll(nodeOnly)].map((match) => match[1]);
      expect(imports).toEqual([]);
    });
  }
});

describe('src/lib', () => {
  it('imports nothing from components: the arrows run from pages and components down to lib', () => {
    const offenders = (fs.readdirSync(lib, { recursive: true }) as string[])
      .filter((file) => /\.ts$/.test(file) && !file.endsWith('.test.ts'))
      .filter((file) => /from ['"](@\/components|(\.\.\/)+components)\//.test(fs.readFileSync(path.join(lib, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
