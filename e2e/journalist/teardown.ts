import fs from 'node:fs';
import { fixtureRoot } from './fixture';

/** The scratch content and site are the run's own; nothing of them stays behind. */
export default function teardown() {
  fs.rmSync(fixtureRoot, { recursive: true, force: true });
}
