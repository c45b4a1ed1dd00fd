import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  describeRoute,
  legFeatures,
  padBounds,
  placeFeatures,
  routeFeatures,
  routeLegs,
  routePlaces,
  routeRuns,
  summariseRoutes,
  toMapRoute,
  type MapPlace,
  type MapRoute,
} from './geo';

const place = (id: string, name: string, country: string, lat: number, lon: number): MapPlace => ({ id, name, kind: 'city', country, lat, lon });
const tengiz = place('tengiz', 'Tengiz oil field', 'Kazakhstan', 46.15, 53.38);
const atyrau = place('atyrau', 'Atyrau', 'Kazakhstan', 47.1, 51.92);
const novorossiysk = place('novorossiysk', 'Novorossiysk', 'Russia', 44.72, 37.77);
const aktau = place('aktau', 'Aktau', 'Kazakhstan', 43.65, 51.16);
const baku = place('baku', 'Baku', 'Azerbaijan', 40.41, 49.87);
const tbilisi = place('tbilisi', 'Tbilisi', 'Georgia', 41.72, 44.79);
const kars = place('kars', 'Kars', 'Turkey', 40.6, 43.1);

const cpc: MapRoute = { id: 'cpc', name: 'CPC pipeline', kind: 'pipeline', waypoints: [{ place: tengiz }, { place: atyrau }, { place: novorossiysk }] };
const corridor: MapRoute = {
  id: 'corridor',
  name: 'Middle Corridor',
  kind: 'rail',
  waypoints: [{ place: aktau }, { place: baku, via: 'shipping' }, { place: tbilisi }, { place: kars }],
};

describe('routeLegs and routeRuns', () => {
  it('gives each leg the kind of its waypoint’s via, or the route’s kind', () => {
    expect(routeLegs(corridor).map((leg) => [leg.from.id, leg.to.id, leg.kind])).toEqual([
      ['aktau', 'baku', 'shipping'],
      ['baku', 'tbilisi', 'rail'],
      ['tbilisi', 'kars', 'rail'],
    ]);
  });

  it('joins consecutive legs of one kind into runs that share their end points', () => {
    expect(routeRuns(corridor).map((run) => [run.kind, run.places.map((p) => p.id)])).toEqual([
      ['shipping', ['aktau', 'baku']],
      ['rail', ['baku', 'tbilisi', 'kars']],
    ]);
    expect(routeRuns(cpc)).toHaveLength(1);
  });

  it('starts a new run each time the kind changes, even back to an earlier kind', () => {
    const mixed: MapRoute = { ...corridor, waypoints: [{ place: aktau }, { place: baku, via: 'shipping' }, { place: tbilisi }, { place: kars, via: 'road' }] };
    expect(routeRuns(mixed).map((run) => run.kind)).toEqual(['shipping', 'rail', 'road']);
  });
});

describe('GeoJSON', () => {
  it('has one LineString per route through every waypoint, in order, as [longitude, latitude]', () => {
    const collection = routeFeatures([cpc, corridor]);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f) => f.properties.route)).toEqual(['cpc', 'corridor']);
    expect(collection.features[0]).toEqual({
      type: 'Feature',
      id: 'cpc',
      geometry: { type: 'LineString', coordinates: [[53.38, 46.15], [51.92, 47.1], [37.77, 44.72]] },
      properties: { route: 'cpc', name: 'CPC pipeline', kind: 'pipeline' },
    });
  });

  it('has one LineString per run, with the kind that styles it and the route it belongs to', () => {
    const legs = legFeatures([cpc, corridor]);
    expect(legs.features.map((f) => [f.properties.route, f.properties.kind, f.geometry.coordinates])).toEqual([
      ['cpc', 'pipeline', [[53.38, 46.15], [51.92, 47.1], [37.77, 44.72]]],
      ['corridor', 'shipping', [[51.16, 43.65], [49.87, 40.41]]],
      ['corridor', 'rail', [[49.87, 40.41], [44.79, 41.72], [43.1, 40.6]]],
    ]);
  });

  it('lists places once each as Points, in the order the routes reach them', () => {
    const shared: MapRoute = { id: 'x', name: 'X', kind: 'road', waypoints: [{ place: atyrau }, { place: aktau }] };
    expect(routePlaces([cpc, shared]).map((p) => p.id)).toEqual(['tengiz', 'atyrau', 'novorossiysk', 'aktau']);
    expect(placeFeatures([baku]).features[0]).toEqual({
      type: 'Feature',
      id: 'baku',
      geometry: { type: 'Point', coordinates: [49.87, 40.41] },
      properties: { place: 'baku', name: 'Baku', kind: 'city', country: 'Azerbaijan' },
    });
  });
});

describe('bounds', () => {
  it('bounds the places and pads by a fraction, at least a minimum, within the globe', () => {
    expect(boundsOf([tengiz, novorossiysk, baku])).toEqual({ west: 37.77, south: 40.41, east: 53.38, north: 46.15 });
    expect(padBounds({ west: 0, south: 0, east: 10, north: 2 }, 0.1, 1)).toEqual({ west: -1, south: -1, east: 11, north: 3 });
    expect(padBounds({ west: 170, south: 80, east: 179, north: 84 }, 1)).toEqual({ west: 161, south: 76, east: 180, north: 85 });
    expect(() => boundsOf([])).toThrow(/no places/);
  });
});

describe('text summary', () => {
  it('says how each route runs, place by place, with countries', () => {
    expect(describeRoute(cpc)).toBe('by pipeline from Tengiz oil field (Kazakhstan) through Atyrau (Kazakhstan) to Novorossiysk (Russia)');
    expect(describeRoute(corridor)).toBe(
      'by sea from Aktau (Kazakhstan) to Baku (Azerbaijan), then by rail through Tbilisi (Georgia) to Kars (Turkey)',
    );
    expect(summariseRoutes([cpc])).toMatch(/^A map of one route\. CPC pipeline: by pipeline/);
    expect(summariseRoutes([cpc, corridor])).toMatch(/^A map of 2 routes\. CPC pipeline: .*\. Middle Corridor: by sea .*\.$/);
  });
});

describe('toMapRoute', () => {
  it('resolves waypoint references to places, keeping via', () => {
    const entries = {
      aktau: { id: 'aktau', data: { name: 'Aktau', kind: 'port', country: 'Kazakhstan', location: { lat: 43.65, lon: 51.16 } } },
      baku: { id: 'baku', data: { name: 'Baku', kind: 'capital', country: 'Azerbaijan', location: { lat: 40.41, lon: 49.87 } } },
    };
    const route = toMapRoute(
      { id: 'r', data: { name: 'R', kind: 'rail', waypoints: [{ place: { id: 'aktau' } }, { place: { id: 'baku' }, via: 'shipping' }] } },
      (id) => entries[id as keyof typeof entries],
    );
    expect(route.waypoints).toEqual([
      { place: { id: 'aktau', name: 'Aktau', kind: 'port', country: 'Kazakhstan', lat: 43.65, lon: 51.16 }, via: undefined },
      { place: { id: 'baku', name: 'Baku', kind: 'capital', country: 'Azerbaijan', lat: 40.41, lon: 49.87 }, via: 'shipping' },
    ]);
  });
});
