/**
 * The browser editor (Keystatic, issue 15): its collections and fields are made from the collection registry and
 * the zod schemas (src/editor/schema.ts). Loaded only by `npm run dev` and `npm run editor`
 * (src/integrations/editor.ts); `npm run build` never imports it.
 *
 * Local mode: the editor writes the files in the content folder (CONTENT_DIR, default content/) on this machine.
 * For a deployed newsroom, GitHub mode commits them instead: see content/README.md, "In the browser".
 */
import { config } from '@keystatic/core';
import { editorCollections } from './src/editor/schema';
import { articleUrl, personUrl, quoteUrl, topicUrl } from './src/lib/shared/urls';

export default config({
  storage: { kind: 'local' },
  ui: { brand: { name: 'Newsroom' } },
  // "Preview" beside an entry opens its page as readers will see it, on the dev site.
  collections: editorCollections({
    articles: articleUrl('{slug}'),
    people: personUrl('{slug}'),
    quotes: quoteUrl('{slug}'),
    topics: topicUrl('{slug}'),
  }),
});
