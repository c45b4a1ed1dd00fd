/**
 * Where a build of one content folder keeps its caches: Astro's content data store and, with incremental builds
 * (issue 14), the manifest of the pages it rendered (`incremental-build.json`) and copies of them (`dist/`). Shared by
 * astro.config.mjs (Astro's `cacheDir`) and scripts/build.mjs (which drops the manifest after a failed build).
 *
 * Astro clears its content cache when src/content.config.ts changes, but not when the schema modules it imports
 * (src/schemas/) do, so a changed schema would meet stale entries. The folder is therefore named after the content
 * folder and the schemas' source: builds of other content (tests, the benchmark) keep their own cache, and a schema
 * change starts a fresh one (a changed cacheDir also clears the dev store).
 *
 * The same goes for code that changes every page but is in no page's module graph, which Astro hashes to know whether
 * a cached page is still good: the middleware that narrows each page's CSP (src/integrations/csp-per-page*.ts). A
 * change to it starts a fresh cache, so no page keeps a policy the old code wrote.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Code outside every page's module graph that changes every page (above). */
const pageWideCode = ['src/integrations/csp-per-page.ts', 'src/integrations/csp-per-page-middleware.ts'];

/**
 * @param {string} root the project folder
 * @param {string} contentDir the content folder, absolute
 * @returns {string} the cache folder, relative to the project ("./node_modules/.astro/content-<hash>")
 */
export function contentCacheDir(root, contentDir) {
  const schemaDir = path.join(root, 'src', 'schemas');
  const key = createHash('sha256').update(contentDir);
  for (const file of fs.readdirSync(schemaDir).filter((name) => name.endsWith('.ts')).sort()) {
    key.update(file).update(fs.readFileSync(path.join(schemaDir, file)));
  }
  for (const file of pageWideCode) key.update(file).update(fs.readFileSync(path.join(root, file)));
  return `./node_modules/.astro/content-${key.digest('hex').slice(0, 12)}`;
}
