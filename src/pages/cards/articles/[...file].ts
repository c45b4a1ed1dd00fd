/** Every article's share card (og:image), drawn at build and cached by what it shows: src/lib/outputs/share-card.ts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, type Article } from '@/lib/content';
import { articleCardContent, cardDigest, shareCard } from '@/lib/outputs/share-card';

// Keyed on the card's digest (what it shows), as its own cache is (issue 14): a publish copies the unchanged cards.
export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.articles.map((article) => ({ params: { file: `${article.id}.png` }, props: { article }, cacheKey: cardDigest(articleCardContent(site, article)) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: Article }> = async ({ props }) =>
  new Response(new Uint8Array(await shareCard(articleCardContent(await loadSite(), props.article))), { headers: { 'Content-Type': 'image/png' } });
