import fs from 'node:fs';
import { editorRoot } from './fixture';

/** The scratch content is the run's own; nothing of it stays behind. */
export default function teardown() {
  fs.rmSync(editorRoot, { recursive: true, force: true });
}
