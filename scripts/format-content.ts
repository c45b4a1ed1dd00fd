/**
 * `npm run format:content`: rewrites every content file in the one file style, the browser editor's
 * (src/editor/format.ts), so a save in the editor changes only what was edited. `--check` lists the files that
 * are not in that style and changes nothing. Article bodies are left as written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { contentDir } from '../src/lib/content/dir';
import { displayPath, readContentFiles } from '../src/lib/content/files';
import { formatFile } from '../src/editor/format';

const check = process.argv.includes('--check');
const changed: string[] = [];
const failed: string[] = [];
for (const file of readContentFiles(contentDir)) {
  let formatted: string;
  try {
    formatted = formatFile(file.collection, file.raw, file.id);
  } catch (error) {
    failed.push(`  ${file.file}  ${(error as Error).message}`);
    continue;
  }
  if (formatted === file.raw) continue;
  changed.push(file.file);
  if (!check) fs.writeFileSync(path.resolve(file.file), formatted);
}
const where = `${displayPath(contentDir)}/`;
if (failed.length) {
  console.error(`These files cannot be formatted (nor opened in the editor) until they are fixed:\n${failed.join('\n')}`);
  console.error('npm run check:content says more about each.');
}
if (check && changed.length) {
  console.error(`Not in the editor's file style (run npm run format:content):\n${changed.map((file) => `  ${file}`).join('\n')}`);
} else if (changed.length) {
  console.log(`Formatted ${changed.length} files in ${where}:\n${changed.map((file) => `  ${file}`).join('\n')}`);
} else if (!failed.length) {
  console.log(`Content format: every file in ${where} is in the editor's style.`);
}
process.exit(failed.length || (check && changed.length) ? 1 : 0);
