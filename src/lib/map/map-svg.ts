/**
 * The static picture of a route map, drawn at build time from the same route data as the interactive map: land,
 * borders, one line per route styled by kind, and labelled places. It is what readers without JavaScript see, and
 * what everyone sees until the map scrolls near. A plain equirectangular projection, scaled by the cosine of the
 * middle latitude so that shapes keep their proportions at the latitudes shown.
 */
import type { Position } from 'geojson';
import type { Basemap } from './basemap';
import type { AreaLabel } from './area-labels';
import { boundsOf, padBounds, routePlaces, routeRuns, type Bounds, type MapPlace, type MapRoute } from './geo';

export interface MapView {
  /** The box shown, in degrees. */
  bounds: Bounds;
  width: number;
  height: number;
  /** [lon, lat] to [x, y] in the SVG's user units. */
  project: (position: Position) => [number, number];
}

/** The view that fits the routes' places, with a margin (`pad`, a fraction of their spread), in an aspect between 2:1 and 5:4. */
export function fitView(routes: readonly MapRoute[], width = 640, pad = 0.2): MapView {
  const padded = padBounds(boundsOf(routePlaces(routes)), pad, 1.5);
  const middle = (padded.north + padded.south) / 2;
  const k = Math.cos((middle * Math.PI) / 180);
  let lonSpan = padded.east - padded.west;
  let latSpan = padded.north - padded.south;
  const [flattest, tallest] = [0.5, 0.8];
  if (latSpan / (lonSpan * k) < flattest) latSpan = lonSpan * k * flattest;
  if (latSpan / (lonSpan * k) > tallest) lonSpan = latSpan / (k * tallest);
  const centre = { lon: (padded.east + padded.west) / 2, lat: middle };
  const bounds: Bounds = {
    west: centre.lon - lonSpan / 2,
    east: centre.lon + lonSpan / 2,
    south: centre.lat - latSpan / 2,
    north: centre.lat + latSpan / 2,
  };
  const scale = width / (lonSpan * k);
  const height = Math.round(latSpan * scale);
  return {
    bounds,
    width,
    height,
    project: (p) => [(p[0]! - bounds.west) * k * scale, (bounds.north - p[1]!) * scale],
  };
}

export type LabelSide = 'right' | 'left' | 'top' | 'bottom' | 'top-right' | 'bottom-right' | 'top-left' | 'bottom-left';

/** In order of preference: beside the dot reads best, then above or below, then diagonally. */
export const labelSides: readonly LabelSide[] = ['right', 'left', 'top', 'bottom', 'top-right', 'bottom-right', 'top-left', 'bottom-left'];

export interface PlacedLabel {
  place: MapPlace;
  x: number;
  y: number;
  side: LabelSide;
}

type Box = { x0: number; y0: number; x1: number; y1: number };

/** Where a label of width w and height h goes on each side of a dot at (x, y), `gap` away. */
function labelBox(side: LabelSide, x: number, y: number, w: number, h: number, gap: number): Box {
  const diagonal = gap * 0.7;
  switch (side) {
    case 'right': return { x0: x + gap, y0: y - h / 2, x1: x + gap + w, y1: y + h / 2 };
    case 'left': return { x0: x - gap - w, y0: y - h / 2, x1: x - gap, y1: y + h / 2 };
    case 'top': return { x0: x - w / 2, y0: y - gap - h, x1: x + w / 2, y1: y - gap };
    case 'bottom': return { x0: x - w / 2, y0: y + gap, x1: x + w / 2, y1: y + gap + h };
    case 'top-right': return { x0: x + diagonal, y0: y - diagonal - h, x1: x + diagonal + w, y1: y - diagonal };
    case 'bottom-right': return { x0: x + diagonal, y0: y + diagonal, x1: x + diagonal + w, y1: y + diagonal + h };
    case 'top-left': return { x0: x - diagonal - w, y0: y - diagonal - h, x1: x - diagonal, y1: y - diagonal };
    case 'bottom-left': return { x0: x - diagonal - w, y0: y + diagonal, x1: x - diagonal, y1: y + diagonal + h };
  }
}

/**
 * Puts each place's label on the side that stays inside the picture and clear of other labels, dots and route
 * lines, preferring the sides in `labelSides` order when several are clear. Widths are estimated from the number
 * of characters, which is close enough for a sans-serif face.
 */
export function placeLabels(places: readonly MapPlace[], view: MapView, fontSize = 13, routes: readonly MapRoute[] = []): PlacedLabel[] {
  const gap = 7;
  const dots: Box[] = places.map((place) => {
    const [x, y] = view.project([place.lon, place.lat]);
    return { x0: x - 4, y0: y - 4, x1: x + 4, y1: y + 4 };
  });
  // Route lines as points every few units: a label that covers a line hides where the route runs.
  const linePoints = routes.flatMap((route) =>
    route.waypoints.slice(1).flatMap((w, i) => {
      const [x0, y0] = view.project([route.waypoints[i]!.place.lon, route.waypoints[i]!.place.lat]);
      const [x1, y1] = view.project([w.place.lon, w.place.lat]);
      const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / 4));
      return Array.from({ length: steps + 1 }, (_, s) => [x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps] as const);
    }),
  );
  const placed: Box[] = [];
  const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  return places.map((place, index) => {
    const [x, y] = view.project([place.lon, place.lat]);
    const w = place.name.length * fontSize * 0.58;
    const h = fontSize * 1.2;
    const cost = (box: Box) =>
      (box.x0 < 0 || box.y0 < 0 || box.x1 > view.width || box.y1 > view.height ? 100 : 0) +
      placed.filter((other) => overlaps(box, other)).length * 50 +
      dots.filter((dot, other) => other !== index && overlaps(box, dot)).length * 20 +
      linePoints.filter(([px, py]) => px > box.x0 - 2 && px < box.x1 + 2 && py > box.y0 - 2 && py < box.y1 + 2).length;
    const scored = labelSides.map((side, order) => ({ side, box: labelBox(side, x, y, w, h, gap), order }));
    const best = scored.reduce((a, b) => (cost(b.box) < cost(a.box) ? b : a));
    placed.push(best.box);
    return { place, x, y, side: best.side };
  });
}

export interface RouteMapSvgInput {
  routes: readonly MapRoute[];
  view: MapView;
  basemap: Basemap;
  /** Prefix for the ids inside the SVG, unique on the page. */
  id: string;
  title: string;
  description: string;
  fontSize?: number;
  /** The font size labels are placed for, when CSS may draw them larger than `fontSize`. */
  labelRoom?: number;
  /** The labels as `placeLabels` placed them for these routes, view and `labelRoom`, when the caller has them already. */
  labels?: readonly PlacedLabel[];
  /** Names of countries and seas (area-labels.ts), drawn under the routes. */
  areas?: readonly AreaLabel[];
  /** Draws a scale bar in kilometres in the lower left corner. */
  scale?: boolean;
  /** A stylesheet for the picture when it is a file of its own (an <img>), where the page's CSS does not reach. */
  style?: string;
}

/** The SVG markup of a route map. Every text is escaped here, as the markup is written into the page as it is. */
export function routeMapSvg({ routes, view, basemap, id, title, description, fontSize = 13, labelRoom = fontSize, labels: placed, areas = [], scale = false, style }: RouteMapSvgInput): string {
  const line = (points: readonly Position[]) => pathOf(points.map(view.project));
  const { land, borders } = basemapPaths(basemap, view);
  const labels = placed ?? placeLabels(routePlaces(routes), view, labelRoom, routes);
  const labelAt = (l: PlacedLabel) => {
    const [dx, dy] = labelOffset[l.side];
    const anchor = l.side.endsWith('right') ? 'start' : l.side.endsWith('left') ? 'end' : 'middle';
    const baseline = l.side.startsWith('top') ? 'auto' : l.side.startsWith('bottom') ? 'hanging' : 'central';
    return attrs({ x: round(l.x + dx), y: round(l.y + dy), 'text-anchor': anchor, 'dominant-baseline': baseline });
  };

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" ${attrs({
      class: 'route-map-svg',
      viewBox: `0 0 ${view.width} ${view.height}`,
      role: 'img',
      'aria-labelledby': `${id}-title ${id}-desc`,
    })}>`,
    `<title id="${escape(id)}-title">${escape(title)}</title>`,
    `<desc id="${escape(id)}-desc">${escape(description)}</desc>`,
    style && `<style>${style}</style>`,
    `<rect class="water" width="${view.width}" height="${view.height}"/>`,
    land && `<path class="land" fill-rule="evenodd" d="${land}"/>`,
    borders && `<path class="borders" d="${borders}"/>`,
    areas.length > 0 && `<g class="areas" font-size="${fontSize}">`,
    ...areas.map((area) => {
      const text = (line: string) => escape(area.kind === 'country' ? line.toUpperCase() : line);
      const at = { class: `area area--${area.kind}`, x: round(area.x), 'text-anchor': 'middle', 'dominant-baseline': 'central' };
      if (area.lines.length === 1) return `<text ${attrs({ ...at, y: round(area.y) })}>${text(area.lines[0]!)}</text>`;
      // Two lines a line-height apart, centred on the point: em units, so they follow the size the CSS sets.
      return `<text ${attrs({ ...at, y: round(area.y) })}>${area.lines.map((line, i) => `<tspan ${attrs({ x: round(area.x), dy: i === 0 ? `${-0.6 * (area.lines.length - 1)}em` : '1.2em' })}>${text(line)}</tspan>`).join('')}</text>`;
    }),
    areas.length > 0 && '</g>',
    '<g class="routes">',
    ...routes.map((route) =>
      [
        `<g ${attrs({ class: 'route', 'data-route': route.id })}>`,
        // The whole route as one path: a halo under the legs that keeps the line readable on land and water.
        `<path ${attrs({ class: 'route-line', d: line(route.waypoints.map((w) => [w.place.lon, w.place.lat])) })}/>`,
        ...routeRuns(route).map(
          (run) => `<path ${attrs({ class: `route-leg route-leg--${run.kind}`, d: line(run.places.map((p) => [p.lon, p.lat])) })}/>`,
        ),
        '</g>',
      ].join(''),
    ),
    '</g>',
    `<g class="places" font-size="${fontSize}">`,
    ...labels.map(
      (label) =>
        `<g ${attrs({ class: `place place--${label.place.kind}` })}>` +
        `<circle ${attrs({ cx: round(label.x), cy: round(label.y), r: 4 })}/>` +
        `<text ${labelAt(label)}>${escape(label.place.name)}</text></g>`,
    ),
    '</g>',
    scale && scaleBar(view),
    '</svg>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A round distance that takes about a fifth of the picture's width, as a bar with its length in km. */
export function scaleBar(view: MapView): string {
  const { km, length } = scaleLength(view);
  const [x, y] = [12, view.height - 14];
  return (
    `<g class="scale">` +
    `<path ${attrs({ class: 'scale-bar', d: `M${x} ${y - 5}V${y}H${round(x + length)}V${y - 5}` })}/>` +
    `<text ${attrs({ x: round(x + length + 6), y, 'dominant-baseline': 'central' })}>${km.toLocaleString('en-GB')} km</text></g>`
  );
}

/** How many kilometres a scale bar stands for and how long it is, at the middle latitude of the view. */
export function scaleLength(view: MapView, fraction = 0.2): { km: number; length: number } {
  const lat = (view.bounds.north + view.bounds.south) / 2;
  const lon = (view.bounds.west + view.bounds.east) / 2;
  const unitsPerDegree = view.project([lon + 1, lat])[0] - view.project([lon, lat])[0];
  const unitsPerKm = unitsPerDegree / (111.32 * Math.cos((lat * Math.PI) / 180));
  const wanted = (view.width * fraction) / unitsPerKm;
  const magnitude = 10 ** Math.floor(Math.log10(wanted));
  const km = [5, 2, 1].map((step) => step * magnitude).find((step) => step <= wanted) ?? magnitude;
  return { km, length: km * unitsPerKm };
}

/** Projected points as path data: "M x y L x y ...", to a tenth of a unit. */
const pathOf = (points: readonly (readonly [number, number])[]) => `M${points.map(([x, y]) => `${round(x)} ${round(y)}`).join('L')}`;

// Land and borders are most of a map's points and depend only on the basemap and the view; pages that show the same
// routes show the same view, so each is drawn once per build.
const pathsByBasemap = new WeakMap<Basemap['land'], Map<string, { land: string; borders: string }>>();

function basemapPaths(basemap: Basemap, view: MapView): { land: string; borders: string } {
  const key = JSON.stringify([view.bounds, view.width, view.height]);
  let byView = pathsByBasemap.get(basemap.land);
  if (!byView) pathsByBasemap.set(basemap.land, (byView = new Map()));
  let paths = byView.get(key);
  if (!paths) {
    // Drop points that project within half a unit of the last kept one: detail the picture cannot show.
    const thin = (points: readonly Position[]) => {
      const kept: [number, number][] = [];
      let last: [number, number] | undefined;
      points.forEach((p, index) => {
        const xy = view.project(p);
        if (!last || index === points.length - 1 || Math.hypot(xy[0] - last[0], xy[1] - last[1]) >= 0.5) {
          kept.push(xy);
          last = xy;
        }
      });
      return kept;
    };
    paths = {
      land: basemap.land.flatMap((polygon) => polygon.map((ring) => `${pathOf(thin(ring))}Z`)).join(''),
      borders: basemap.borders.map((border) => pathOf(thin(border))).join(''),
    };
    byView.set(key, paths);
  }
  return paths;
}

/** How far a label's anchor point sits from its dot, by side. */
const labelOffset: Record<LabelSide, [number, number]> = {
  right: [7, 0],
  left: [-7, 0],
  top: [0, -8],
  bottom: [0, 8],
  'top-right': [5, -5],
  'bottom-right': [5, 5],
  'top-left': [-5, -5],
  'bottom-left': [-5, 5],
};

const round = (n: number) => Math.round(n * 10) / 10;

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}="${escape(String(value))}"`)
    .join(' ');
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
