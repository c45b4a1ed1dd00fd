/** Every article's share card (og:image), drawn at build and cached by what it shows: src/lib/outputs/share-card.ts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, type Article } from '@/lib/content';
import { articleCardContent, drawAhead, shareCard } from '@/lib/outputs/share-card';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  // Cards missing from the cache are drawn from now on, off the JavaScript thread, while the pages before them render.
  drawAhead(site.articles.map((article) => articleCardContent(site, article)));
  return site.articles.map((article) => ({ params: { file: `${article.id}.png` }, props: { article } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: Article }> = async ({ props }) =>
  new Response(new Uint8Array(await shareCard(articleCardContent(await loadSite(), props.article))), { headers: { 'Content-Type': 'image/png' } });
