/**
 * The country shapes under a route map, cut from Natural Earth (the world-atlas TopoJSON) to the box the map shows,
 * so a page or the map's JSON carries a region and not the world. Land is drawn as a fill and borders as lines of
 * their own, so where the cut runs through a country no false coastline appears.
 */
import type { FeatureCollection, Geometry, MultiLineString, MultiPolygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Bounds } from './geo';

export interface Basemap {
  bounds: Bounds;
  /** Polygons of land, each a list of rings of [lon, lat]. */
  land: Position[][][];
  /** Borders between countries, each a line of [lon, lat]. */
  borders: Position[][];
}

export interface TrimOptions {
  /** Points closer than this many degrees to the last kept point are dropped. */
  tolerance: number;
  /** Decimal places kept in coordinates. */
  precision: number;
}

/** The topology decoded once: land polygons and country borders as coordinates, before any cut. */
interface Decoded {
  land: Position[][][];
  borders: Position[][];
}

// Decoding Natural Earth 1:50m takes far longer than cutting it, and a build draws a map on every page with one:
// decode each topology once, and cut each box once.
const decoded = new WeakMap<Topology, Decoded>();
const trimmed = new WeakMap<Topology, Map<string, Basemap>>();

/** World-atlas topology (countries-50m.json and the like: objects `land` and `countries`) cut to `bounds`. */
export function trimBasemap(
  topology: Topology,
  bounds: Bounds,
  { tolerance, precision }: TrimOptions = { tolerance: 0.02, precision: 3 },
): Basemap {
  const key = JSON.stringify([bounds.west, bounds.south, bounds.east, bounds.north, tolerance, precision]);
  let cuts = trimmed.get(topology);
  if (!cuts) trimmed.set(topology, (cuts = new Map()));
  let basemap = cuts.get(key);
  if (!basemap) {
    basemap = cut(decode(topology), bounds, { tolerance, precision });
    cuts.set(key, basemap);
  }
  // Callers get their own copy of the bounds; the coordinates are shared and never changed.
  return { ...basemap, bounds: { ...bounds } };
}

function decode(topology: Topology): Decoded {
  let found = decoded.get(topology);
  if (found) return found;
  const objects = topology.objects as { land?: GeometryCollection; countries?: GeometryCollection };
  if (!objects.land || !objects.countries) throw new Error('trimBasemap: expected a world-atlas topology with `land` and `countries`.');
  const borderMesh: MultiLineString = mesh(topology, objects.countries, (a, b) => a !== b);
  found = { land: polygonsOf(feature(topology, objects.land)), borders: borderMesh.coordinates };
  decoded.set(topology, found);
  return found;
}

function cut({ land: polygons, borders: lines }: Decoded, bounds: Bounds, { tolerance, precision }: TrimOptions): Basemap {
  const round = (p: Position): Position => [roundTo(p[0]!, precision), roundTo(p[1]!, precision)];

  const land: Position[][][] = [];
  for (const polygon of polygons) {
    const rings = polygon
      .filter((ring) => !apart(ring, bounds))
      .map((ring) => simplify(clipRing(ring, bounds), tolerance, true).map(round))
      .filter((ring) => ring.length >= 4);
    if (rings.length) land.push(rings);
  }

  const borders = lines
    .filter((line) => !apart(line, bounds))
    .flatMap((line) => clipLine(line, bounds))
    .map((line) => simplify(line, tolerance, false).map(round))
    .filter((line) => line.length >= 2);

  return { bounds, land, borders };
}

/** The basemap as GeoJSON for Leaflet: a `land` MultiPolygon and a `borders` MultiLineString. */
export function basemapGeoJSON(basemap: Basemap): FeatureCollection<MultiPolygon | MultiLineString, { layer: 'land' | 'borders' }> {
  return {
    type: 'FeatureCollection',
    bbox: [basemap.bounds.west, basemap.bounds.south, basemap.bounds.east, basemap.bounds.north],
    features: [
      { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: basemap.land }, properties: { layer: 'land' } },
      { type: 'Feature', geometry: { type: 'MultiLineString', coordinates: basemap.borders }, properties: { layer: 'borders' } },
    ],
  };
}

function polygonsOf(collection: FeatureCollection | { type: 'Feature'; geometry: Geometry }): Position[][][] {
  const geometries = collection.type === 'FeatureCollection' ? collection.features.map((f) => f.geometry) : [collection.geometry];
  return geometries.flatMap((geometry) =>
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [],
  );
}

const roundTo = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** The box (west, south, east, north) of each ring or line met, worked out once: the topologies never change. */
const extents = new WeakMap<readonly Position[], [number, number, number, number]>();

/**
 * Whether a ring or line lies wholly on the far side of one of the box's edges, so that cutting it to the box
 * (clipRing, clipLine) leaves nothing: a map shows a region, and most of the world's shapes are skipped this way
 * instead of cut point by point (about 2 ms of each of a thousand locator maps, docs/scale.md). Strict comparisons,
 * as the cuts keep points on an edge.
 */
export function apart(points: readonly Position[], b: Bounds): boolean {
  let extent = extents.get(points);
  if (!extent) {
    extent = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [lon, lat] of points) {
      if (lon! < extent[0]) extent[0] = lon!;
      if (lat! < extent[1]) extent[1] = lat!;
      if (lon! > extent[2]) extent[2] = lon!;
      if (lat! > extent[3]) extent[3] = lat!;
    }
    extents.set(points, extent);
  }
  return extent[2] < b.west || extent[0] > b.east || extent[3] < b.south || extent[1] > b.north;
}

/** Sutherland–Hodgman: a ring cut to a box. Concave rings may keep edges along the box, which a fill hides. */
export function clipRing(ring: readonly Position[], b: Bounds): Position[] {
  type Edge = { inside: (p: Position) => boolean; cross: (p: Position, q: Position) => Position };
  const atX = (x: number) => (p: Position, q: Position): Position => [x, p[1]! + ((q[1]! - p[1]!) * (x - p[0]!)) / (q[0]! - p[0]!)];
  const atY = (y: number) => (p: Position, q: Position): Position => [p[0]! + ((q[0]! - p[0]!) * (y - p[1]!)) / (q[1]! - p[1]!), y];
  const edges: Edge[] = [
    { inside: (p) => p[0]! >= b.west, cross: atX(b.west) },
    { inside: (p) => p[0]! <= b.east, cross: atX(b.east) },
    { inside: (p) => p[1]! >= b.south, cross: atY(b.south) },
    { inside: (p) => p[1]! <= b.north, cross: atY(b.north) },
  ];
  let output = ring.slice(0, ring.length > 1 && samePoint(ring[0]!, ring.at(-1)!) ? -1 : undefined);
  for (const edge of edges) {
    const input = output;
    output = [];
    input.forEach((current, index) => {
      const previous = input[(index + input.length - 1) % input.length]!;
      if (edge.inside(current)) {
        if (!edge.inside(previous)) output.push(edge.cross(previous, current));
        output.push(current);
      } else if (edge.inside(previous)) {
        output.push(edge.cross(previous, current));
      }
    });
    if (output.length === 0) return [];
  }
  return [...output, output[0]!];
}

/** Liang–Barsky per segment: the parts of a line inside a box, as separate lines. */
export function clipLine(line: readonly Position[], b: Bounds): Position[][] {
  const lines: Position[][] = [];
  let current: Position[] = [];
  for (let i = 1; i < line.length; i++) {
    const segment = clipSegment(line[i - 1]!, line[i]!, b);
    if (!segment) {
      if (current.length) lines.push(current);
      current = [];
      continue;
    }
    const [start, end] = segment;
    if (!current.length || !samePoint(current.at(-1)!, start)) {
      if (current.length) lines.push(current);
      current = [start];
    }
    current.push(end);
  }
  if (current.length) lines.push(current);
  return lines;
}

function clipSegment(p: Position, q: Position, b: Bounds): [Position, Position] | undefined {
  const [x0, y0] = [p[0]!, p[1]!];
  const [dx, dy] = [q[0]! - x0, q[1]! - y0];
  let [t0, t1] = [0, 1];
  const checks: [number, number][] = [
    [-dx, x0 - b.west],
    [dx, b.east - x0],
    [-dy, y0 - b.south],
    [dy, b.north - y0],
  ];
  for (const [denominator, numerator] of checks) {
    if (denominator === 0) {
      if (numerator < 0) return undefined;
      continue;
    }
    const t = numerator / denominator;
    if (denominator < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return undefined;
  }
  const at = (t: number): Position => (t === 0 ? p : t === 1 ? q : [x0 + t * dx, y0 + t * dy]);
  return [at(t0), at(t1)];
}

const samePoint = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Drops points within `tolerance` of the last kept one; keeps the ends (and so a ring's closure). */
export function simplify(points: readonly Position[], tolerance: number, ring: boolean): Position[] {
  if (points.length <= 2) return [...points];
  const kept: Position[] = [points[0]!];
  for (let i = 1; i < points.length - 1; i++) {
    const last = kept.at(-1)!;
    if (Math.hypot(points[i]![0]! - last[0]!, points[i]![1]! - last[1]!) >= tolerance) kept.push(points[i]!);
  }
  kept.push(points.at(-1)!);
  return ring && kept.length < 4 ? [] : kept;
}
