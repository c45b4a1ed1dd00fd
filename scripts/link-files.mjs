// The thread scripts/build.mjs links the live site's unchanged files into the staging folder on, while Astro starts:
// each file of `files` in `from` gets a hard link at the same place in `to`. Answers with the files linked.
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const { from, to, files } = workerData;
const folders = new Set();
const linked = [];
for (const file of files) {
  const target = path.join(to, file);
  const folder = path.dirname(target);
  if (!folders.has(folder)) fs.mkdirSync(folder, { recursive: true }), folders.add(folder);
  try {
    fs.linkSync(path.join(from, file), target);
    linked.push(file);
  } catch (error) {
    // Gone from the live site, or written by this build already (EEXIST): nothing to keep.
    if (error.code !== 'ENOENT' && error.code !== 'EEXIST') throw error;
  }
}
parentPort.postMessage(linked);
