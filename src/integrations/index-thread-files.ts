/**
 * Files as the search index's thread handles them (./search-index-worker.ts, ./search-index-files.ts): listing,
 * replacing and removing them, and a bound on how many are read or linked at once.
 *
 * Loaded by Node itself, not Vite: imports carry their extension.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** The HTML files in a folder and the folders in it, relative to it, with / between folders. */
export async function htmlFiles(folder: string): Promise<string[]> {
  const files = await fs.readdir(folder, { recursive: true }).catch(() => [] as string[]);
  return files.filter((file) => file.endsWith('.html')).map((file) => file.split(path.sep).join('/'));
}

/** Removes a file, then each folder above it (up to `root`) that it left empty. */
export async function removeWithEmptyFolders(file: string, root: string): Promise<void> {
  await fs.rm(file, { force: true });
  for (let folder = path.dirname(file); folder.startsWith(root) && folder !== root; folder = path.dirname(folder)) {
    if ((await fs.readdir(folder).catch(() => ['?'])).length > 0) break;
    await fs.rmdir(folder).catch(() => {});
  }
}

/** Replaces a file whole: a build stopped midway leaves the old one or the new one, never half of either. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(`${file}.${process.pid}.next`, text);
  await fs.rename(`${file}.${process.pid}.next`, file);
}

/** Runs at most `n` of the tasks given it at once. */
export function limit(n: number) {
  let running = 0;
  const queue: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((start) => queue.push(start));
    running++;
    try {
      return await task();
    } finally {
      running--;
      queue.shift()?.();
    }
  };
}
