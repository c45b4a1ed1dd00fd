#!/usr/bin/env node
// Builds into a staging folder and swaps it in only when the whole build (content checks, pages, search index)
// succeeded, so a failed build leaves the previous site exactly as it was. OUT_DIR picks another output folder
// (tests and the benchmark build elsewhere); CONTENT_DIR picks other content.
//
// Builds are incremental (issue 14): when the live site was built from the same code, the staging folder gets its
// keyed pages as hard links (`seed` below) and Astro renders only the pages whose key changed or that are new
// (src/integrations/page-keys.ts); the rest are already in place and cost nothing. src/integrations/seeded-output.ts
// makes every write into the staging folder replace a file, never change it, so the live site stays whole. `--force`
// renders every page.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { contentCacheDir } from './content-cache.mjs';
import { nextPagesEnv, previousPagesEnv } from '../src/integrations/page-keys.ts';
import { liveOutputEnv, seededOutputEnv } from '../src/integrations/seeded-output.ts';

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
const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
// Astro's process runs with one V8 setting. V8 collects the heap in full when it has grown to a factor of what the
// last full collection left alive, a factor it picks between 1.1 and 4 by how fast the program allocates; a build
// allocates fast (each page's HTML, hashed and handed on), so it let the heap grow to about three times what was
// alive: at 5,000 articles 2.2 GB of heap for about 0.75 GB alive, and 3.3 GB of memory for the process, the build's
// peak. Holding the factor at 1.6 makes the peak follow what is alive, as the archive grows, for more frequent
// collections (docs/scale.md has the figures).
const astroNodeOptions = ['--heap-growing-percent=60'];
// Builds stay offline: no telemetry call to another host. A build is a production build whatever its caller's
// environment: a test runner (vitest) sets NODE_ENV=test and Vite's own DEV=1, MODE, PROD and SSR, and the pages'
// `import.meta.env` reads such variables at run time, so a page built from a test took itself for the dev server (its
// CSP not narrowed, the images of pages left in place not recorded: src/integrations/csp-per-page-middleware.ts).
const env = { ASTRO_TELEMETRY_DISABLED: '1', ...process.env, NODE_ENV: 'production' };
for (const name of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete env[name];

// The manifest of the last good build of this content (each keyed path's key and file), the one this build writes
// (kept only if the whole build succeeds), and the record of which manifest and code the live site was built with:
// only then are the live site's files the ones the manifest describes.
const cacheDir = path.join(root, contentCacheDir(root, path.resolve(env.CONTENT_DIR ?? 'content')));
const manifestFile = path.join(cacheDir, 'pages.json');
const nextManifestFile = path.join(cacheDir, `pages.${process.pid}.next.json`);
const recordFile = path.join(root, 'node_modules', '.astro', 'published', `${createHash('sha256').update(out).digest('hex').slice(0, 12)}.json`);
const sha = (text) => createHash('sha256').update(text).digest('hex');
const code = codeDigest();
const readOr = (file, fallback) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
};
/** Every file a manifest lists, relative to the output folder: each path's own and the images it shows (page-keys.ts). */
const manifestFiles = (manifest) => [...new Set(Object.values(manifest.paths).flatMap((entry) => [entry.file, ...(entry.assets ?? [])]))];

/**
 * What the site's code is: every file that can change a page whatever the content (src/, public/, the Astro config,
 * the lock file, the TypeScript config) and the environment the pages read (the site's address, PUBLIC_* settings).
 * A page is left in place only when its key and this are unchanged; any change to the code renders every page.
 */
function codeDigest() {
  const hash = createHash('sha256');
  // Tests and their fixtures are in src/ beside the code but in no page.
  const files = ['src', 'public']
    .flatMap((dir) => (fs.existsSync(path.join(root, dir)) ? fs.readdirSync(path.join(root, dir), { recursive: true }).map((file) => path.join(dir, String(file))) : []))
    .filter((file) => !/\.test\.[a-z]+$/.test(file) && !file.startsWith(path.join('src', 'test-support')));
  for (const file of [...files, 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'].sort()) {
    const full = path.join(root, file);
    if (!fs.statSync(full, { throwIfNoEntry: false })?.isFile()) continue;
    hash.update(file).update('\0').update(fs.readFileSync(full)).update('\0');
  }
  const settings = Object.keys(env).filter((name) => name === 'SITE_URL' || name.startsWith('PUBLIC_')).sort();
  for (const name of settings) hash.update(`${name}=${env[name]}\0`);
  return hash.digest('hex');
}

// What Astro's own incremental build kept in this cache before the site decided for itself (page-keys.ts): unused.
for (const stale of ['incremental-build.json', 'dist']) fs.rmSync(path.join(cacheDir, stale), { recursive: true, force: true });
fs.rmSync(nextManifestFile, { force: true });

// Settles with the files linked, or the error that stopped the linking, awaited once Astro is done.
const seeding = seed()?.then((files) => ({ files }), (error) => ({ error }));
if (seeding) {
  env[seededOutputEnv] = '1';
  env[liveOutputEnv] = out;
  env[previousPagesEnv] = manifestFile;
}
env[nextPagesEnv] = nextManifestFile;
// What the code is, for the parses the build keeps between builds (src/lib/content/parsed-files.ts).
env.NEWSROOM_CODE_DIGEST = code;
fs.mkdirSync(cacheDir, { recursive: true });

/**
 * Hard-links the live site's keyed pages into the empty staging folder, when the live site is the one the current
 * manifest describes and was built from the same code (not after `--force`, a change to the code, or a build of the
 * same content into another folder). The first link is made at once: on another file system, or one without hard
 * links, the build starts from an empty folder, as without a previous site. The rest are made while Astro starts,
 * syncs and bundles (about 1 s at 1,000 articles, 3 s at 5,000, which a publish used to wait for): nothing in the
 * build reads them (the search index reads a page left in place from the live site, `liveOutputEnv`), and a page Astro
 * writes meanwhile replaces its link, or is left alone by it (seeded-output.ts). Returns a promise of the files linked,
 * or nothing when the build is not seeded.
 */
function seed() {
  const manifest = readOr(manifestFile, undefined);
  const record = JSON.parse(readOr(recordFile, 'null'));
  if (process.argv.includes('--force') || !manifest || !fs.existsSync(out)) return undefined;
  if (record?.out !== out || record?.cacheDir !== cacheDir || record?.manifest !== sha(manifest) || record?.code !== code) return undefined;
  const files = manifestFiles(JSON.parse(manifest));
  let first = 0;
  for (; first < files.length; first++) {
    const target = path.join(staging, files[first]);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    try {
      fs.linkSync(path.join(out, files[first]), target);
      break;
    } catch (error) {
      if (error.code === 'ENOENT') continue;
      fs.rmSync(staging, { recursive: true, force: true });
      return undefined;
    }
  }
  if (first === files.length) return undefined;
  // On a thread of its own, while this one passes Astro's output on.
  const linker = new Worker(new URL('./link-files.mjs', import.meta.url), { workerData: { from: out, to: staging, files: files.slice(first + 1) } });
  return new Promise((resolve, reject) => {
    linker.once('message', (linked) => resolve([files[first], ...linked]));
    linker.once('error', reject);
    // Without an answer (after one, this changes nothing).
    linker.once('exit', (code) => reject(new Error(`the linking thread stopped (exit ${code})`)));
  });
}
// Astro's output goes through a pipe below; keep its colours when a person is watching.
if (process.stdout.isTTY && env.FORCE_COLOR === undefined && env.NO_COLOR === undefined) env.FORCE_COLOR = '1';
// In a full build, the share cards missing from the cache are drawn from the start, on the core Astro leaves idle
// while it starts, syncs content and bundles (scripts/draw-cards.ts); the cards' route reads them from the cache
// folder. A build from the live site has a card or two to draw, which the route does.
env.SHARE_CARD_CACHE ??= path.join(cacheDir, 'share-cards');
const cards = seeding ? undefined : spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'scripts', 'draw-cards.ts')], { stdio: 'ignore', env });
// It only saves time: if it cannot start or fails, the route draws what it did not.
const cardsDone = new Promise((resolve) => (cards ? cards.on('close', resolve).on('error', resolve) : resolve(undefined)));
// Astro's output is passed through as it comes, and kept, to know below whether it already listed the problems.
const result = await new Promise((resolve) => {
  const child = spawn(process.execPath, [...astroNodeOptions, astro, 'build', '--outDir', staging, ...process.argv.slice(2)], { stdio: ['inherit', 'pipe', 'pipe'], env });
  let output = '';
  child.stdout.on('data', (chunk) => ((output += chunk), process.stdout.write(chunk)));
  child.stderr.on('data', (chunk) => ((output += chunk), process.stderr.write(chunk)));
  child.on('close', (status) => resolve({ status, output }));
});

// Once Astro is done, every card it needed is in the cache: what the drawer has left is to see that.
if (result.status === 0) await cardsDone;
else cards?.kill();
// And the live site's unchanged files are in the staging folder (long before, as a rule). If one could not be linked,
// the build fails: the staging folder would lack it.
const linking = (await seeding) ?? { files: [] };
if (linking.error && result.status === 0) {
  console.error(`\nCould not keep the unchanged files of ${where}/ (${linking.error.message}); \`npm run build -- --force\` builds every page anew.`);
  result.status = 1;
}
const seeded = linking.files ?? [];

if (result.status !== 0) {
  // Removing the staging folder removes its names only: the files it shared with the live site stay there whole. The
  // manifest of the last good build stays too, since it still describes the live site.
  fs.rmSync(staging, { recursive: true, force: true });
  fs.rmSync(nextManifestFile, { force: true });
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

const nextManifest = readOr(nextManifestFile, '{"paths":{}}');
const keptPages = new Set(manifestFiles(JSON.parse(nextManifest)));
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
// The live site is now the one this build's manifest describes: the next build may start from it.
// (A failed build leaves both the manifest and the record: the live site is unchanged.)
if (fs.existsSync(nextManifestFile)) {
  fs.renameSync(nextManifestFile, manifestFile);
  fs.mkdirSync(path.dirname(recordFile), { recursive: true });
  fs.writeFileSync(recordFile, JSON.stringify({ out, cacheDir, manifest: sha(nextManifest), code }));
} else fs.rmSync(recordFile, { force: true });
console.log(`Build complete: ${where}/ updated${seeded.length ? ` (${seeded.length} unchanged files kept from the previous build)` : ''}.`);
