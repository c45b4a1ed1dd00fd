/**
 * Compares two built sites file by file: what an incremental build wrote against a cold build of the same content
 * (issue 14). Used by scripts/incremental.test.ts on a small fixture and by `npm run bench` (`publish_identical`).
 *
 * Files must be byte for byte the same, apart from the build-time fields listed in `buildTimeFields`: values that
 * two cold builds of the same content also write differently, so they say nothing about the incremental build.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Build-time fields: which files may differ, and how each difference is masked before comparing. Empty while two
 * cold builds of the same content write the same bytes; an entry here must say why it differs between cold builds.
 * @type {{ file: RegExp, mask: RegExp, why: string }[]}
 */
export const buildTimeFields = [];

/** Every file under `dir`, as paths relative to it, sorted. */
export function filesUnder(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * @param {string} a one built site's folder
 * @param {string} b the other's
 * @returns {{ files: number, onlyInA: string[], onlyInB: string[], differing: string[] }}
 */
export function compareTrees(a, b) {
  const inA = filesUnder(a);
  const inB = new Set(filesUnder(b));
  const setA = new Set(inA);
  const differing = [];
  for (const file of inA) {
    if (!inB.has(file)) continue;
    const left = fs.readFileSync(path.join(a, file));
    const right = fs.readFileSync(path.join(b, file));
    if (left.equals(right)) continue;
    const fields = buildTimeFields.filter((field) => field.file.test(file));
    const masked = (buffer) => fields.reduce((text, field) => text.replace(field.mask, '<build-time>'), buffer.toString('utf8'));
    if (!fields.length || masked(left) !== masked(right)) differing.push(file);
  }
  return {
    files: inA.length,
    onlyInA: inA.filter((file) => !inB.has(file)),
    onlyInB: [...inB].filter((file) => !setA.has(file)),
    differing,
  };
}

/** True when compareTrees found the two sites the same. */
export const identical = (result) => !result.onlyInA.length && !result.onlyInB.length && !result.differing.length;
