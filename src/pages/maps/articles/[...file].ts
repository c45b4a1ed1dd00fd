/** Each article's locator map, light and dark (src/lib/map/locator.ts): its lead visual when it has no photo. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, type Article } from '@/lib/content';
import { articleLocator } from '@/lib/map/locator';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.articles
    .filter((article) => !article.data.leadImage?.src && articleLocator(site, article))
    .flatMap((article) => (['light', 'dark'] as const).map((scheme) => ({ params: { file: `${article.id}${scheme === 'dark' ? '.dark' : ''}.svg` }, props: { article, scheme } })));
}) satisfies GetStaticPaths;

interface Props {
  article: Article;
  scheme: 'light' | 'dark';
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const locator = articleLocator(await loadSite(), props.article)!;
  return new Response(locator.svg(props.scheme), { headers: { 'Content-Type': 'image/svg+xml' } });
};
