import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';
import { basemapGeoJSON, clipLine, clipRing, simplify, trimBasemap } from './basemap';

const box = { west: 0, south: 0, east: 10, north: 10 };

describe('clipping to the map’s box', () => {
  it('cuts a ring to the box and closes it', () => {
    const ring = clipRing([[-5, 5], [5, 5], [5, 15], [-5, 15], [-5, 5]], box);
    expect(ring[0]).toEqual(ring.at(-1));
    // The same square, whichever corner it starts from.
    const corners = ring.slice(1).map((p) => p.join(',')).sort();
    expect(corners).toEqual(['0,10', '0,5', '5,10', '5,5']);
    expect(clipRing([[20, 20], [30, 20], [30, 30], [20, 20]], box)).toEqual([]);
  });

  it('cuts a line into the parts inside the box', () => {
    expect(clipLine([[-5, 5], [5, 5], [5, 15], [8, 15], [8, 5]], box)).toEqual([
      [[0, 5], [5, 5], [5, 10]],
      [[8, 10], [8, 5]],
    ]);
  });

  it('drops points closer than the tolerance, keeping the ends', () => {
    expect(simplify([[0, 0], [0.01, 0], [1, 0], [1.005, 0], [2, 0]], 0.1, false)).toEqual([[0, 0], [1, 0], [2, 0]]);
  });
});

describe('trimBasemap', () => {
  const caucasus = { west: 36, south: 38, east: 56, north: 49 };
  const basemap = trimBasemap(countries as unknown as Topology, caucasus, { tolerance: 0.05, precision: 2 });

  it('keeps only land and borders inside the box, rounded', () => {
    expect(basemap.land.length).toBeGreaterThan(0);
    expect(basemap.borders.length).toBeGreaterThan(0);
    const points = [...basemap.land.flat(2), ...basemap.borders.flat()];
    for (const [lon, lat] of points) {
      expect(lon).toBeGreaterThanOrEqual(caucasus.west);
      expect(lon).toBeLessThanOrEqual(caucasus.east);
      expect(lat).toBeGreaterThanOrEqual(caucasus.south);
      expect(lat).toBeLessThanOrEqual(caucasus.north);
      expect(Math.round(lon! * 100) / 100).toBe(lon);
    }
  });

  it('becomes GeoJSON with the box as bbox, land as a MultiPolygon and borders as a MultiLineString', () => {
    const geojson = basemapGeoJSON(basemap);
    expect(geojson.bbox).toEqual([36, 38, 56, 49]);
    expect(geojson.features.map((f) => [f.geometry.type, f.properties.layer])).toEqual([
      ['MultiPolygon', 'land'],
      ['MultiLineString', 'borders'],
    ]);
  });

  it('refuses a topology without land and countries', () => {
    expect(() => trimBasemap({ type: 'Topology', objects: {}, arcs: [] } as Topology, caucasus)).toThrow(/land.*countries/);
  });
});
