/**
 * Routes and places as geography: legs by kind, GeoJSON for the interactive map, bounds and the text summary that
 * stands in for the map. Pure functions over plain objects, so the static SVG, the Leaflet map and the unit tests
 * share one reading of the route data. GeoJSON positions are [longitude, latitude] (RFC 7946 §3.1.1).
 */
import type { Feature, FeatureCollection, LineString, Point, Position } from 'geojson';
import type { routeKinds } from '../../schemas/common';

export type RouteKind = (typeof routeKinds)[number];

/** A place as the map needs it. */
export interface MapPlace {
  id: string;
  name: string;
  kind: string;
  country: string;
  lat: number;
  lon: number;
}

/** A route with its waypoints resolved to places. */
export interface MapRoute {
  id: string;
  name: string;
  /** How most of the route runs. */
  kind: RouteKind;
  /** In order; `via` is how the leg into this waypoint runs when it differs from the route's kind. */
  waypoints: { place: MapPlace; via?: RouteKind | undefined }[];
}

/** The stretch between two consecutive waypoints. */
export interface Leg {
  from: MapPlace;
  to: MapPlace;
  kind: RouteKind;
}

/** Consecutive legs of one kind, joined: what the map draws in one line style. */
export interface Run {
  kind: RouteKind;
  places: MapPlace[];
}

export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** [longitude, latitude], the GeoJSON order. */
export const position = (place: Pick<MapPlace, 'lat' | 'lon'>): Position => [place.lon, place.lat];

/** Each leg of a route, with its kind: the waypoint's `via` if it has one, else the route's kind. */
export function routeLegs(route: MapRoute): Leg[] {
  return route.waypoints.slice(1).map((waypoint, index) => ({
    from: route.waypoints[index]!.place,
    to: waypoint.place,
    kind: waypoint.via ?? route.kind,
  }));
}

/** A route cut where its kind changes: the Middle Corridor is a shipping run Aktau–Baku, then a rail run to Kars. */
export function routeRuns(route: MapRoute): Run[] {
  const runs: Run[] = [];
  for (const leg of routeLegs(route)) {
    const last = runs.at(-1);
    if (last && last.kind === leg.kind) last.places.push(leg.to);
    else runs.push({ kind: leg.kind, places: [leg.from, leg.to] });
  }
  return runs;
}

export interface RouteProperties {
  route: string;
  name: string;
  kind: RouteKind;
}

/** One LineString per route through all its waypoints: the line a reader picks to learn about the route. */
export function routeFeatures(routes: readonly MapRoute[]): FeatureCollection<LineString, RouteProperties> {
  return {
    type: 'FeatureCollection',
    features: routes.map((route) => ({
      type: 'Feature',
      id: route.id,
      geometry: { type: 'LineString', coordinates: route.waypoints.map((w) => position(w.place)) },
      properties: { route: route.id, name: route.name, kind: route.kind },
    })),
  };
}

/** One LineString per run of a route, each with the kind that decides its line style. */
export function legFeatures(routes: readonly MapRoute[]): FeatureCollection<LineString, RouteProperties> {
  return {
    type: 'FeatureCollection',
    features: routes.flatMap((route) =>
      routeRuns(route).map(
        (run): Feature<LineString, RouteProperties> => ({
          type: 'Feature',
          geometry: { type: 'LineString', coordinates: run.places.map(position) },
          properties: { route: route.id, name: route.name, kind: run.kind },
        }),
      ),
    ),
  };
}

export interface PlaceProperties {
  place: string;
  name: string;
  kind: string;
  country: string;
}

/** The places the routes pass, once each, in the order the routes first reach them. */
export function routePlaces(routes: readonly MapRoute[]): MapPlace[] {
  const seen = new Map<string, MapPlace>();
  for (const route of routes) for (const { place } of route.waypoints) if (!seen.has(place.id)) seen.set(place.id, place);
  return [...seen.values()];
}

export function placeFeatures(places: readonly MapPlace[]): FeatureCollection<Point, PlaceProperties> {
  return {
    type: 'FeatureCollection',
    features: places.map((place) => ({
      type: 'Feature',
      id: place.id,
      geometry: { type: 'Point', coordinates: position(place) },
      properties: { place: place.id, name: place.name, kind: place.kind, country: place.country },
    })),
  };
}

/** The smallest box around the places. */
export function boundsOf(places: readonly Pick<MapPlace, 'lat' | 'lon'>[]): Bounds {
  if (places.length === 0) throw new Error('boundsOf: no places to bound.');
  return {
    west: Math.min(...places.map((p) => p.lon)),
    south: Math.min(...places.map((p) => p.lat)),
    east: Math.max(...places.map((p) => p.lon)),
    north: Math.max(...places.map((p) => p.lat)),
  };
}

/** A box grown on every side by `fraction` of its size, and by at least `minimum` degrees; kept on the globe. */
export function padBounds(bounds: Bounds, fraction: number, minimum = 0): Bounds {
  const dx = Math.max((bounds.east - bounds.west) * fraction, minimum);
  const dy = Math.max((bounds.north - bounds.south) * fraction, minimum);
  return {
    west: Math.max(-180, bounds.west - dx),
    south: Math.max(-85, bounds.south - dy),
    east: Math.min(180, bounds.east + dx),
    north: Math.min(85, bounds.north + dy),
  };
}

const by: Record<RouteKind, string> = { pipeline: 'by pipeline', shipping: 'by sea', rail: 'by rail', road: 'by road' };

/** How a route runs, in words, e.g. "by sea from Aktau (Kazakhstan) to Baku (Azerbaijan), then by rail through Tbilisi (Georgia) to Kars (Turkey)". */
export function describeRoute(route: MapRoute): string {
  const named = (place: MapPlace) => `${place.name} (${place.country})`;
  return routeRuns(route)
    .map((run, index) => {
      const [start, ...rest] = run.places;
      const end = rest.pop()!;
      return [
        by[run.kind],
        // A later run starts where the one before it ended, which the sentence has already named.
        index === 0 ? `from ${named(start!)}` : '',
        rest.length ? `through ${listOf(rest.map(named))}` : '',
        `to ${named(end)}`,
      ]
        .filter(Boolean)
        .join(' ');
    })
    .join(', then ');
}

/** The text alternative of a map: how many routes, and how each one runs. */
export function summariseRoutes(routes: readonly MapRoute[]): string {
  const count = routes.length === 1 ? 'one route' : `${routes.length} routes`;
  return `A map of ${count}. ${routes.map((route) => `${route.name}: ${describeRoute(route)}.`).join(' ')}`;
}

/** "a", "a and b", "a, b and c" */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The shape of place and route entries this module reads (as in the content collections). */
interface PlaceEntry {
  id: string;
  data: { name: string; kind: string; country: string; location: { lat: number; lon: number } };
}
interface RouteEntry {
  id: string;
  data: { name: string; kind: RouteKind; waypoints: { place: { id: string }; via?: RouteKind | undefined }[] };
}

export const toMapPlace = (entry: PlaceEntry): MapPlace => ({
  id: entry.id,
  name: entry.data.name,
  kind: entry.data.kind,
  country: entry.data.country,
  lat: entry.data.location.lat,
  lon: entry.data.location.lon,
});

/** A route entry with its waypoints' place references resolved through `place` (e.g. `site.place`). */
export function toMapRoute(entry: RouteEntry, place: (id: string) => PlaceEntry): MapRoute {
  return {
    id: entry.id,
    name: entry.data.name,
    kind: entry.data.kind,
    waypoints: entry.data.waypoints.map((w) => ({ place: toMapPlace(place(w.place.id)), via: w.via })),
  };
}
