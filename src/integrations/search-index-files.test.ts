import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cborStrings, dropUnnamedIndexFiles, linkLiveIndexFiles } from './search-index-files';

/** CBOR (RFC 8949) of a few shapes, written out by hand. */
const text = (value: string) => {
  const bytes = Buffer.from(value, 'utf8');
  return Buffer.concat([bytes.length < 24 ? Buffer.from([0x60 + bytes.length]) : Buffer.from([0x78, bytes.length]), bytes]);
};
const array = (...items: Buffer[]) => Buffer.concat([Buffer.from([0x80 + items.length]), ...items]);
const uint16 = (value: number) => Buffer.from([0x19, value >> 8, value & 0xff]);

describe('cborStrings', () => {
  it('finds the text strings in arrays, maps, tags and indefinite lengths, and nothing else', () => {
    const data = Buffer.concat([
      array(text('1.6.0'), array(array(text('en_8fe8b39'), uint16(881), text(''))), uint16(1014)),
      // A map { "k": h'6162' } (the bytes spell "ab", which is not a text string), a tag, a float, true, null.
      Buffer.from([0xa1]),
      text('k'),
      Buffer.from([0x42, 0x61, 0x62, 0xc1, 0x1a, 0, 0, 0, 1, 0xfa, 0x3f, 0x80, 0, 0, 0xf5, 0xf6]),
      // An indefinite array holding a string, then the break.
      Buffer.from([0x9f]),
      text('en_a555a0c'),
      Buffer.from([0xff]),
    ]);
    expect([...cborStrings(data)]).toEqual(['1.6.0', 'en_8fe8b39', '', 'k', 'en_a555a0c']);
  });

  it('refuses data that is not whole CBOR', () => {
    expect(() => cborStrings(text('en_8fe8b39').subarray(0, 5))).toThrow(/ends early/);
    expect(() => cborStrings(Buffer.from([0x82, 0x01, 0xff]))).toThrow(/break inside a definite length/);
    expect(() => cborStrings(Buffer.from([0xff]))).toThrow(/break outside/);
    expect(() => cborStrings(Buffer.from([0x1c]))).toThrow(/reserved/);
  });
});

describe('the live index’s files in a publish', () => {
  /** An index folder as Pagefind writes one: the entry, a meta file naming fragments, chunks and filters, and those. */
  async function writeIndex(folder: string, meta: string, named: string[], files: string[]) {
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: { en: { hash: meta, wasm: 'en', page_count: 1 } } }));
    await fs.writeFile(path.join(folder, `pagefind.${meta}.pf_meta`), gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), array(text('1.6.0'), array(...named.map((name) => text(name))))])));
    for (const file of files) {
      await fs.mkdir(path.dirname(path.join(folder, file)), { recursive: true });
      await fs.writeFile(path.join(folder, file), file);
    }
  }

  it('links the hashed files only, and drops those the new index does not name', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-index-files-'));
    try {
      const [live, next] = [path.join(root, 'live'), path.join(root, 'next')];
      await writeIndex(live, 'en_old', ['en_a', 'en_b'], ['fragment/en_a.pf_fragment', 'fragment/en_b.pf_fragment', 'index/en_c.pf_index', 'filter/en_d.pf_filter', 'pagefind.js']);
      const linked = await linkLiveIndexFiles(live, next);
      // Not pagefind.js or the entry, which Pagefind writes in place every time.
      expect(linked.sort()).toEqual(['filter/en_d.pf_filter', 'fragment/en_a.pf_fragment', 'fragment/en_b.pf_fragment', 'index/en_c.pf_index', 'pagefind.en_old.pf_meta']);
      // The new index names one old fragment, a new one and the old chunk; the filter is gone.
      await writeIndex(next, 'en_new', ['en_a', 'en_e', 'en_c'], ['fragment/en_e.pf_fragment']);
      expect(await dropUnnamedIndexFiles(next, linked)).toBe(2);
      const left = (await fs.readdir(next, { recursive: true })).filter((name) => /\.pf_/.test(name)).sort();
      expect(left).toEqual(['fragment/en_a.pf_fragment', 'fragment/en_e.pf_fragment', 'index/en_c.pf_index', 'pagefind.en_new.pf_meta']);
      // No folder left empty, which a cold build would not have.
      await expect(fs.readdir(path.join(next, 'filter'))).rejects.toThrow(/ENOENT/);
      // The live index is as it was.
      expect((await fs.readdir(live, { recursive: true })).filter((name) => /\.pf_/.test(name)).length).toBe(5);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });

  it('drops nothing when the new index cannot be read', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-index-files-'));
    try {
      await writeIndex(root, 'en_new', ['en_a'], ['fragment/en_b.pf_fragment']);
      await fs.writeFile(path.join(root, 'pagefind.en_new.pf_meta'), gzipSync('not an index'));
      await expect(dropUnnamedIndexFiles(root, ['fragment/en_b.pf_fragment'])).rejects.toThrow(/does not start as Pagefind/);
      await expect(fs.stat(path.join(root, 'fragment/en_b.pf_fragment'))).resolves.toBeTruthy();
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});
