/** A fresh scratch copy of content/ for the editor scenario; the Playwright config serves it with `astro dev`. */
import fs from 'node:fs';
import path from 'node:path';
import { editorContent, editorRoot } from './fixture';

const root = path.resolve(import.meta.dirname, '../..');
fs.rmSync(editorRoot, { recursive: true, force: true });
fs.cpSync(path.join(root, 'content'), editorContent, { recursive: true });
