import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';
import { areaLabels, nameBox } from './area-labels';
import { trimBasemap } from './basemap';
import type { MapPlace, MapRoute } from './geo';
import { fitView, scaleLength } from './map-svg';

const topology = countries as unknown as Topology;
const place = (id: string, lat: number, lon: number): MapPlace => ({ id, name: id, kind: 'city', country: 'X', lat, lon });
const cpc: MapRoute = { id: 'cpc', name: 'CPC', kind: 'pipeline', waypoints: [{ place: place('tengiz', 46.15, 53.38) }, { place: place('novorossiysk', 44.72, 37.77) }] };
const corridor: MapRoute = { id: 'mc', name: 'MC', kind: 'rail', waypoints: [{ place: place('aktau', 43.65, 51.16) }, { place: place('baku', 40.41, 49.87), via: 'shipping' }, { place: place('kars', 40.6, 43.1) }] };

describe('areaLabels', () => {
  const view = fitView([cpc, corridor]);
  const basemap = trimBasemap(topology, view.bounds);
  const labels = areaLabels(topology, basemap.land, view, { fontSize: 17, avoid: [] });

  it('names the large countries and the seas a view of the Caspian region shows', () => {
    const names = labels.map((label) => label.name);
    expect(names).toEqual(expect.arrayContaining(['Kazakhstan', 'Russia', 'Caspian Sea', 'Black Sea']));
    expect(labels.find((label) => label.name === 'Caspian Sea')!.kind).toBe('sea');
  });

  it('keeps every name inside the picture and clear of every other and of the boxes it is told to avoid', () => {
    const boxes = labels.map((label) => nameBox(label.lines, label.x, label.y, 17, label.kind));
    for (const box of boxes) {
      expect(box.x0).toBeGreaterThanOrEqual(0);
      expect(box.y0).toBeGreaterThanOrEqual(0);
      expect(box.x1).toBeLessThanOrEqual(view.width);
      expect(box.y1).toBeLessThanOrEqual(view.height);
    }
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false)));
    const russia = labels.find((label) => label.name === 'Russia')!;
    const blocked = areaLabels(topology, basemap.land, view, { fontSize: 17, avoid: [{ x0: russia.x - 1, y0: russia.y - 1, x1: russia.x + 1, y1: russia.y + 1 }] });
    const moved = blocked.find((label) => label.name === 'Russia');
    if (moved) expect([moved.x, moved.y]).not.toEqual([russia.x, russia.y]);
  });

  it('gives each name a position on the globe for the interactive map, inside the view', () => {
    for (const label of labels) {
      expect(label.lon).toBeGreaterThan(view.bounds.west);
      expect(label.lon).toBeLessThan(view.bounds.east);
      expect(label.lat).toBeGreaterThan(view.bounds.south);
      expect(label.lat).toBeLessThan(view.bounds.north);
    }
  });
});

describe('scaleLength', () => {
  it('is a round number of kilometres about a fifth of the picture wide, true to the projection', () => {
    const view = fitView([cpc, corridor]);
    const { km, length } = scaleLength(view);
    expect([1, 2, 5].map((n) => n * 10 ** Math.floor(Math.log10(km)))).toContain(km);
    expect(length / view.width).toBeGreaterThan(0.08);
    expect(length / view.width).toBeLessThanOrEqual(0.2);
    // Tengiz to Novorossiysk is about 1,230 km as the crow flies (haversine); the picture's units agree within 5%.
    const [x0, y0] = view.project([53.38, 46.15]);
    const [x1, y1] = view.project([37.77, 44.72]);
    const toRad = (d: number) => (d * Math.PI) / 180;
    const h = Math.sin(toRad(44.72 - 46.15) / 2) ** 2 + Math.cos(toRad(46.15)) * Math.cos(toRad(44.72)) * Math.sin(toRad(37.77 - 53.38) / 2) ** 2;
    const distance = 2 * 6371 * Math.asin(Math.sqrt(h));
    expect(Math.hypot(x1 - x0, y1 - y0) / (length / km) / distance).toBeCloseTo(1, 1);
  });
});
