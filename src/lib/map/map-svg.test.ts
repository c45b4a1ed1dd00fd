import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';
import { trimBasemap, type Basemap } from './basemap';
import type { MapPlace, MapRoute } from './geo';
import { fitView, labelSides, placeLabels, routeMapSvg } from './map-svg';

const place = (id: string, name: string, lat: number, lon: number): MapPlace => ({ id, name, kind: 'city', country: 'X', lat, lon });
const tengiz = place('tengiz', 'Tengiz oil field', 46.15, 53.38);
const novorossiysk = place('novorossiysk', 'Novorossiysk', 44.72, 37.77);
const aktau = place('aktau', 'Aktau', 43.65, 51.16);
const baku = place('baku', 'Baku', 40.41, 49.87);
const kars = place('kars', 'Kars', 40.6, 43.1);
const cpc: MapRoute = { id: 'cpc', name: 'CPC pipeline', kind: 'pipeline', waypoints: [{ place: tengiz }, { place: novorossiysk }] };
const corridor: MapRoute = { id: 'corridor', name: 'Middle Corridor', kind: 'rail', waypoints: [{ place: aktau }, { place: baku, via: 'shipping' }, { place: kars }] };
const routes = [cpc, corridor];

const noLand = (view: ReturnType<typeof fitView>): Basemap => ({ bounds: view.bounds, land: [], borders: [] });

/** All numbers in the path data of the SVG's elements of one class, as [x, y] pairs. */
function pathPoints(svg: string, className: string): [number, number][] {
  const paths = [...svg.matchAll(new RegExp(`<path class="${className}[^"]*"[^>]* d="([^"]+)"`, 'g'))].map((m) => m[1]!);
  return paths.flatMap((d) => [...d.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]));
}

describe('fitView', () => {
  it('projects every place inside the picture, with a margin, north up and east right', () => {
    const view = fitView(routes);
    for (const p of [tengiz, novorossiysk, aktau, baku, kars]) {
      const [x, y] = view.project([p.lon, p.lat]);
      expect(x).toBeGreaterThan(view.width * 0.05);
      expect(x).toBeLessThan(view.width * 0.95);
      expect(y).toBeGreaterThan(view.height * 0.05);
      expect(y).toBeLessThan(view.height * 0.95);
    }
    expect(view.project([tengiz.lon, tengiz.lat])[0]).toBeGreaterThan(view.project([novorossiysk.lon, novorossiysk.lat])[0]);
    expect(view.project([tengiz.lon, tengiz.lat])[1]).toBeLessThan(view.project([baku.lon, baku.lat])[1]);
  });

  it('keeps a sensible shape for a route that runs due north or due east', () => {
    const north = fitView([{ ...cpc, waypoints: [{ place: place('a', 'A', 40, 50) }, { place: place('b', 'B', 50, 50) }] }]);
    const east = fitView([{ ...cpc, waypoints: [{ place: place('a', 'A', 40, 30) }, { place: place('b', 'B', 40, 60) }] }]);
    for (const view of [north, east]) {
      expect(view.height / view.width).toBeGreaterThanOrEqual(0.5 - 0.01);
      expect(view.height / view.width).toBeLessThanOrEqual(0.8 + 0.01);
    }
  });
});

describe('routeMapSvg', () => {
  const view = fitView(routes);
  const svg = routeMapSvg({ routes, view, basemap: noLand(view), id: 'map-1', title: 'Map of two routes', description: 'A map of 2 routes.' });

  it('is an image with a title and a description that name it', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" [^>]*role="img" aria-labelledby="map-1-title map-1-desc"/);
    expect(svg).toContain('<title id="map-1-title">Map of two routes</title>');
    expect(svg).toContain('<desc id="map-1-desc">A map of 2 routes.</desc>');
    expect(svg).toContain(`viewBox="0 0 ${view.width} ${view.height}"`);
  });

  it('draws one path per route, and the legs styled by kind', () => {
    expect(svg.match(/<path class="route-line"/g)).toHaveLength(2);
    expect([...svg.matchAll(/class="route-leg route-leg--(\w+)"/g)].map((m) => m[1])).toEqual(['pipeline', 'shipping', 'rail']);
    expect(svg).toContain('data-route="cpc"');
  });

  it('projects every route point inside the viewBox', () => {
    const points = pathPoints(svg, 'route-');
    expect(points.length).toBe(2 + 3 + 2 + 2 + 2);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(view.width);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(view.height);
    }
  });

  it('labels every place once', () => {
    expect([...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['Tengiz oil field', 'Novorossiysk', 'Aktau', 'Baku', 'Kars']);
  });

  it('escapes the texts it writes', () => {
    const odd = routeMapSvg({
      routes: [{ ...cpc, id: 'a"b', waypoints: [{ place: { ...tengiz, name: 'Port <A> & B' } }, { place: novorossiysk }] }],
      view,
      basemap: noLand(view),
      id: 'm',
      title: 'Map of "A" & <B>',
      description: 'x',
    });
    expect(odd).toContain('<title id="m-title">Map of &quot;A&quot; &amp; &lt;B&gt;</title>');
    expect(odd).toContain('>Port &lt;A&gt; &amp; B</text>');
    expect(odd).toContain('data-route="a&quot;b"');
    expect(odd).not.toContain('<A>');
  });

  it('draws land and borders from Natural Earth inside the picture', () => {
    const basemap = trimBasemap(countries as unknown as Topology, view.bounds, { tolerance: 0.05, precision: 2 });
    const withLand = routeMapSvg({ routes, view, basemap, id: 'm', title: 't', description: 'd' });
    expect(withLand).toContain('<path class="land" fill-rule="evenodd" d="M');
    expect(withLand).toContain('<path class="borders" d="M');
    for (const [x, y] of [...pathPoints(withLand, 'land'), ...pathPoints(withLand, 'borders')]) {
      expect(x).toBeGreaterThanOrEqual(-0.1);
      expect(x).toBeLessThanOrEqual(view.width + 0.1);
      expect(y).toBeGreaterThanOrEqual(-0.1);
      expect(y).toBeLessThanOrEqual(view.height + 0.1);
    }
  });
});

describe('placeLabels', () => {
  it('keeps labels inside the picture and apart from each other', () => {
    const view = fitView(routes);
    const crowded = [place('a', 'Alpha city', 45, 45), place('b', 'Beta city', 45, 45.3), place('c', 'Gamma', 45.3, 45)];
    const labels = placeLabels(crowded, view, 13);
    expect(new Set(labels.map((l) => l.side)).size).toBe(3);
    for (const label of labels) expect(labelSides).toContain(label.side);
  });

  it('moves a label at the east edge to the left of its dot', () => {
    const view = fitView(routes);
    const [east] = placeLabels([tengiz], { ...view, width: view.project([tengiz.lon, tengiz.lat])[0] + 20 }, 13);
    expect(east!.side).toMatch(/left|top|bottom/);
    expect(east!.side.endsWith('right')).toBe(false);
  });
});
