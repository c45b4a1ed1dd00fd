/**
 * Every article's share card (og:image) at /cards/articles/<id>.png, drawn at build and cached by what it shows:
 * src/lib/outputs/share-card.ts.
 *
 * The folder's name is a parameter that is always "cards" only to change when Astro renders these: it renders routes
 * in its routing order (astro/dist/core/routing/priority.js), where a route whose first segment is a parameter comes
 * after every route whose first segment is a plain name. So the cards are the last pages but the home page, and the
 * cards drawn ahead (drawAhead) on the machine's other core have all of the other pages' rendering to be ready in.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, type Article } from '@/lib/content';
import { articleCardContent, cardDigest, drawAhead, shareCard, type CardContent } from '@/lib/outputs/share-card';
import { keyedFiles } from '@/integrations/page-keys';

export const getStaticPaths = (async ({ routePattern }) => {
  const site = await loadSite();
  // Keyed on the card's digest (what it shows), as its own cache is (issue 14): a publish leaves the unchanged cards.
  const paths = keyedFiles(
    routePattern,
    site.articles.map((article) => {
      const content = articleCardContent(site, article);
      return { params: { cards: 'cards', file: `${article.id}.png` }, props: { article, content }, cacheKey: cardDigest(content) };
    }),
  );
  // Cards missing from the cache are drawn from now on, off the JavaScript thread, while the other pages render.
  drawAhead(paths.map(({ props }) => props.content));
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: Article; content: CardContent }> = async ({ props }) =>
  new Response(new Uint8Array(await shareCard(props.content)), { headers: { 'Content-Type': 'image/png' } });
