/**
 * Astro's glob loader, given only the files that changed since the store was written (issue 14).
 *
 * The glob loader reads every file of its collection on every sync, through Node's promise API ten at a time, and
 * parses each file's frontmatter or YAML before it looks at the digest that tells it the entry is unchanged. At 1,000
 * articles that is about 2,800 files (articles, figures, people, topics, places, routes) and about 0.5 s of each
 * build's content sync, a publish's included, most of it waiting on the file system. This loader reads each file once,
 * synchronously, and compares its digest with the entry the store holds for that file: an unchanged entry stays as it
 * is (what the glob loader does for it too), and the glob loader is run on the files that are new or changed only, so
 * their parsing, ids, schema and rendering are Astro's own. Entries whose file is gone are deleted, as the glob loader
 * deletes them.
 *
 * The dev server (which watches files through the glob loader) and a sync with an empty store (a cold build, or a
 * schema change, which clears the store) run the glob loader as it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';

interface GlobOptions {
  base: string;
  pattern: string | string[];
}

type Store = LoaderContext['store'] & { addAssetImports?: (assets: string[], filePath?: string) => void };

/** A file name as a glob pattern that matches that file only. */
const literal = (file: string) => file.replace(/[\\*?[\]{}()!+@]/g, '\\$&');

/** The glob loader `glob(options)` makes, run on the changed files of its collection only. */
export function unchangedFilesKept(glob: (options: GlobOptions) => Loader, options: GlobOptions): Loader {
  const whole = glob(options);
  return {
    name: 'newsroom:unchanged-files-kept',
    load: async (context) => {
      const store = context.store as Store;
      const held = store.entries();
      if (context.watcher || held.length === 0) return whole.load(context);

      const root = fileURLToPath(context.config.root);
      const base = fileURLToPath(new URL(options.base, context.config.root));
      // The store names each entry's file relative to the project's root, with forward slashes.
      const byFile = new Map(held.filter(([, entry]) => entry.filePath).map(([id, entry]) => [entry.filePath!, { id, entry }]));
      const kept = new Set<string>();
      const changed: string[] = [];
      for (const file of fs.existsSync(base) ? fs.globSync(options.pattern as string, { cwd: base }) : []) {
        const full = path.join(base, file);
        const known = byFile.get(path.relative(root, full).split(path.sep).join('/'));
        if (!known || known.entry.digest !== context.generateDigest(fs.readFileSync(full, 'utf8'))) {
          changed.push(file.split(path.sep).join('/'));
          continue;
        }
        // As the glob loader does for an entry it finds unchanged: its module and assets are still the build's.
        kept.add(known.id);
        if (known.entry.deferredRender) store.addModuleImport(known.entry.filePath!);
        if (known.entry.assetImports?.length) store.addAssetImports?.(known.entry.assetImports, known.entry.filePath);
      }

      // The ids the glob loader looks up: one for each file it reads.
      const seen = new Set<string>();
      if (changed.length) {
        await glob({ base: options.base, pattern: changed.map(literal) }).load({
          ...context,
          // The glob loader deletes every entry it did not see; it sees only the changed files, so it is shown no
          // other entry, and this loader deletes what is gone.
          store: {
            ...store,
            keys: () => [],
            get: (id) => {
              seen.add(id);
              return store.get(id);
            },
          },
        });
      }
      for (const [id] of held) if (!kept.has(id) && !seen.has(id)) store.delete(id);
    },
  };
}
