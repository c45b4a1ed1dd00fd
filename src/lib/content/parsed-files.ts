/**
 * The build's parse of content files it reads itself (the quotes' files in quotes/, which Astro does not load:
 * ./load.ts), kept between builds. Parsing a YAML file with its line numbers is the costly part of making the Site:
 * at 1,000 articles, 7,500 quote files took about 0.3 s of every publish, though a publish changes one or two.
 *
 * A file's parse is a pure function of its collection, its text and the code that parses it, so it is kept by a
 * digest of the first two, in a file whose record names the third (scripts/build.mjs's digest of the site's code):
 * other code, and the kept parses are not used. Only files that parse without a problem are kept; a file with one is
 * parsed again each time, so its problems are reported as `parseContentFiles` reports them.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { CheckedEntry, Problem } from './checks';
import { parseContentFiles, type ContentFile } from './files';

interface Kept {
  code: string;
  /** By digest of collection and text: the parsed data. */
  data: Map<string, Record<string, unknown>>;
}

/**
 * `parseContentFiles`, with the parses of files unchanged since the last call with the same `code` taken from
 * `keptFile` (which this then replaces with the parses of these files). Without a `code`, parses every file.
 */
export function parseContentFilesKept(files: readonly ContentFile[], keptFile: string, code: string | undefined): { entries: CheckedEntry[]; problems: Problem[] } {
  if (!code) return parseContentFiles(files);
  const kept = read(keptFile, code);
  const digests = files.map((file) => createHash('sha256').update(file.collection).update('\0').update(file.raw).digest('base64'));
  const fresh = parseContentFiles(files.filter((_, i) => !kept.has(digests[i]!)));
  const parsed = new Map(fresh.entries.map((entry) => [entry.file, entry]));
  const next = new Map<string, Record<string, unknown>>();
  const entries = files.map((file, i) => {
    const data = kept.get(digests[i]!);
    const entry = data ? { ...file, data } : parsed.get(file.file)!;
    if (!entry.invalid) next.set(digests[i]!, entry.data);
    return entry;
  });
  if (next.size !== kept.size || [...next.keys()].some((digest) => !kept.has(digest))) write(keptFile, { code, data: next });
  return { entries, problems: fresh.problems };
}

function read(file: string, code: string): Map<string, Record<string, unknown>> {
  try {
    const kept = v8.deserialize(fs.readFileSync(file)) as Kept;
    return kept.code === code && kept.data instanceof Map ? kept.data : new Map();
  } catch {
    return new Map();
  }
}

/** Replaces the file whole (another build reading it meanwhile gets the old one or the new one). */
function write(file: string, kept: Kept): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.${process.pid}.next`, v8.serialize(kept));
    fs.renameSync(`${file}.${process.pid}.next`, file);
  } catch {
    // Only a speed-up: the next build parses again.
  }
}
