#!/usr/bin/env node
// Builds into a staging folder and swaps it in only when the whole build (content checks, pages, search index)
// succeeded, so a failed build leaves the previous site exactly as it was. OUT_DIR picks another output folder
// (tests and the benchmark build elsewhere); CONTENT_DIR picks other content.
//
// Builds are incremental (astro.config.mjs, issue 14): pages whose key did not change are not rendered again. The
// staging folder starts with the live site's keyed pages as hard links (`seed` below), so such a page is already in
// place and costs nothing; a page the live site lacks is copied from Astro's cache (scripts/content-cache.mjs).
// src/integrations/seeded-output.ts makes every write into the staging folder replace a file, never change it, so the
// live site stays whole. `--force` renders every page.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { contentCacheDir } from './content-cache.mjs';

const root = process.cwd();
const out = path.resolve(process.env.OUT_DIR ?? 'dist');
// Astro writes its prerender chunks into <outDir>/.prerender when the output folder is inside the project, but into
// the project's own .astro/.prerender when it is not, and deletes them when done: two builds of outside folders at
// once (the benchmark beside the tests) then delete each other's chunks. So a build for a folder outside the
// project is staged inside it, in a folder of its own, and moved into place when complete.
const outside = path.relative(root, out).startsWith('..') || path.isAbsolute(path.relative(root, out));
const staging = outside
  ? path.join(root, 'node_modules', '.astro', 'staging', createHash('sha256').update(out).digest('hex').slice(0, 12))
  : `${out}.staging`;
const previous = `${out}.previous`;
// Messages name the output folder relative to the project when it is inside it, else in full (not ../../../tmp/x).
const relative = path.relative(root, out);
const where = relative.startsWith('..') || path.isAbsolute(relative) ? out : relative || out;

fs.rmSync(staging, { recursive: true, force: true });
fs.mkdirSync(path.dirname(staging), { recursive: true });
const astro = path.join(root, 'node_modules', '.bin', 'astro');
// Builds stay offline: no telemetry call to another host.
const env = { ASTRO_TELEMETRY_DISABLED: '1', ...process.env };

// Astro's manifest of the pages it keeps (each page's key and file), and the record of which manifest the live site
// was built with: only then are the live site's files the ones the manifest describes.
const cacheDir = path.join(root, contentCacheDir(root, path.resolve(env.CONTENT_DIR ?? 'content')));
const manifestFile = path.join(cacheDir, 'incremental-build.json');
const recordFile = path.join(root, 'node_modules', '.astro', 'published', `${createHash('sha256').update(out).digest('hex').slice(0, 12)}.json`);
const sha = (text) => createHash('sha256').update(text).digest('hex');
const readOr = (file, fallback) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
};
/** Every page file a manifest lists, relative to the output folder. */
const manifestFiles = (manifest) =>
  Object.values(manifest.routes).flatMap((route) => Object.values(route.paths).map((entry) => decodeURI(entry.outputFile)));

const seeded = seed();
if (seeded.length) env.NEWSROOM_SEEDED_OUTPUT = '1';
const started = Date.now();

/**
 * Hard-links the live site's keyed pages into the empty staging folder, when the live site is the one the current
 * manifest describes (not after `--force`, a failed build that wrote a manifest, or a build of the same content into
 * another folder). Returns the files linked; none when the output folder is on another file system.
 */
function seed() {
  const manifest = readOr(manifestFile, undefined);
  const record = JSON.parse(readOr(recordFile, 'null'));
  if (process.argv.includes('--force') || !manifest || !fs.existsSync(out)) return [];
  if (record?.out !== out || record?.cacheDir !== cacheDir || record?.manifest !== sha(manifest)) return [];
  const linked = [];
  const folders = new Set();
  for (const file of manifestFiles(JSON.parse(manifest))) {
    const target = path.join(staging, file);
    const folder = path.dirname(target);
    if (!folders.has(folder)) fs.mkdirSync(folder, { recursive: true }), folders.add(folder);
    try {
      fs.linkSync(path.join(out, file), target);
      linked.push(file);
    } catch (error) {
      if (error.code === 'ENOENT') continue;
      // Another file system (EXDEV) or no hard links there: build from an empty folder, as without a previous site.
      fs.rmSync(staging, { recursive: true, force: true });
      return [];
    }
  }
  return linked;
}
// Astro's output goes through a pipe below; keep its colours when a person is watching.
if (process.stdout.isTTY && env.FORCE_COLOR === undefined && env.NO_COLOR === undefined) env.FORCE_COLOR = '1';
// Astro's output is passed through as it comes, and kept, to know below whether it already listed the problems.
const result = await new Promise((resolve) => {
  const child = spawn(astro, ['build', '--outDir', staging, ...process.argv.slice(2)], { stdio: ['inherit', 'pipe', 'pipe'], env });
  let output = '';
  child.stdout.on('data', (chunk) => ((output += chunk), process.stdout.write(chunk)));
  child.stderr.on('data', (chunk) => ((output += chunk), process.stderr.write(chunk)));
  child.on('close', (status) => resolve({ status, output }));
});

if (result.status !== 0) {
  // Removing the staging folder removes its names only: the files it shared with the live site stay there whole.
  fs.rmSync(staging, { recursive: true, force: true });
  // Astro writes each page it renders into its incremental cache as it goes, but the manifest that says which key
  // each copy belongs to only once every page is done: a build that fails after rendering a page leaves a copy that
  // the previous manifest would take for its own. So when the log shows a page begun ("├─ /path" not followed by
  // "(restored)"), the manifest goes and the next build renders every page. Content problems stop the build in
  // getStaticPaths, before any page, and keep the cache.
  const rendering = result.output.split('\n').some((line) => /├─ \S+/.test(line) && !/\((restored|cached)\)/.test(line));
  if (rendering) {
    const manifest = path.join(root, contentCacheDir(root, path.resolve(env.CONTENT_DIR ?? 'content')), 'incremental-build.json');
    if (fs.existsSync(manifest)) {
      fs.rmSync(manifest);
      console.error('\nThe build failed while writing pages, so the next build renders every page again (slower, once).');
    }
  }
  // Some content mistakes make Astro fail before the site's own checks run (a lead image whose file is missing
  // fails inside Astro's image service; a Markdown image inside the MDX compiler, at a line of compiled code), so
  // a failed build runs the content check, which names the file, line and field. Only on failure: it costs a
  // clean build nothing.
  const check = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'scripts', 'check-content.ts')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
    encoding: 'utf8',
  });
  if (check.status !== 0 && check.stderr.includes('Content check found') && !result.output.includes('Content check found')) {
    console.error(`\nThe content check explains the failure:\n${check.stderr.trimEnd()}`);
  }
  console.error(`\nBuild failed: ${fs.existsSync(out) ? `the previous ${where}/ is unchanged` : `no ${where}/ was written`}.`);
  process.exit(result.status ?? 1);
}

const keptPages = new Set(manifestFiles(JSON.parse(readOr(manifestFile, '{"routes":{}}'))));
// A page the live site had and this build no longer makes (a deleted quote's page) is still linked in; a seeded file
// this build wrote again is a file of its own (seeded-output.ts), so one still shared with the live site is stale.
for (const file of seeded) {
  const [now, live] = [path.join(staging, file), path.join(out, file)];
  if (keptPages.has(file)) continue;
  const stat = fs.statSync(now, { throwIfNoEntry: false });
  if (!stat || stat.ino !== fs.statSync(live, { throwIfNoEntry: false })?.ino) continue;
  fs.rmSync(now);
  // Its folder too, when nothing else is in it (a cold build would not have made it).
  for (let folder = path.dirname(now); folder !== staging && fs.readdirSync(folder).length === 0; folder = path.dirname(folder)) fs.rmdirSync(folder);
}

fs.rmSync(previous, { recursive: true, force: true });
if (fs.existsSync(out)) fs.renameSync(out, previous);
fs.mkdirSync(path.dirname(out), { recursive: true });
try {
  fs.renameSync(staging, out);
} catch (error) {
  // The project and the output folder on different file systems: copy, then remove the staging folder.
  if (error.code !== 'EXDEV') throw error;
  fs.cpSync(staging, out, { recursive: true });
  fs.rmSync(staging, { recursive: true, force: true });
}
// The new site is in place. The previous one is set aside under a name of its own and deleted by a detached process:
// deleting its 20,000 files took two minutes of a publish on a busy machine (docs/scale.md), after the new site was
// already live. Folders an interrupted deletion left behind go the same way.
if (fs.existsSync(previous)) fs.renameSync(previous, `${previous}-${process.pid}-${Date.now()}`);
const leftovers = fs.readdirSync(path.dirname(out)).filter((name) => name.startsWith(`${path.basename(previous)}-`));
for (const name of leftovers) {
  spawn(process.execPath, ['-e', "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })", path.join(path.dirname(out), name)], {
    detached: true,
    stdio: 'ignore',
  }).unref();
}
// The live site is now the one the manifest describes: the next build may start from it.
// (A failed build leaves the record: the live site is unchanged, and a manifest it wrote no longer matches it.)
if ((fs.statSync(manifestFile, { throwIfNoEntry: false })?.mtimeMs ?? 0) >= started) {
  fs.mkdirSync(path.dirname(recordFile), { recursive: true });
  fs.writeFileSync(recordFile, JSON.stringify({ out, cacheDir, manifest: sha(readOr(manifestFile, '')) }));
} else fs.rmSync(recordFile, { force: true });
console.log(`Build complete: ${where}/ updated${seeded.length ? ` (${seeded.length} unchanged files kept from the previous build)` : ''}.`);
