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
 */
import type { Loader } from 'astro/loaders';

/** An image in the text that Astro's pipeline must take: a Markdown image or <img> whose file is not under public/. */
const localBodyImage = /!\[[^\]]*\]\(\s*<?(?!\/|[a-z][a-z\d+.-]*:)[^)\s>]+|<img\b[^>]*?\bsrc=["'](?!\/|[a-z][a-z\d+.-]*:)[^"']+["']/i;

/** Whether an article's body is compiled as a module (it shows an image from the content folder) and rendered by MDX. */
export function compiledBody(body: string | undefined): boolean {
  return localBodyImage.test(body ?? '');
}

/** The glob loader given, keeps every article as data but those `compiledBody` names. */
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
        store: { ...store, set: (entry) => store.set(compiledBody(entry.body) ? entry : { ...entry, deferredRender: false }) },
      });
    },
  };
}
