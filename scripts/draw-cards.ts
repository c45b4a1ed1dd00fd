/**
 * Draws the share cards (src/lib/outputs/share-card.ts) missing from the cache, started by scripts/build.mjs beside
 * `astro build`. Astro spends its first seconds on one core (starting, syncing content, bundling, getStaticPaths), and
 * the cards' route cannot begin drawing before its getStaticPaths; this process draws them on the other core meanwhile,
 * newest article first, while the route's own drawing (`drawAhead`) starts from the oldest, so the two meet in the
 * middle. A card drawn here is one the route reads from the cache folder.
 *
 * It reads only what a card shows (articles, people, topics) with the content check's parser. It decides nothing: a
 * card whose text it works out differently from the build (an entry the build would refuse) is simply drawn again by
 * the route, and any failure here is left for the build to report. Prints nothing.
 */
import sharp from 'sharp';
import { contentDir } from '../src/lib/content/dir';
import { parseContentFiles, readCollectionFiles } from '../src/lib/content/files';
import type { CheckedEntry } from '../src/lib/content/checks';
import type { Article, Person, Site, Topic } from '../src/lib/content';
import { articleCardContent, drawMissing } from '../src/lib/outputs/share-card';
import { byNewest } from '../src/lib/rules/articles';

// One card at a time on one thread: the other core is Astro's.
sharp.concurrency(1);

try {
  const entries = (collection: 'articles' | 'people' | 'topics') =>
    parseContentFiles(readCollectionFiles(contentDir, collection)).entries.filter((entry) => !entry.invalid);
  const byId = (list: CheckedEntry[]) => new Map(list.map((entry) => [entry.id, entry]));
  const [people, topics] = [byId(entries('people')), byId(entries('topics'))];
  const site = {
    person: (id: string) => people.get(id) as unknown as Person,
    topic: (id: string) => topics.get(id) as unknown as Topic,
  } as Pick<Site, 'person' | 'topic'>;
  // Published articles in the Site's order: newest first.
  const articles = (entries('articles') as unknown as Article[]).filter((article) => !article.data.draft).sort(byNewest);
  await drawMissing(articles.map((article) => articleCardContent(site, article)));
} catch {
  // The build reports what is wrong with the content; a card not drawn here is drawn by its route.
}
