/**
 * The index files a build from the live site keeps from it (issue 14). Pagefind names each fragment, index chunk,
 * filter and meta file after a hash of what it holds, and does not write such a file again when one of that name is
 * in the output folder already (its `WriteBehavior::Immutable`). Writing the index is half compressing those files: at
 * 1,000 articles Pagefind's write took 3.3 s from scratch and 1.6 s with every file there. So a publish links the live
 * index's hashed files into its output folder before Pagefind writes, and Pagefind compresses only those that changed:
 * the new article's fragment, the meta file and the chunks (most of them: a new article's words shift the chunks'
 * boundaries), but none of the unchanged pages' fragments. Afterwards the linked files the new index
 * does not name (an edited page's old fragment, the chunks and meta file it replaced) are removed, so the folder is the
 * one a cold build writes, file for file.
 *
 * The index names its files in its meta file (`pagefind.<hash>.pf_meta`: gzip, a `pagefind_dcd` mark, then CBOR),
 * which pagefind-entry.json names by language. Only those are read here, and only their strings: a file kept is one
 * whose name's hash stands in them.
 *
 * Loaded by Node itself, not Vite (./search-index-worker.ts imports it): imports carry their extension.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { limit } from './index-thread-files.ts';

/** The folders of hashed files, and each one's file extension. */
const hashedFolders = { fragment: '.pf_fragment', index: '.pf_index', filter: '.pf_filter' } as const;
const metaFile = /^pagefind\.(.+)\.pf_meta$/;
/** What Pagefind puts before the CBOR of each file it compresses. */
const mark = 'pagefind_dcd';

/**
 * Links the live index's hashed files (fragments, chunks, filters, meta files) into `bundle`, the index folder being
 * built. Only those: Pagefind writes its other files (pagefind.js, the entry, the WebAssembly) in place every time,
 * which through a link would change the live site's file. Never fails: a file not linked is one Pagefind writes.
 * Returns the files linked, relative to `bundle`.
 */
export async function linkLiveIndexFiles(liveBundle: string, bundle: string): Promise<string[]> {
  const names = [
    ...(await fs.readdir(liveBundle).catch(() => [] as string[])).filter((name) => metaFile.test(name)),
    ...(
      await Promise.all(
        Object.entries(hashedFolders).map(async ([folder, extension]) =>
          (await fs.readdir(path.join(liveBundle, folder)).catch(() => [] as string[])).filter((name) => name.endsWith(extension)).map((name) => `${folder}/${name}`),
        ),
      )
    ).flat(),
  ];
  // Only the folders files are linked into: a cold build has no empty one.
  for (const folder of new Set(names.map((name) => path.dirname(name)))) await fs.mkdir(path.join(bundle, folder), { recursive: true });
  const linked: string[] = [];
  // A few hundred at a time: thousands of links at once only queue in libuv's pool.
  const links = limit(256);
  await Promise.all(
    names.map((name) =>
      links(() => fs.link(path.join(liveBundle, name), path.join(bundle, name))).then(
        () => linked.push(name),
        () => {},
      ),
    ),
  );
  return linked;
}

/**
 * Removes the linked files (`linkLiveIndexFiles`) that the index now in `bundle` does not name, and returns how many
 * it kept. Throws when the index cannot be read; the caller then writes it afresh.
 */
export async function dropUnnamedIndexFiles(bundle: string, linked: readonly string[]): Promise<number> {
  const named = await namedIndexFiles(bundle);
  const unnamed = linked.filter((name) => !named.has(name));
  await Promise.all(unnamed.map((name) => fs.rm(path.join(bundle, name))));
  // A folder left empty (every filter dropped, none new) goes too.
  for (const folder of Object.keys(hashedFolders)) await fs.rmdir(path.join(bundle, folder)).catch(() => {});
  return linked.length - unnamed.length;
}

/** Every hashed file the index in `bundle` names, relative to it (a name may stand for a file that is not there). */
async function namedIndexFiles(bundle: string): Promise<Set<string>> {
  const entry = JSON.parse(await fs.readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { hash?: unknown }> };
  const hashes = Object.values(entry.languages ?? {}).map((language) => language.hash);
  if (!hashes.length || hashes.some((hash) => typeof hash !== 'string')) throw new Error('pagefind-entry.json names no index');
  const named = new Set<string>();
  for (const hash of hashes as string[]) {
    named.add(`pagefind.${hash}.pf_meta`);
    const meta = gunzipSync(await fs.readFile(path.join(bundle, `pagefind.${hash}.pf_meta`)));
    if (meta.subarray(0, mark.length).toString('latin1') !== mark) throw new Error(`pagefind.${hash}.pf_meta does not start as Pagefind's files do`);
    for (const text of cborStrings(meta.subarray(mark.length))) {
      for (const [folder, extension] of Object.entries(hashedFolders)) named.add(`${folder}/${text}${extension}`);
    }
  }
  return named;
}

/** Every text string in CBOR data (RFC 8949), in any array, map or tag. Throws on data that is not CBOR. */
export function cborStrings(bytes: Uint8Array): Set<string> {
  const strings = new Set<string>();
  const text = new TextDecoder('utf-8', { fatal: true });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const take = (size: number) => {
    if (at + size > bytes.length) throw new Error('CBOR data ends early');
    at += size;
    return at - size;
  };
  /** The argument of an item's head: a length, count or value; -1 for an indefinite length. */
  const argument = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return view.getUint8(take(1));
    if (info === 25) return view.getUint16(take(2));
    if (info === 26) return view.getUint32(take(4));
    if (info === 27) return Number(view.getBigUint64(take(8)));
    if (info === 31) return -1;
    throw new Error(`CBOR head ${info} is reserved`);
  };
  /** Reads one item; false for the "break" that ends an indefinite length. */
  const item = (): boolean => {
    const head = view.getUint8(take(1));
    if (head === 0xff) return false;
    const major = head >> 5;
    const count = argument(head & 31);
    if (count === -1 && major !== 7) {
      if (major < 2 || major === 6) throw new Error('CBOR integer or tag of indefinite length');
      while (item());
      return true;
    }
    if (major === 2) {
      take(count);
    } else if (major === 3) {
      strings.add(text.decode(bytes.subarray(take(count), at)));
    } else if (major === 4 || major === 5) {
      for (let i = 0; i < count * (major === 5 ? 2 : 1); i++) {
        if (!item()) throw new Error('CBOR break inside a definite length');
      }
    } else if (major === 6 && !item()) {
      throw new Error('CBOR tag without an item');
    }
    return true;
  };
  while (at < bytes.length) if (!item()) throw new Error('CBOR break outside an indefinite length');
  return strings;
}
