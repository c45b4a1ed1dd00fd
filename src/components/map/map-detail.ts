/**
 * The panel beside the interactive route map: what the site knows about a route or a place, built as DOM nodes
 * (never HTML strings) from the map's data file. Used by leaflet-map.ts.
 */
import type { PlaceDetail, RouteDetail } from '@/lib/map/route-map';

export function el(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export const listItem = (child: Node) => {
  const li = document.createElement('li');
  li.append(child);
  return li;
};

function link(href: string, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

/** Text this site wrote itself, labelled as NewsroomText.astro labels it. */
function newsroomText(text: string): HTMLElement {
  const p = el('p', 'newsroom-text');
  p.append(el('span', 'newsroom-label', 'Newsroom'), ` ${text}`);
  return p;
}

export function routeDetail(route: RouteDetail): HTMLElement {
  const detail = el('div', 'detail');
  detail.append(el('p', 'detail-name', route.name));
  if (route.operator) detail.append(el('p', 'muted', `Operator: ${route.operator}`));
  detail.append(newsroomText(route.newsroom));
  for (const said of route.reported) {
    const quote = document.createElement('blockquote');
    quote.cite = said.href;
    const footer = document.createElement('footer');
    footer.append('From ', link(said.href, said.title), ` (${said.publisher})`);
    quote.append(el('p', '', said.text), footer);
    detail.append(quote);
  }
  if (route.figures.length) {
    const figures = el('p', '', 'Figures: ');
    route.figures.forEach((figure, index) => {
      if (index > 0) figures.append('; ');
      figures.append(link(figure.href, `${figure.value}: ${figure.measures}`));
    });
    detail.append(figures);
  }
  if (route.topics.length) {
    const topics = el('p', '', 'Topics: ');
    route.topics.forEach((topic, index) => {
      if (index > 0) topics.append(', ');
      topics.append(link(topic.href, topic.name));
    });
    detail.append(topics);
  }
  return detail;
}

export function placeDetail(place: PlaceDetail): HTMLElement {
  const detail = el('div', 'detail');
  detail.append(el('p', 'detail-name', place.name), el('p', 'muted', place.about));
  if (place.newsroom) detail.append(newsroomText(place.newsroom));
  return detail;
}
