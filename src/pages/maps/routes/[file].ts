/**
 * A route map's files, one set per list of routes an article draws: the picture in light and dark (the <img> of the
 * figure, for readers without JavaScript and until the interactive map is drawn) and the interactive map's data.
 * They live outside the article's HTML so its first load stays small (issue 13); src/lib/map/route-map.ts makes them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '@/lib/content';
import { routeMapKey, routeMapModel, routeMapsInSite } from '@/lib/map/route-map';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return routeMapsInSite(site).flatMap((routes) =>
    (['svg', 'dark.svg', 'json'] as const).map((kind) => ({ params: { file: `${routeMapKey(routes)}.${kind}` }, props: { routes, kind } })),
  );
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
