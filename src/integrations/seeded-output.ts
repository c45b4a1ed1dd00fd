/**
 * Lets scripts/build.mjs start a build's staging folder with the live site's keyed pages and files (issue 14), as hard
 * links to the files of the live dist/: one whose key did not change is left out of its route's getStaticPaths
 * (src/integrations/page-keys.ts), so Astro never renders, writes or lists it, and it is already in place at no cost
 * (Astro's own incremental build copied each from its cache: about half a millisecond a file, 14,000 files at 1,000
 * articles).
 *
 * A hard link is the same file under two names, so a write into it would change the live site too, while the build
 * runs and even if it then fails. So while a seeded build runs, a write into the output folder goes to a new file that
 * then takes the name (`replaceOnWrite`): the staging folder gets a new file and the live one keeps the old. Since the
 * name changes hands in one step, this holds while scripts/build.mjs is still linking: a link made before the write is
 * replaced, and one tried after it finds the name taken and leaves it. Astro writes each page it renders with
 * `fs.promises.writeFile` (astro/dist/core/build/generate.js), and nothing else in the build writes to an existing
 * page; what no page owns (bundles, the search index, the sitemap) is never seeded.
 *
 * Only for builds that scripts/build.mjs seeds (it sets NEWSROOM_SEEDED_OUTPUT=1); other builds are unchanged.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export const seededOutputEnv = 'NEWSROOM_SEEDED_OUTPUT';
/**
 * The live site's folder, in a seeded build: what a page left in place holds, for whoever must read it during the
 * build (the search index), since its link in the staging folder may not be made yet.
 */
export const liveOutputEnv = 'NEWSROOM_LIVE_OUTPUT';

/**
 * Until the returned function is called, `fs.promises.writeFile` and `fs.promises.copyFile` (also as imported from
 * node:fs/promises) write a file under `dir` beside it and rename it into place, so a file hard-linked elsewhere is
 * replaced there, never overwritten. Astro writes pages with the one and copies the images of its image pipeline from
 * its own cache with the other (astro/dist/assets/build/generate.js); a page left in place keeps its images as links.
 */
export function replaceOnWrite(dir: string): () => void {
  const root = path.resolve(dir) + path.sep;
  const inside = (file: unknown) => {
    const target = typeof file === 'string' ? file : file instanceof URL ? fileURLToPath(file) : undefined;
    return target !== undefined && path.resolve(target).startsWith(root) ? target : undefined;
  };
  const { writeFile, copyFile } = fs.promises;
  let written = 0;
  /** Writes `target` through a new file beside it, which then takes its name. */
  const replacing = async (target: string, write: (file: string) => Promise<void>) => {
    const next = `${target}.${process.pid}.${++written}.next`;
    try {
      await write(next);
      await fs.promises.rename(next, target);
    } catch (error) {
      await fs.promises.rm(next, { force: true });
      throw error;
    }
  };
  const guardedWrite = async function replacingWrite(file: Parameters<typeof writeFile>[0], ...rest: unknown[]) {
    const target = inside(file);
    const write = (to: unknown) => (writeFile as (...args: unknown[]) => Promise<void>).call(fs.promises, to, ...rest);
    return target ? replacing(target, write) : write(file);
  } as typeof writeFile;
  const guardedCopy = async function replacingCopy(from: Parameters<typeof copyFile>[0], to: Parameters<typeof copyFile>[1], ...rest: unknown[]) {
    const target = inside(to);
    const copy = (into: unknown) => (copyFile as (...args: unknown[]) => Promise<void>).call(fs.promises, from, into, ...rest);
    return target ? replacing(target, copy) : copy(to);
  } as typeof copyFile;
  fs.promises.writeFile = guardedWrite;
  fs.promises.copyFile = guardedCopy;
  syncBuiltinESMExports();
  return () => {
    if (fs.promises.writeFile === guardedWrite) fs.promises.writeFile = writeFile;
    if (fs.promises.copyFile === guardedCopy) fs.promises.copyFile = copyFile;
    syncBuiltinESMExports();
  };
}

export default function seededOutput(): AstroIntegration {
  let outDir: string | undefined;
  let undo: (() => void) | undefined;
  return {
    name: 'newsroom:seeded-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        if (process.env[seededOutputEnv] === '1' && outDir) undo = replaceOnWrite(outDir);
      },
      'astro:build:done': () => {
        undo?.();
        undo = undefined;
      },
    },
  };
}
