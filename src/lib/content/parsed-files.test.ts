import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { parseContentFiles, readCollectionFiles } from './files';
import { parseContentFilesKept } from './parsed-files';

const root = path.resolve(import.meta.dirname, '../../..');
const scratches: string[] = [];
afterEach(() => {
  for (const dir of scratches.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The quote files of content/, and a scratch folder for the kept parses. */
function setUp() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-parsed-'));
  scratches.push(dir);
  const files = readCollectionFiles(path.join(root, 'content'), 'quotes');
  expect(files.length).toBeGreaterThan(2);
  return { files, kept: path.join(dir, 'parsed-quotes.v8') };
}

describe('the quote files’ parses kept between builds', () => {
  it('gives what parsing every file gives, from the kept parses of unchanged files and a fresh one of a changed file', () => {
    const { files, kept } = setUp();
    expect(parseContentFilesKept(files, kept, 'code-1')).toEqual(parseContentFiles(files));
    expect(fs.existsSync(kept)).toBe(true);
    // One file changed: its new date is what the entry has, though the others come from the kept parses.
    const changed = files.map((file, i) => (i === 0 ? { ...file, raw: file.raw.replace(/date: \d{4}-\d{2}-\d{2}/, 'date: 2022-09-02') } : file));
    expect(changed[0]!.raw).not.toBe(files[0]!.raw);
    const again = parseContentFilesKept(changed, kept, 'code-1');
    expect(again).toEqual(parseContentFiles(changed));
    expect((again.entries[0]!.data['said'] as { date: Date }).date).toEqual(new Date('2022-09-02'));
  });

  it('reports a file’s problems every time, and keeps no parse of it', () => {
    const { files, kept } = setUp();
    const broken = files.map((file, i) => (i === 1 ? { ...file, raw: `${file.raw}\nno_such_field: 1\n` } : file));
    const first = parseContentFilesKept(broken, kept, 'code-1');
    expect(first.problems.map((problem) => problem.field)).toEqual(['no_such_field']);
    expect(parseContentFilesKept(broken, kept, 'code-1')).toEqual(first);
    expect(first).toEqual(parseContentFiles(broken));
  });

  it('uses no kept parse made by other code, and parses anew when the kept file is not one', () => {
    const { files, kept } = setUp();
    parseContentFilesKept(files, kept, 'code-1');
    // Kept parses with other data than the files': the same code takes them as they are, other code does not.
    const record = v8.deserialize(fs.readFileSync(kept)) as { code: string; data: Map<string, object> };
    for (const digest of record.data.keys()) record.data.set(digest, { kept: digest });
    fs.writeFileSync(kept, v8.serialize(record));
    expect(parseContentFilesKept(files, kept, 'code-1').entries.map((entry) => Object.keys(entry.data))).toEqual(files.map(() => ['kept']));
    fs.writeFileSync(kept, v8.serialize(record));
    expect(parseContentFilesKept(files, kept, 'code-2')).toEqual(parseContentFiles(files));
    fs.writeFileSync(kept, 'not kept parses');
    expect(parseContentFilesKept(files, kept, 'code-2')).toEqual(parseContentFiles(files));
    // Without a code (astro dev, a build not started by scripts/build.mjs), nothing is kept.
    const none = path.join(path.dirname(kept), 'none.v8');
    expect(parseContentFilesKept(files, none, undefined)).toEqual(parseContentFiles(files));
    expect(fs.existsSync(none)).toBe(false);
  });
});
