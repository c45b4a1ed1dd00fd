/**
 * Ids for route maps that stay unique on a page with several maps, and stable between builds: named after the
 * routes, with a number when the same routes are drawn twice on one page.
 */
const seen = new WeakMap<Request, Map<string, number>>();

/** The id of the first map of these routes on a page: what a link to an article's map points at. */
export const mapAnchor = (routeIds: readonly string[]): string => `route-map-${routeIds.join('-')}`.slice(0, 80);

export function mapId(request: Request, routeIds: readonly string[]): string {
  const base = mapAnchor(routeIds);
  const counts = seen.get(request) ?? new Map<string, number>();
  seen.set(request, counts);
  const count = (counts.get(base) ?? 0) + 1;
  counts.set(base, count);
  return count === 1 ? base : `${base}-${count}`;
}
