/**
 * Names of the countries and seas a map shows, placed where they fit: a reader cannot tell Kazakhstan from Russia by
 * their borders alone (issue 17). Countries come from Natural Earth's own names (world-atlas `countries`); seas, which
 * Natural Earth's land file does not name, from the short list below. A name goes where its whole box stands on its
 * country (or on water, for a sea), clear of the route lines and the place labels, as near the middle as it can.
 */
import type { Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { apart, clipRing } from './basemap';
import type { MapView } from './map-svg';

export interface AreaLabel {
  name: string;
  /** The name as set: one line, or two where a sea is too narrow for it ("Caspian" over "Sea"). */
  lines: string[];
  kind: 'country' | 'sea';
  /** Where the middle of the name goes, in the picture's units and as [lon, lat] for the interactive map. */
  x: number;
  y: number;
  lon: number;
  lat: number;
}

/** A box in the picture's units that names must keep clear of. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Seas and large lakes by name, each with the box (west, south, east, north) its name may stand in. Only those a
 * map's view reaches are considered, and a name is only drawn on water.
 */
export const seas: readonly { name: string; box: [number, number, number, number] }[] = [
  { name: 'Caspian Sea', box: [47, 37, 54, 46.5] },
  { name: 'Black Sea', box: [28, 41.5, 41, 46.5] },
  { name: 'Sea of Azov', box: [35, 45.5, 39, 47] },
  { name: 'Mediterranean Sea', box: [-5, 31, 35, 44] },
  { name: 'Persian Gulf', box: [48.5, 24.5, 56, 30] },
  { name: 'Red Sea', box: [33, 13, 43, 28] },
  { name: 'Arabian Sea', box: [55, 8, 72, 22] },
  { name: 'Baltic Sea', box: [14, 54, 24, 60] },
  { name: 'Aegean Sea', box: [23, 36, 27, 40.5] },
];

interface Shape {
  name: string;
  /** Outer rings of the country's polygons, in lon/lat. */
  rings: Position[][];
}

const shapes = new WeakMap<Topology, Shape[]>();

function countryShapes(topology: Topology): Shape[] {
  let found = shapes.get(topology);
  if (found) return found;
  const objects = topology.objects as { countries?: GeometryCollection };
  if (!objects.countries) throw new Error('countryLabels: expected a world-atlas topology with `countries`.');
  const collection = feature(topology, objects.countries) as unknown as {
    features: { properties: { name?: string }; geometry: { type: string; coordinates: unknown } | null }[];
  };
  found = collection.features.flatMap((f) => {
    const name = f.properties.name;
    if (!name || !f.geometry) return [];
    const polygons =
      f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates as Position[][]]
        : f.geometry.type === 'MultiPolygon'
          ? (f.geometry.coordinates as Position[][][])
          : [];
    return [{ name, rings: polygons.map((polygon) => polygon[0]!) }];
  });
  shapes.set(topology, found);
  return found;
}

type XY = [number, number];

/**
 * A ring ready for point tests: its box, and its edges sorted into horizontal bands, so that a test walks only the
 * edges whose heights span the point's band instead of the whole ring (a continent's outline runs to hundreds of
 * points, and a map tests thousands of points against it).
 */
interface Ring {
  points: readonly XY[];
  box: Box;
  /** For each band, the index `i` of every edge from point `i - 1` (the last point, for 0) to point `i` that reaches it. */
  bands: number[][];
  bandHeight: number;
}

const bandCount = 32;

function withBox(points: readonly XY[]): Ring {
  const box: Box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const [x, y] of points) {
    if (x < box.x0) box.x0 = x;
    if (y < box.y0) box.y0 = y;
    if (x > box.x1) box.x1 = x;
    if (y > box.y1) box.y1 = y;
  }
  const bandHeight = (box.y1 - box.y0) / bandCount || 1;
  const band = (y: number) => Math.min(bandCount - 1, Math.max(0, Math.floor((y - box.y0) / bandHeight)));
  const bands: number[][] = Array.from({ length: bandCount }, () => []);
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [a, b] = [points[i]![1], points[j]![1]];
    for (let k = band(Math.min(a, b)); k <= band(Math.max(a, b)); k++) bands[k]!.push(i);
  }
  return { points, box, bands, bandHeight };
}

/**
 * Whether a point is inside a ring, by the crossings of a ray to its left (even-odd). Answered from the box first where
 * that is certain: above or below it no edge is crossed; left or right of it (by more than rounding could move a
 * crossing) every crossing or none counts, an even number in a closed ring. Otherwise only the edges of the point's
 * band are walked: an edge that does not reach the band cannot span the point's height, and no other edge counts.
 */
function insideRing(point: XY, { points, box, bands, bandHeight }: Ring): boolean {
  const [x, y] = point;
  if (y < box.y0 || y > box.y1 || x < box.x0 - 1e-6 || x > box.x1 + 1e-6) return false;
  let within = false;
  for (const i of bands[Math.min(bandCount - 1, Math.floor((y - box.y0) / bandHeight))]!) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[i === 0 ? points.length - 1 : i - 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) within = !within;
  }
  return within;
}

const area = (ring: readonly XY[]) => Math.abs(ring.reduce((sum, [x, y], i) => { const [nx, ny] = ring[(i + 1) % ring.length]!; return sum + x * ny - nx * y; }, 0)) / 2;

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The box a name of `name.length` letters takes at `fontSize`, set in capitals with some letter spacing. */
export function nameBox(name: string | readonly string[], x: number, y: number, fontSize: number, kind: AreaLabel['kind']): Box {
  const lines = typeof name === 'string' ? [name] : name;
  const w = Math.max(...lines.map((line) => line.length)) * fontSize * (kind === 'country' ? 0.78 : 0.6);
  const h = fontSize * 1.25 * lines.length;
  return { x0: x - w / 2, y0: y - h / 2, x1: x + w / 2, y1: y + h / 2 };
}

/**
 * Candidate points on a grid over a box, nearest its middle first (in the grid's order where equally near), leaving
 * out those `keep` refuses before they are ordered: a locator map looks at a grid for each country in view, and most
 * points of a small country's grid cannot hold its name.
 */
function grid(box: Box, steps: number, keep: (point: XY) => boolean): XY[] {
  const points: XY[] = [];
  for (let i = 1; i < steps; i++) {
    for (let j = 1; j < steps; j++) {
      const point: XY = [box.x0 + ((box.x1 - box.x0) * i) / steps, box.y0 + ((box.y1 - box.y0) * j) / steps];
      if (keep(point)) points.push(point);
    }
  }
  const [cx, cy] = [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2];
  // Each point's distance worked out once, and the indexes sorted.
  const distance = Float64Array.from(points, ([x, y]) => Math.hypot(x - cx, y - cy));
  const order = Array.from(points.keys()).sort((a, b) => distance[a]! - distance[b]! || a - b);
  return order.map((index) => points[index]!);
}

/**
 * Whether a box stands within a ring's box, as far as `insideRing` can tell from the box alone: a name box reaching
 * past its country's box has a corner outside the country, which this answers without a walk round the ring.
 */
const withinRingBox = (b: Box, { box }: Ring): boolean => b.y0 >= box.y0 && b.y1 <= box.y1 && b.x0 >= box.x0 - 1e-6 && b.x1 <= box.x1 + 1e-6;

const corners = (b: Box): XY[] => [[b.x0, b.y0], [b.x1, b.y0], [b.x0, b.y1], [b.x1, b.y1], [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2]];

/** Inverse of the view's projection, for the interactive map's [lon, lat]. */
function unproject(view: MapView, [x, y]: XY): [number, number] {
  const [x0, y0] = view.project([view.bounds.west, view.bounds.north]);
  const [x1, y1] = view.project([view.bounds.east, view.bounds.south]);
  return [view.bounds.west + ((x - x0) / (x1 - x0)) * (view.bounds.east - view.bounds.west), view.bounds.north - ((y - y0) / (y1 - y0)) * (view.bounds.north - view.bounds.south)];
}

export interface AreaLabelOptions {
  fontSize: number;
  /** Boxes to keep clear of: place labels and dots, points along the route lines. */
  avoid: readonly Box[];
  /** Names to leave out (e.g. none), for tests. */
  limit?: number;
}

/**
 * Country and sea names for a view, from the world-atlas topology and the land polygons the picture draws. Each
 * placed name is added to the boxes later names avoid, so no two names overlap.
 */
export function areaLabels(topology: Topology, land: readonly Position[][][], view: MapView, { fontSize, avoid }: AreaLabelOptions): AreaLabel[] {
  const taken: Box[] = [...avoid];
  const labels: AreaLabel[] = [];
  const frame: Box = { x0: 2, y0: 2, x1: view.width - 2, y1: view.height - 2 };
  const within = (b: Box) => b.x0 >= frame.x0 && b.y0 >= frame.y0 && b.x1 <= frame.x1 && b.y1 <= frame.y1;
  const project = (ring: readonly Position[]) => ring.map((p) => view.project(p) as XY);

  // Countries: the largest piece of each inside the view, biggest countries first, so they get the best places.
  const pieces = countryShapes(topology)
    .map((shape) => {
      const clipped = shape.rings
        .filter((ring) => !apart(ring, view.bounds))
        .map((ring) => project(clipRing(ring, view.bounds)))
        .filter((ring) => ring.length >= 4);
      const largest = clipped.sort((a, b) => area(b) - area(a))[0];
      return largest ? { name: shape.name, ring: largest, area: area(largest) } : undefined;
    })
    .filter((piece): piece is { name: string; ring: XY[]; area: number } => Boolean(piece))
    .sort((a, b) => b.area - a.area);
  for (const piece of pieces) {
    const ring = withBox(piece.ring);
    const bbox = ring.box;
    if (bbox.x1 - bbox.x0 < nameBox(piece.name, 0, 0, fontSize, 'country').x1 * 2) continue;
    // The cheap tests first: each is true or false whatever the order, and the walk round the ring is the dearest.
    const fits = ([x, y]: XY) => {
      const box = nameBox(piece.name, x, y, fontSize, 'country');
      return within(box) && withinRingBox(box, ring);
    };
    const spot = grid(bbox, 14, fits).find(([x, y]) => {
      const box = nameBox(piece.name, x, y, fontSize, 'country');
      return !taken.some((other) => overlaps(box, other)) && corners(box).every((corner) => insideRing(corner, ring));
    });
    if (!spot) continue;
    taken.push(nameBox(piece.name, spot[0], spot[1], fontSize, 'country'));
    const [lon, lat] = unproject(view, spot);
    labels.push({ name: piece.name, lines: [piece.name], kind: 'country', x: spot[0], y: spot[1], lon, lat });
  }

  // Seas: on water only, within their own box.
  const landRings = land.flatMap((polygon) => polygon.map((ring) => withBox(project(ring))));
  const onLand = (point: XY) => {
    let count = 0;
    for (const ring of landRings) if (insideRing(point, ring)) count++;
    return count % 2 === 1;
  };
  for (const sea of seas) {
    const [w, s, e, n] = sea.box;
    if (e < view.bounds.west || w > view.bounds.east || n < view.bounds.south || s > view.bounds.north) continue;
    const [x0, y0] = view.project([Math.max(w, view.bounds.west), Math.min(n, view.bounds.north)]);
    const [x1, y1] = view.project([Math.min(e, view.bounds.east), Math.max(s, view.bounds.south)]);
    const words = sea.name.split(' ');
    const settings = words.length > 1 ? [[sea.name], [words.slice(0, -1).join(' '), words.at(-1)!]] : [[sea.name]];
    for (const lines of settings) {
      const spot = grid({ x0, y0, x1, y1 }, 12, ([x, y]) => within(nameBox(lines, x, y, fontSize, 'sea'))).find(([x, y]) => {
        const box = nameBox(lines, x, y, fontSize, 'sea');
        return !taken.some((other) => overlaps(box, other)) && corners(box).every((corner) => !onLand(corner));
      });
      if (!spot) continue;
      taken.push(nameBox(lines, spot[0], spot[1], fontSize, 'sea'));
      const [lon, lat] = unproject(view, spot);
      labels.push({ name: sea.name, lines, kind: 'sea', x: spot[0], y: spot[1], lon, lat });
      break;
    }
  }
  return labels;
}
