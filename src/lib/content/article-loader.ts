/**
 * Articles as data: Astro's glob loader, reading the MDX files as it does (frontmatter, schema, digests, line numbers
 * in errors, the dev server's watching), except that it does not hand each article to Vite as a module to compile.
 * The article page renders the body itself (src/lib/content/body.ts, `articlePageParts`), as the content API and the
 * quote pages already did, so compiling the articles was work every build did for nothing but the page: at 1,000
 * articles, about 7 s of CPU of each build's bundling, publishes included (docs/scale.md).
 *
 * An article whose text shows an image from its own folder (`![…](./photo.jpg)`) is still compiled: Astro's image
 * pipeline gives that file its hashed name and size, which only a module import can. Its page renders it as
 * @astrojs/mdx does (`compiledBody`), with the same components.
 *
 * Nor does the store keep an article's body (its text after the frontmatter): Astro bundles the whole store into the
 * build as one string and parses it at run time, and the bodies were most of it (7.9 MB of 8 at 1,000 articles, so
 * bundling, syncing and memory all grew with them). The build reads each article's file anyway, to check it
 * (src/lib/content/load.ts), and gives the Site's article its body from there (`articleBody`), as the glob loader
 * would have. A compiled article keeps its body in the store.
 */
import type { Loader } from 'astro/loaders';

/** An image in the text that Astro's pipeline must take: a Markdown image or <img> whose file is not under public/. */
const localBodyImage = /!\[[^\]]*\]\(\s*<?(?!\/|[a-z][a-z\d+.-]*:)[^)\s>]+|<img\b[^>]*?\bsrc=["'](?!\/|[a-z][a-z\d+.-]*:)[^"']+["']/i;

/** Whether an article's body is compiled as a module (it shows an image from the content folder) and rendered by MDX. */
export function compiledBody(body: string | undefined): boolean {
  return localBodyImage.test(body ?? '');
}

/**
 * An article's body as Astro's glob loader gives it for an MDX file (@astrojs/mdx's entry type): the text after the
 * frontmatter, trimmed; the whole text, trimmed, when there is no frontmatter.
 */
export function articleBody(raw: string): string {
  const frontmatter = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)[\s\S]*?\n(?:---|\+\+\+)/.exec(raw);
  return (frontmatter ? raw.slice(frontmatter[0].length) : raw).trim();
}

/** The glob loader given, keeps every article as data but those `compiledBody` names, without its body. */
export function articleLoader(glob: Loader): Loader {
  return {
    name: 'newsroom:articles',
    load: (context) => {
      const { store } = context;
      return glob.load({
        ...context,
        // An entry kept as data has no module to import, so the glob loader, which imports a module for each unchanged
        // entry the store marks as deferred, asks for none on later syncs either. (A change to content.config.ts
        // clears the store, so no entry of an earlier sync stays marked.)
        store: {
          ...store,
          set: (entry) => {
            if (compiledBody(entry.body)) return store.set(entry);
            // The body stays in its file (load.ts reads it there).
            const { body: _body, ...data } = entry;
            return store.set({ ...data, deferredRender: false });
          },
        },
      });
    },
  };
}
