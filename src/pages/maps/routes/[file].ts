/**
 * A route map's files, one set per list of routes an article draws: the picture in light and dark (the <img> of the
 * figure, for readers without JavaScript and until the interactive map is drawn) and the interactive map's data.
 * They live outside the article's HTML so its first load stays small (issue 13); src/lib/map/route-map.ts makes them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '@/lib/content';
import { cacheKey, shownOnRouteMap } from '@/lib/content/shown';
import { routeMapKey, routeMapModel, routeMapsInSite } from '@/lib/map/route-map';
import { tileLayerFrom } from '@/lib/map/tiles';
import { keyedFiles } from '@/integrations/page-keys';

// Keyed on what the map shows (issue 14), so a publish draws only the maps whose routes, places, reports, figures or
// topics changed; the data file also names the tile layer, which comes from the environment, not from an entry.
export const getStaticPaths = (async ({ routePattern }) => {
  const site = await loadSite();
  const tiles = JSON.stringify(tileLayerFrom(import.meta.env) ?? null);
  const paths = routeMapsInSite(site).flatMap((routes) => {
    const key = cacheKey(shownOnRouteMap(site, routes.map((id) => site.route(id))), tiles);
    return (['svg', 'dark.svg', 'json'] as const).map((kind) => ({ params: { file: `${routeMapKey(routes)}.${kind}` }, props: { routes, kind }, cacheKey: key }));
  });
  return keyedFiles(routePattern, paths);
}) satisfies GetStaticPaths;

interface Props {
  routes: string[];
  kind: 'svg' | 'dark.svg' | 'json';
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const model = routeMapModel(await loadSite(), props.routes);
  if (props.kind === 'json') return new Response(JSON.stringify(model.data), { headers: { 'Content-Type': 'application/json' } });
  return new Response(model.svg(props.kind === 'svg' ? 'light' : 'dark'), { headers: { 'Content-Type': 'image/svg+xml' } });
};
