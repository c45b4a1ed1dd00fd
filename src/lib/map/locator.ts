/**
 * The locator map an article leads with when its own photo cannot be shown (issue 17): the places the article names,
 * on land and water with country and sea names and a scale, drawn at build from the content and Natural Earth.
 * It is a picture of this site's own making, so the page says so; no caption or credit of a photo that is not there.
 */
import type { Article, Site } from '../content';
import { areaLabels, type Box } from './area-labels';
import { trimBasemap } from './basemap';
import { listOf, toMapPlace, type MapPlace } from './geo';
import { fitView, placeLabels, routeMapSvg, type MapView } from './map-svg';
import { inBothSchemes, type Scheme } from './map-style';
import type { Topology } from 'topojson-specification';
// Natural Earth 1:110m: a locator spans a region, where the 1:50m coastlines would triple the file for detail a
// lead picture of 640 px cannot show.
import countries110 from 'world-atlas/countries-110m.json';

const topology = countries110 as unknown as Topology;

export interface Locator {
  places: MapPlace[];
  view: MapView;
  alt: string;
  svg: (scheme: Scheme) => string;
}

const labelRoom = 20;
const made = new WeakMap<Article, Locator | undefined>();

/** The article's locator, or undefined when it names no places. */
export function articleLocator(site: Site, article: Article): Locator | undefined {
  if (made.has(article)) return made.get(article);
  const places = article.data.places.map((ref) => toMapPlace(site.place(ref.id)));
  let locator: Locator | undefined;
  if (places.length > 0) {
    // fitView frames routes; the places as the stops of one route frame the same box.
    // Room around the places for their names on every side.
    const view = fitView([{ id: article.id, name: '', kind: 'road', waypoints: places.map((place) => ({ place })) }], 640, 0.3);
    const alt = `Map of the places this article names: ${listOf(places.map((place) => `${place.name} (${place.country})`))}.`;
    // The drawing is made when first asked for: the article page needs only the frame and the alt text, and the
    // map route's getStaticPaths only whether there is a map, so a publish that draws no map computes none.
    locator = {
      places,
      view,
      alt,
      svg: inBothSchemes((style) => {
        const { basemap, labels, areas } = draw(places, view);
        return routeMapSvg({ routes: [], view, basemap, id: `locator-${article.id}`, title: 'Places in this article', description: alt, labelRoom, labels, areas, scale: true, style });
      }),
    };
  }
  made.set(article, locator);
  return locator;
}

/** The locator's basemap, place labels and area names, which cost most of its time (room kept for the place names). */
function draw(places: MapPlace[], view: MapView) {
  const basemap = trimBasemap(topology, view.bounds, { tolerance: 0.02, precision: 3 });
  const labels = placeLabels(places, view, labelRoom);
  const avoid: Box[] = labels.flatMap((label) => {
    const w = label.place.name.length * labelRoom * 0.58;
    const h = labelRoom * 1.2;
    const dx = label.side.endsWith('right') ? 1 : label.side.endsWith('left') ? -1 : 0;
    const dy = label.side.startsWith('top') ? -1 : label.side.startsWith('bottom') ? 1 : 0;
    const [cx, cy] = [label.x + dx * (w / 2 + 8), label.y + dy * (h / 2 + 8)];
    return [
      { x0: label.x - 6, y0: label.y - 6, x1: label.x + 6, y1: label.y + 6 },
      { x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 },
    ];
  });
  const areas = areaLabels(topology, basemap.land, view, { fontSize: 17, avoid });
  return { basemap, labels, areas };
}
