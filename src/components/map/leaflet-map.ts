/**
 * The interactive route map, loaded only when a map comes near the viewport (see route-map-element.ts). Leaflet
 * and its CSS come from this site's bundle and the country shapes from this site's basemap.json, so nothing is
 * asked of another host unless a deployment configures a tile layer. Text reaches the map as DOM nodes or
 * textContent, never as HTML strings, because Leaflet writes strings into innerHTML.
 */
import L from 'leaflet';
import type { FeatureCollection, MultiLineString, MultiPolygon } from 'geojson';
// As a URL, not a plain import: Astro would hoist a plain CSS import into every page that has a map, and the
// first paint would carry Leaflet's CSS. The link is added when the map is drawn.
import leafletCss from './leaflet.css?url';
import type { LabelSide } from '@/lib/map/map-svg';
import type { MapData } from '@/lib/map/route-map';
import { el, listItem, placeDetail, routeDetail } from './map-detail';

export type { MapData };

export interface RouteMapController {
  /** Marks one route as selected (or none). */
  highlight: (route: string | undefined) => void;
  /** Fits the map to one route and marks it. */
  showRoute: (route: string) => void;
  remove: () => void;
}

export interface DrawOptions {
  /** The map's accessible name. */
  label: string;
  /** Ids of the elements that describe the map: the text summary and the keyboard instructions. */
  describedBy: string[];
  onSelect: (selection: { route: string } | { place: string }) => void;
}

type Basemap = FeatureCollection<MultiPolygon | MultiLineString, { layer: 'land' | 'borders' }>;

export async function drawRouteMap(canvas: HTMLElement, data: MapData, options: DrawOptions): Promise<RouteMapController> {
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  // On touch screens one finger scrolls the page until the reader taps the map; two fingers always pan and zoom it.
  const coarse = matchMedia('(pointer: coarse)').matches;
  const [basemap] = await Promise.all([data.tiles ? undefined : fetchBasemap(data.basemap), loadStylesheet(leafletCss)]);

  canvas.classList.add('is-interactive');
  const container = document.createElement('div');
  container.className = 'leaflet-map';
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', options.label);
  container.setAttribute('aria-describedby', options.describedBy.join(' '));
  canvas.append(container);

  const map = L.map(container, {
    attributionControl: Boolean(data.tiles),
    keyboard: true,
    scrollWheelZoom: false,
    dragging: !coarse,
    zoomSnap: 0.25,
    zoomAnimation: !reducedMotion,
    fadeAnimation: !reducedMotion,
    markerZoomAnimation: !reducedMotion,
    inertia: !reducedMotion,
    ...(basemap?.bbox ? { maxBounds: L.latLngBounds([basemap.bbox[1]!, basemap.bbox[0]!], [basemap.bbox[3]!, basemap.bbox[2]!]), maxBoundsViscosity: 0.9 } : {}),
  });

  // The wheel and a finger move the map only once the reader has chosen it, so the page scrolls past it as usual.
  const engage = () => {
    map.scrollWheelZoom.enable();
    if (coarse) map.dragging.enable();
  };
  const release = () => {
    map.scrollWheelZoom.disable();
    if (coarse) map.dragging.disable();
  };
  container.addEventListener('focus', engage);
  container.addEventListener('click', engage);
  container.addEventListener('blur', release);

  // Room around the routes for the controls above them and the labels beside the end points; less on a phone.
  const room = Math.min(56, Math.round(container.clientWidth * 0.08));
  let fitPadding = { paddingTopLeft: [room, room + 16] as L.PointTuple, paddingBottomRight: [room, 24] as L.PointTuple };
  // Leaflet draws vector layers only on a map that has a view: fit the routes first.
  const routesBounds = L.latLngBounds(data.routes.features.flatMap((f) => f.geometry.coordinates.map(([lon, lat]) => L.latLng(lat!, lon!))));
  const fitAll = () => map.fitBounds(routesBounds, { ...fitPadding, animate: !reducedMotion });
  map.fitBounds(routesBounds, { ...fitPadding, animate: false });

  if (data.tiles) {
    map.attributionControl.setPrefix(false);
    L.tileLayer(data.tiles.url, { attribution: data.tiles.attribution }).addTo(map);
  }
  if (basemap) {
    L.geoJSON(basemap, {
      interactive: false,
      style: (feature) =>
        feature?.properties.layer === 'land'
          ? { className: 'land', stroke: false, fill: true, fillOpacity: 1 }
          : { className: 'borders', fill: false, weight: 1 },
    }).addTo(map);
  }

  const selectRoute = (event: L.LeafletEvent) => {
    const route = (event.propagatedFrom?.feature ?? event.target?.feature)?.properties?.route as string | undefined;
    if (route) options.onSelect({ route });
  };
  const routeLines = L.geoJSON(data.routes, {
    style: () => ({ className: 'route-line', weight: 10, opacity: 1 }),
  }).on('click', selectRoute);
  const legs = L.geoJSON(data.legs, {
    style: (feature) => ({ className: `route-leg route-leg--${feature?.properties.kind ?? 'pipeline'}`, weight: 4, opacity: 1 }),
  }).on('click', selectRoute);
  routeLines.addTo(map);
  legs.addTo(map);

  for (const place of data.places.features) {
    const [lon, lat] = place.geometry.coordinates as [number, number];
    const label = document.createElement('span');
    label.textContent = place.properties.name;
    L.circleMarker([lat, lon], { radius: 5, className: `place-marker place-marker--${place.properties.kind}`, weight: 2 })
      .bindTooltip(label, {
        permanent: true,
        ...tooltipPosition[data.labelSides[place.properties.place] ?? 'right'],
        className: 'place-label',
      })
      .on('click', () => options.onSelect({ place: place.properties.place }))
      .addTo(map);
  }

  // Country and sea names, where the picture put them; text only, never a target.
  for (const area of data.areas) {
    const name = document.createElement('span');
    name.textContent = area.lines.join('\n');
    L.marker([area.lat, area.lon], {
      icon: L.divIcon({ html: name, className: `area-label area-label--${area.kind}`, iconSize: [0, 0] }),
      interactive: false,
      keyboard: false,
    }).addTo(map);
  }
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);

  // Now that the labels are drawn, make room for any that stick out of the frame, and keep that room for later
  // fits. Snapping to a quarter zoom level moves things a little, so look again, a few times at most.
  for (let pass = 0; pass < 3; pass++) {
    const overflow = labelOverflow(container);
    if (Object.values(overflow).every((px) => px <= 0)) break;
    fitPadding = {
      paddingTopLeft: [fitPadding.paddingTopLeft[0] + overflow.left, fitPadding.paddingTopLeft[1] + overflow.top],
      paddingBottomRight: [fitPadding.paddingBottomRight[0] + overflow.right, fitPadding.paddingBottomRight[1] + overflow.bottom],
    };
    map.fitBounds(routesBounds, { ...fitPadding, animate: false });
  }
  map.setMinZoom(Math.max(1, Math.floor(map.getZoom()) - 1));
  // The picture placed the country and sea names for its own size; at other sizes and zooms, a name that would sit
  // under a place's name, a control or the frame's edge is left out until there is room for it.
  const clearNames = () => {
    const frame = container.getBoundingClientRect();
    const taken = [...container.querySelectorAll('.place-label, .leaflet-control')].map((el) => el.getBoundingClientRect());
    for (const name of container.querySelectorAll<HTMLElement>('.area-label')) {
      name.style.visibility = '';
      name.style.marginLeft = '';
      // A name that runs over the side of the frame moves in, as far as it must.
      let box = name.getBoundingClientRect();
      const shift = box.right > frame.right - 4 ? frame.right - 4 - box.right : box.left < frame.left + 4 ? frame.left + 4 - box.left : 0;
      if (shift) {
        name.style.marginLeft = `${shift}px`;
        box = name.getBoundingClientRect();
      }
      const outside = box.left < frame.left || box.right > frame.right || box.top < frame.top || box.bottom > frame.bottom;
      const covered = taken.some((other) => box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom);
      if (outside || covered) name.style.visibility = 'hidden';
    }
  };
  map.on('zoomend moveend', clearNames);
  clearNames();
  // "Show all routes" is offered only when some route is out of view: a control that does nothing is noise.
  const showAll = new ShowAll(fitAll);
  showAll.addTo(map);
  const offerShowAll = () => showAll.show(!map.getBounds().contains(routesBounds));
  map.on('moveend zoomend', offerShowAll);
  offerShowAll();

  const elementsOf = (group: L.GeoJSON, route: string) =>
    group.getLayers().filter((layer) => (layer as L.Polyline).feature?.properties?.route === route) as L.Polyline[];

  return {
    highlight(route) {
      routeLines.eachLayer((layer) => {
        const path = (layer as L.Polyline).getElement();
        path?.classList.toggle('is-selected', (layer as L.Polyline).feature?.properties?.route === route);
      });
    },
    showRoute(route) {
      const lines = elementsOf(routeLines, route);
      if (lines.length) map.fitBounds(L.featureGroup(lines).getBounds(), { ...fitPadding, animate: !reducedMotion });
    },
    remove: () => map.remove(),
  };
}

/** How many pixels the place labels reach beyond each side of the map (0 where they stay inside). */
function labelOverflow(container: HTMLElement): { top: number; right: number; bottom: number; left: number } {
  const frame = container.getBoundingClientRect();
  const out = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const label of container.querySelectorAll('.place-label')) {
    const box = label.getBoundingClientRect();
    const margin = 4;
    out.top = Math.max(out.top, Math.ceil(frame.top + margin - box.top));
    out.right = Math.max(out.right, Math.ceil(box.right - frame.right + margin));
    out.bottom = Math.max(out.bottom, Math.ceil(box.bottom - frame.bottom + margin));
    out.left = Math.max(out.left, Math.ceil(frame.left + margin - box.left));
  }
  return out;
}

/** The static picture's label sides as Leaflet tooltip directions; diagonals are a side shifted up or down. */
const tooltipPosition: Record<LabelSide, { direction: L.Direction; offset: L.PointExpression }> = {
  right: { direction: 'right', offset: [6, 0] },
  left: { direction: 'left', offset: [-6, 0] },
  top: { direction: 'top', offset: [0, -5] },
  bottom: { direction: 'bottom', offset: [0, 5] },
  'top-right': { direction: 'right', offset: [3, -11] },
  'bottom-right': { direction: 'right', offset: [3, 11] },
  'top-left': { direction: 'left', offset: [-3, -11] },
  'bottom-left': { direction: 'left', offset: [-3, 11] },
};

/** Adds a stylesheet once per page and waits for it, so Leaflet never lays out its panes unstyled. */
function loadStylesheet(href: string): Promise<void> {
  const existing = document.querySelector<HTMLLinkElement>(`link[data-leaflet-css]`);
  if (existing) return existing.sheet ? Promise.resolve() : new Promise((resolve) => existing.addEventListener('load', () => resolve()));
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  link.dataset['leafletCss'] = '';
  return new Promise((resolve, reject) => {
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => reject(new Error(`Could not load ${href}`)));
    document.head.append(link);
  });
}

async function fetchBasemap(url: string): Promise<Basemap> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Basemap ${url}: HTTP ${response.status}`);
  return (await response.json()) as Basemap;
}

/** A control that fits the map to every route again: a real <button>, labelled in words. */
class ShowAll extends L.Control {
  readonly fit: () => void;
  #wrap: HTMLElement | undefined;

  show(visible: boolean) {
    if (this.#wrap) this.#wrap.hidden = !visible;
  }

  constructor(fit: () => void) {
    super({ position: 'topright' });
    this.fit = fit;
  }

  override onAdd(): HTMLElement {
    const wrap = L.DomUtil.create('div', 'leaflet-bar route-map-reset');
    this.#wrap = wrap;
    const button = L.DomUtil.create('button', '', wrap);
    button.type = 'button';
    button.textContent = 'Show all routes';
    L.DomEvent.disableClickPropagation(wrap);
    L.DomEvent.on(button, 'click', this.fit);
    return wrap;
  }
}

/**
 * Turns a <route-map> into the interactive map: fetches its data file, draws the map over the picture, and adds the
 * route buttons and the panel that tells what the site knows about a route or place. Called by
 * route-map-element.ts when the map nears the viewport. Returns how to take it down again.
 */
export async function mountRouteMap(element: HTMLElement): Promise<() => void> {
  const canvas = element.querySelector<HTMLElement>('.canvas');
  const source = element.dataset['src'];
  if (!canvas || !source) return () => {};
  const response = await fetch(source);
  if (!response.ok) throw new Error(`Map data ${source}: HTTP ${response.status}`);
  const data = (await response.json()) as MapData;
  const figureId = element.closest('figure')?.id ?? '';
  // The interactive map keeps the picture's proportions. Set through CSSOM: a style attribute in the HTML would
  // need 'unsafe-inline' under the site's CSP.
  if (canvas.dataset['aspect']) canvas.style.aspectRatio = canvas.dataset['aspect'];
  const panel = element.querySelector<HTMLElement>('.panel');
  const buttons: HTMLButtonElement[] = [];
  const select = (selection: { route: string } | { place: string }) => {
    const detail =
      'route' in selection
        ? data.details.routes.find((r) => r.route === selection.route)
        : data.details.places.find((p) => p.place === selection.place);
    if (!panel || !detail) return;
    panel.replaceChildren('route' in detail ? routeDetail(detail) : placeDetail(detail));
    panel.hidden = false;
    for (const button of buttons) button.setAttribute('aria-pressed', String('route' in selection && button.dataset['route'] === selection.route));
    controller.highlight('route' in selection ? selection.route : undefined);
  };
  const controller = await drawRouteMap(canvas, data, {
    label: element.dataset['label'] ?? 'Interactive map',
    describedBy: [`${figureId}-desc`, `${figureId}-keys`],
    onSelect: select,
  });

  // One line of help, which the map names as part of its description; only with the map that it is about.
  const help = el('p', 'instructions', 'Select the map, then drag or use the arrow keys to move it and + or − to zoom.');
  help.id = `${figureId}-keys`;
  canvas.after(help);
  // The route buttons: what a click on a line does, for the keyboard and for lines too thin to tap.
  const chooser = el('div', 'chooser');
  const label = el('p', 'chooser-label', 'Read about a route:');
  const list = document.createElement('ul');
  for (const route of data.details.routes) {
    const button = el('button', '', route.name) as HTMLButtonElement;
    button.type = 'button';
    button.dataset['route'] = route.route;
    button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', () => {
      select({ route: route.route });
      controller.showRoute(route.route);
    });
    buttons.push(button);
    list.append(listItem(button));
  }
  chooser.append(label, list);
  (panel ?? canvas).before(chooser);
  return () => {
    controller.remove();
    chooser.remove();
  };
}
