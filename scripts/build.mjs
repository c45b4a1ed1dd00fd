#!/usr/bin/env node
// Builds into a staging folder and swaps it in only when the whole build (content checks, pages, search index)
// succeeded, so a failed build leaves the previous site exactly as it was. OUT_DIR picks another output folder
// (tests and the benchmark build elsewhere); CONTENT_DIR picks other content.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const out = path.resolve(process.env.OUT_DIR ?? 'dist');
const staging = `${out}.staging`;
const previous = `${out}.previous`;
// Messages name the output folder relative to the project when it is inside it, else in full (not ../../../tmp/x).
const relative = path.relative(root, out);
const where = relative.startsWith('..') || path.isAbsolute(relative) ? out : relative || out;

fs.rmSync(staging, { recursive: true, force: true });
const astro = path.join(root, 'node_modules', '.bin', 'astro');
// Builds stay offline: no telemetry call to another host.
const env = { ASTRO_TELEMETRY_DISABLED: '1', ...process.env };
const result = spawnSync(astro, ['build', '--outDir', staging, ...process.argv.slice(2)], { stdio: 'inherit', env });

if (result.status !== 0) {
  fs.rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild failed: ${fs.existsSync(out) ? `the previous ${where}/ is unchanged` : `no ${where}/ was written`}.`);
  process.exit(result.status ?? 1);
}

fs.rmSync(previous, { recursive: true, force: true });
if (fs.existsSync(out)) fs.renameSync(out, previous);
fs.renameSync(staging, out);
fs.rmSync(previous, { recursive: true, force: true });
console.log(`Build complete: ${where}/ updated.`);
