/** Each article's locator map, light and dark (src/lib/map/locator.ts): its lead visual when it has no photo. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, type Article } from '@/lib/content';
import { cacheKey, shownOnLocator } from '@/lib/content/shown';
import { articleLocator } from '@/lib/map/locator';
import { keyedFiles } from '@/integrations/page-keys';

export const getStaticPaths = (async ({ routePattern }) => {
  const site = await loadSite();
  const paths = site.articles
    .filter((article) => !article.data.leadImage?.src && articleLocator(site, article))
    // Keyed on the places it shows (issue 14): a publish draws only the new article's map and those of changed places.
    .flatMap((article) => {
      const key = cacheKey(shownOnLocator(site, article));
      return (['light', 'dark'] as const).map((scheme) => ({ params: { file: `${article.id}${scheme === 'dark' ? '.dark' : ''}.svg` }, props: { article, scheme }, cacheKey: key }));
    });
  return keyedFiles(routePattern, paths);
}) satisfies GetStaticPaths;

interface Props {
  article: Article;
  scheme: 'light' | 'dark';
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const locator = articleLocator(await loadSite(), props.article)!;
  return new Response(locator.svg(props.scheme), { headers: { 'Content-Type': 'image/svg+xml' } });
};
