/**
 * Everything a route map shows, worked out once per set of routes and build: the view, the place and area labels,
 * the picture (light and dark) and the interactive map's data. RouteMap.astro writes the page's part of it (the
 * figure, the key, the route list) and src/pages/maps/routes/ serves the rest as files, so the article's HTML does
 * not carry the picture or the map's data twice (issue 13's byte budget: they are below the fold, and are fetched
 * only when the reader nears the map).
 */
import type { Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-50m.json';
import type { Site } from '../content';
import { formatFigure } from '../rules/figures';
import { articleUrl, basemapUrl, figureInArticleUrl, routeMapFileUrl, topicUrl } from '../shared/urls';
import { areaLabels, type AreaLabel, type Box } from './area-labels';
import { trimBasemap } from './basemap';
import { legFeatures, listOf, placeFeatures, routeFeatures, routePlaces, routeRuns, summariseRoutes, toMapRoute, type MapRoute, type RouteKind } from './geo';
import { fitView, placeLabels, routeMapSvg, type MapView, type PlacedLabel } from './map-svg';
import { inBothSchemes, type Scheme } from './map-style';
import { tileLayerFrom, type TileLayerConfig } from './tiles';

export const topology = countries as unknown as Topology;

/** What readers can follow from a route, for the panel under the interactive map. */
export interface RouteDetail {
  route: string;
  name: string;
  operator?: string | undefined;
  /** The site's own description of the route. */
  newsroom: string;
  reported: { text: string; href: string; title: string; publisher: string }[];
  figures: { href: string; value: string; measures: string }[];
  topics: { href: string; name: string }[];
}

export interface PlaceDetail {
  place: string;
  name: string;
  /** e.g. "oil field, Kazakhstan". */
  about: string;
  newsroom?: string | undefined;
}

/** The interactive map's data file (/maps/routes/<key>.json), read by src/components/map/. */
export interface MapData {
  routes: ReturnType<typeof routeFeatures>;
  legs: ReturnType<typeof legFeatures>;
  places: ReturnType<typeof placeFeatures>;
  labelSides: Record<string, PlacedLabel['side']>;
  areas: Pick<AreaLabel, 'name' | 'lines' | 'kind' | 'lon' | 'lat'>[];
  bounds: MapView['bounds'];
  basemap: string;
  tiles?: TileLayerConfig | undefined;
  details: { routes: RouteDetail[]; places: PlaceDetail[] };
}

export interface RouteMapModel {
  /** Names the map's files: the route ids, joined. */
  key: string;
  title: string;
  summary: string;
  routes: MapRoute[];
  view: MapView;
  kinds: RouteKind[];
  details: RouteDetail[];
  svg: (scheme: Scheme) => string;
  data: MapData;
}

export const kindNames: Record<RouteKind, string> = { pipeline: 'Pipeline', shipping: 'Shipping', rail: 'Rail', road: 'Road' };

/** The file name part for a list of routes: the ids joined by `--`, which no id of kebab-case words contains. */
export const routeMapKey = (routeIds: readonly string[]) => routeIds.join('--');

// Labels are placed for the size they take on a phone (see map-style.ts), so they fit at every size.
const labelRoom = 20;
const areaRoom = 17;

const models = new WeakMap<Site, Map<string, RouteMapModel>>();

export function routeMapModel(site: Site, routeIds: readonly string[]): RouteMapModel {
  const key = routeMapKey(routeIds);
  let bySite = models.get(site);
  if (!bySite) models.set(site, (bySite = new Map()));
  const known = bySite.get(key);
  if (known) return known;

  const entries = routeIds.map((id) => site.route(id));
  const routes = entries.map((entry) => toMapRoute(entry, site.place));
  const places = routePlaces(routes);
  const view = fitView(routes);
  const basemap = trimBasemap(topology, view.bounds, { tolerance: 0.01, precision: 3 });
  const title = `Map of ${listOf(routes.map((r) => r.name))}`;
  const summary = summariseRoutes(routes);
  const labels = placeLabels(places, view, labelRoom, routes);

  // Country and sea names keep clear of the place labels, the dots and the lines.
  const avoid: Box[] = labels.flatMap((label) => {
    const w = label.place.name.length * labelRoom * 0.58;
    const h = labelRoom * 1.2;
    const dot = { x0: label.x - 6, y0: label.y - 6, x1: label.x + 6, y1: label.y + 6 };
    const [dx, dy] = [label.side.endsWith('right') ? 1 : label.side.endsWith('left') ? -1 : 0, label.side.startsWith('top') ? -1 : label.side.startsWith('bottom') ? 1 : 0];
    const cx = label.x + dx * (w / 2 + 8);
    const cy = label.y + dy * (h / 2 + 8);
    return [dot, { x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 }];
  });
  for (const route of routes) {
    for (let i = 1; i < route.waypoints.length; i++) {
      const [x0, y0] = view.project([route.waypoints[i - 1]!.place.lon, route.waypoints[i - 1]!.place.lat]);
      const [x1, y1] = view.project([route.waypoints[i]!.place.lon, route.waypoints[i]!.place.lat]);
      const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / 6));
      for (let s = 0; s <= steps; s++) {
        const [x, y] = [x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps];
        avoid.push({ x0: x - 5, y0: y - 5, x1: x + 5, y1: y + 5 });
      }
    }
  }
  const areas = areaLabels(topology, basemap.land, view, { fontSize: areaRoom, avoid });

  const kinds = [...new Set(routes.flatMap((route) => routeRuns(route).map((run) => run.kind)))];
  const published = new Set(site.articles.map((article) => article.id));
  const details: RouteDetail[] = entries.map((entry) => ({
    route: entry.id,
    name: entry.data.name,
    operator: entry.data.operator,
    newsroom: entry.data.newsroom.description,
    reported: entry.data.reported
      .filter((r) => published.has(r.article.id))
      .map((r) => {
        const article = site.article(r.article.id);
        return { text: r.text, href: articleUrl(article.id), title: article.data.title, publisher: article.data.source.publisher };
      }),
    figures: entry.data.figures
      .flatMap((ref) => site.figures.filter((figure) => figure.id === ref.id))
      .map((figure) => ({ href: figureInArticleUrl(figure.data.article.id, figure.id), value: formatFigure(figure.data), measures: figure.data.measures })),
    topics: entry.data.topics.map((ref) => site.topic(ref.id)).map((topic) => ({ href: topicUrl(topic.id), name: topic.data.name })),
  }));
  const placeDetails: PlaceDetail[] = places.map((place) => {
    const entry = site.place(place.id);
    return { place: place.id, name: place.name, about: `${place.kind.replace('-', ' ')}, ${place.country}`, newsroom: entry.data.newsroom?.description };
  });

  const model: RouteMapModel = {
    key,
    title,
    summary,
    routes,
    view,
    kinds,
    details,
    svg: inBothSchemes((style) =>
      routeMapSvg({ routes, view, basemap, id: `route-map-${key}`, title, description: summary, labelRoom, labels, areas, scale: true, style }),
    ),
    data: {
      routes: routeFeatures(routes),
      legs: legFeatures(routes),
      places: placeFeatures(places),
      labelSides: Object.fromEntries(labels.map((label) => [label.place.id, label.side])),
      areas: areas.map(({ name, lines, kind, lon, lat }) => ({ name, lines, kind, lon: round(lon), lat: round(lat) })),
      bounds: view.bounds,
      basemap: basemapUrl(),
      tiles: tileLayerFrom(import.meta.env),
      details: { routes: details, places: placeDetails },
    },
  };
  bySite.set(key, model);
  return model;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Every list of routes a page draws with <RouteMap>, once each: the files src/pages/maps/routes/ writes. Articles
 * draw the lists their MDX names; topic pages the routes filed under the topic (src/pages/topics/[id].astro).
 */
export function routeMapsInSite(site: Site): string[][] {
  const seen = new Map<string, string[]>();
  const add = (ids: string[]) => {
    if (ids.length) seen.set(routeMapKey(ids), ids);
  };
  for (const article of site.articles) {
    for (const use of site.usesIn(article)) if (use.component === 'RouteMap') add(use.ids);
  }
  for (const topic of site.topics) add(site.topicItems(topic.id).routes.map((route) => route.id));
  return [...seen.values()];
}

export { routeMapFileUrl };
