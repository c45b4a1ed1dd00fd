/**
 * <route-map>: turns the route picture into an interactive Leaflet map when it comes near the viewport. This file is
 * all the JavaScript an article's first paint carries for its maps; Leaflet, its CSS, the map's data and the basemap
 * arrive with the dynamic import below, only for readers who scroll towards a map.
 */
class RouteMapElement extends HTMLElement {
  #observer: IntersectionObserver | undefined;
  #remove: (() => void) | undefined;

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
    this.#remove?.();
  }

  async #draw() {
    try {
      const { mountRouteMap } = await import('./leaflet-map');
      this.#remove = await mountRouteMap(this);
    } catch (error) {
      console.error(error);
      const note = document.createElement('p');
      note.className = 'note';
      note.textContent = 'The interactive map could not be loaded: this is a picture of the same routes.';
      this.querySelector('.canvas')?.after(note);
    }
  }
}

if (!customElements.get('route-map')) customElements.define('route-map', RouteMapElement);
