import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import type { Loader, LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { unchangedFilesKept } from './unchanged-files';

type Entry = { id: string; data: Record<string, unknown>; filePath?: string; digest?: string; deferredRender?: boolean; assetImports?: string[] };

/** A project with a people/ folder, a store as Astro's scoped store behaves, and a stand-in for the glob loader. */
function project(files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-unchanged-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, 'content', file)), { recursive: true });
    fs.writeFileSync(path.join(root, 'content', file), text);
  }
  const entries = new Map<string, Entry>();
  const calls = { globbed: [] as string[][], moduleImports: [] as string[], assetImports: [] as string[] };
  const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
  const store = {
    get: (id: string) => entries.get(id),
    entries: () => [...entries],
    values: () => [...entries.values()],
    keys: () => [...entries.keys()],
    set: (entry: Entry) => (entries.set(entry.id, entry), true),
    delete: (id: string) => void entries.delete(id),
    clear: () => entries.clear(),
    has: (id: string) => entries.has(id),
    addModuleImport: (file: string) => void calls.moduleImports.push(file),
    addAssetImports: (assets: string[]) => void calls.assetImports.push(...assets),
  };
  // What Astro's glob loader does with the files its pattern names: reads each, deletes the entries it did not see.
  const glob = ({ base, pattern }: { base: string; pattern: string | string[] }): Loader => ({
    name: 'glob-loader',
    load: async (context) => {
      const patterns = [pattern].flat();
      calls.globbed.push(patterns);
      const untouched = new Set(context.store.keys());
      for (const file of fs.globSync(patterns, { cwd: base }).sort()) {
        const id = file.replace(/\.yaml$/, '');
        untouched.delete(id);
        const text = fs.readFileSync(path.join(base, file), 'utf8');
        const known = context.store.get(id);
        if (known?.digest === context.generateDigest(text)) continue;
        context.store.set({ id, data: { text }, filePath: path.relative(root, path.join(base, file)), digest: context.generateDigest(text) });
      }
      for (const id of untouched) context.store.delete(id);
    },
  });
  const context = (watching = false) =>
    ({
      collection: 'people',
      store,
      config: { root: pathToFileURL(`${root}/`) },
      generateDigest: digest,
      ...(watching ? { watcher: {} } : {}),
    }) as unknown as LoaderContext;
  const loader = unchangedFilesKept(glob, { base: path.join(root, 'content', 'people'), pattern: '**/*.yaml' });
  return { root, entries, calls, context, loader, write: (file: string, text: string) => fs.writeFileSync(path.join(root, 'content', file), text) };
}

describe('unchangedFilesKept', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  });
  const start = (files: Record<string, string>) => {
    const made = project(files);
    roots.push(made.root);
    return made;
  };

  it('runs the glob loader on every file when the store is empty, and when the dev server watches', async () => {
    const site = start({ 'people/a.yaml': 'name: A', 'people/b.yaml': 'name: B' });
    await site.loader.load(site.context());
    expect(site.calls.globbed).toEqual([['**/*.yaml']]);
    expect([...site.entries.keys()].sort()).toEqual(['a', 'b']);
    await site.loader.load(site.context(true));
    expect(site.calls.globbed).toEqual([['**/*.yaml'], ['**/*.yaml']]);
  });

  it('gives the glob loader only the new and changed files, keeps the rest and deletes the entries of files gone', async () => {
    const site = start({ 'people/a.yaml': 'name: A', 'people/b.yaml': 'name: B', 'people/c.yaml': 'name: C', 'people/sub/d [1].yaml': 'name: D' });
    await site.loader.load(site.context());
    const before = new Map(site.entries);
    site.write('people/b.yaml', 'name: B, edited');
    site.write('people/e.yaml', 'name: E');
    fs.rmSync(path.join(site.root, 'content', 'people', 'c.yaml'));

    await site.loader.load(site.context());
    expect(site.calls.globbed.at(-1)!.sort()).toEqual(['b.yaml', 'e.yaml']);
    expect([...site.entries.keys()].sort()).toEqual(['a', 'b', 'e', 'sub/d [1]']);
    expect(site.entries.get('a')).toBe(before.get('a'));
    expect(site.entries.get('sub/d [1]')).toBe(before.get('sub/d [1]'));
    expect(site.entries.get('b')!.data).toEqual({ text: 'name: B, edited' });
  });

  it('tells the store again of an unchanged entry’s module and assets, as the glob loader does', async () => {
    const site = start({ 'people/a.yaml': 'name: A' });
    await site.loader.load(site.context());
    const entry = site.entries.get('a')!;
    site.entries.set('a', { ...entry, deferredRender: true, assetImports: ['./a.png'] });
    await site.loader.load(site.context());
    expect(site.calls.globbed).toHaveLength(1);
    expect(site.calls.moduleImports).toEqual([entry.filePath]);
    expect(site.calls.assetImports).toEqual(['./a.png']);
  });

  it('keeps an entry the glob loader reads but finds unchanged (a file renamed in case only)', async () => {
    const site = start({ 'people/a.yaml': 'name: A' });
    await site.loader.load(site.context());
    // The store still names the old file: this one is new to the loader, the glob loader sees the same digest.
    site.entries.set('a', { ...site.entries.get('a')!, filePath: 'content/people/A.yaml' });
    await site.loader.load(site.context());
    expect(site.calls.globbed.at(-1)).toEqual(['a.yaml']);
    expect(site.entries.has('a')).toBe(true);
  });
});
