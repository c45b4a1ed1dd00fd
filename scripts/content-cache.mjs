/**
 * Where a build of one content folder keeps what it reuses from the last one (Astro's `cacheDir`, set in
 * astro.config.mjs): Astro's content data store; the drawn share cards (`share-cards/`, src/lib/outputs/share-card.ts);
 * and `pages.json`, the site's own manifest of every keyed page and file with its key and output file
 * (src/integrations/page-keys.ts), which scripts/build.mjs replaces only once a whole build has succeeded. No copy of
 * the site is kept here: a build reuses the live site's own files (scripts/build.mjs), and build.mjs deletes the
 * `incremental-build.json` and `dist/` that Astro's `experimental.incrementalBuild` used to keep here.
 *
 * Astro clears its content cache when src/content.config.ts changes, but not when the modules it imports do: the
 * schemas (src/schemas/), and the articles' loader (src/lib/content/article-loader.ts), which decides what the store
 * keeps of an article; a changed one would meet entries stored the old way. The folder is therefore named after the
 * content folder and those modules' source: builds of other content (tests, the benchmark) keep their own cache, and a
 * change to a schema or the loader starts a fresh one (a changed cacheDir also clears the dev store).
 *
 * Other code is not in the name. Whether the live site's pages can be kept is decided by the code digest in
 * scripts/build.mjs, which covers every file under src/: a change to any of it, the middleware that narrows each
 * page's CSP included, renders every page, while the content store and the cards (keyed on what they show and on
 * their design) stay good.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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
  key.update('article-loader.ts').update(fs.readFileSync(path.join(root, 'src', 'lib', 'content', 'article-loader.ts')));
  return `./node_modules/.astro/content-${key.digest('hex').slice(0, 12)}`;
}
