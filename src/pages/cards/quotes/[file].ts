/** Every quote page's share card: the quote and its speaker, drawn at build and cached by what it shows. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, type Quote } from '@/lib/content';
import { quoteCardContent, shareCard } from '@/lib/outputs/share-card';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  // The quotes that have a page: those standing in a published article (src/pages/quotes/[id].astro).
  return site.articles.flatMap((article) => site.quotesIn(article).map((quote) => ({ params: { file: `${quote.id}.png` }, props: { quote } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ quote: Quote }> = async ({ props }) =>
  new Response(new Uint8Array(await shareCard(quoteCardContent(await loadSite(), props.quote))), { headers: { 'Content-Type': 'image/png' } });
