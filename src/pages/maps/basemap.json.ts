/**
 * The country shapes for the interactive route maps, served by this site: Natural Earth 1:50m (world-atlas) cut to
 * a generous box around every route in the content, so readers can pan around the region without a tile server.
 * Only the map's lazily loaded script asks for it.
 */
import type { APIRoute } from 'astro';
import type { Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-50m.json';
import { basemapGeoJSON, trimBasemap } from '@/lib/map/basemap';
import { loadSite } from '@/lib/content';
import { boundsOf, padBounds, routePlaces, toMapRoute } from '@/lib/map/geo';

export const GET: APIRoute = async () => {
  const site = await loadSite();
  const places = routePlaces(site.routes.map((route) => toMapRoute(route, site.place)));
  // With no routes yet there is nothing to draw; an empty region keeps the file valid.
  const region = places.length ? padBounds(boundsOf(places), 1, 10) : { west: 0, south: 0, east: 0, north: 0 };
  const basemap = trimBasemap(countries as unknown as Topology, region, { tolerance: 0.02, precision: 3 });
  return new Response(JSON.stringify(basemapGeoJSON(basemap)), { headers: { 'Content-Type': 'application/geo+json' } });
};
