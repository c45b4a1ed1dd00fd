/**
 * <route-map>: turns the static route picture into an interactive Leaflet map when it comes near the viewport.
 * This file is all the JavaScript an article's first paint carries for its maps; Leaflet, its CSS and the basemap
 * arrive with the dynamic import below, only for readers who scroll towards a map.
 */
import type { MapData, RouteMapController } from './leaflet-map';

class RouteMapElement extends HTMLElement {
  #observer: IntersectionObserver | undefined;
  #map: RouteMapController | undefined;

  connectedCallback() {
    if (!('IntersectionObserver' in window)) {
      void this.#draw();
      return;
    }
    // Start a little before the map is on screen, so it is usually drawn by the time the reader gets there.
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          this.#observer?.disconnect();
          void this.#draw();
        }
      },
      { rootMargin: '400px 0px' },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#map?.remove();
  }

  async #draw() {
    const canvas = this.querySelector<HTMLElement>('.canvas');
    const data = JSON.parse(this.dataset['map'] ?? 'null') as MapData | null;
    if (!canvas || !data) return;
    const figureId = this.closest('figure')?.id ?? '';
    // The interactive map keeps the picture's proportions. Set through CSSOM: a style attribute in the HTML would
    // need 'unsafe-inline' under the site's CSP.
    if (canvas.dataset['aspect']) canvas.style.aspectRatio = canvas.dataset['aspect'];
    try {
      const { drawRouteMap } = await import('./leaflet-map');
      this.#map = await drawRouteMap(canvas, data, {
        label: this.dataset['label'] ?? 'Interactive map',
        describedBy: [`${figureId}-desc`, `${figureId}-keys`],
        onSelect: (selection) => this.#select(selection),
      });
    } catch (error) {
      console.error(error);
      this.#note('The interactive map could not be loaded: this is a picture of the same routes.');
      return;
    }
    for (const hidden of this.querySelectorAll<HTMLElement>('.instructions, .chooser')) hidden.hidden = false;
    for (const button of this.querySelectorAll<HTMLButtonElement>('.chooser button[data-route]')) {
      button.addEventListener('click', () => {
        const route = button.dataset['route']!;
        this.#select({ route });
        this.#map?.showRoute(route);
      });
    }
  }

  /** Shows what the site knows about a route or a place under the map, copied from its <template>. */
  #select(selection: { route: string } | { place: string }) {
    const panel = this.querySelector<HTMLElement>('.panel');
    const [attribute, value] = 'route' in selection ? ['data-route', selection.route] : ['data-place', selection.place];
    const template = [...this.querySelectorAll<HTMLTemplateElement>(`template[${attribute}]`)].find((t) => t.getAttribute(attribute) === value);
    if (!panel || !template) return;
    panel.replaceChildren(template.content.cloneNode(true));
    panel.hidden = false;
    for (const button of this.querySelectorAll<HTMLButtonElement>('.chooser button[data-route]')) {
      button.setAttribute('aria-pressed', String('route' in selection && button.dataset['route'] === selection.route));
    }
    this.#map?.highlight('route' in selection ? selection.route : undefined);
  }

  #note(text: string) {
    const note = document.createElement('p');
    note.className = 'note';
    note.textContent = text;
    this.querySelector('.canvas')?.after(note);
  }
}

if (!customElements.get('route-map')) customElements.define('route-map', RouteMapElement);
