import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page, type Response } from '@playwright/test';
import { normalize, readEntries, seedArticleUrl } from './helpers';

/**
 * The route map in the seed article, as readers meet it: a picture and a table without JavaScript; with it, a
 * Leaflet map that loads only as the reader nears it, asks nothing of other hosts, and can be used by keyboard.
 */
type RouteData = { name: string; kind: string; waypoints: { place: string; via?: string }[]; reported: { text: string }[] };
type PlaceData = { name: string; country: string };

/** The route ids the seed article's <RouteMap> names, read from the MDX as a journalist wrote it. */
function seedMapRoutes(): string[] {
  const mdx = fs.readFileSync(path.resolve(process.env.CONTENT_DIR ?? 'content', 'articles', 'kazakhstan-balancing-act-eu-russia.mdx'), 'utf8');
  const list = /<RouteMap routes=\{\[([^\]]*)\]\}/.exec(mdx)?.[1] ?? '';
  return [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

const routeIds = seedMapRoutes();
const allRoutes = readEntries<RouteData>('routes');
const routes = routeIds.map((id) => allRoutes.find((r) => r.id === id)!);
const places = new Map(readEntries<PlaceData>('places').map((p) => [p.id, p.data]));
const placeNames = [...new Set(routes.flatMap((r) => r.data.waypoints.map((w) => places.get(w.place)!.name)))];
/** The countries at the two ends of the CPC pipeline (Kazakhstan, Russia), as its places' files say. */
const cpcCountries = (() => {
  const { waypoints } = routes.find((r) => r.id === 'cpc-pipeline')!.data;
  return [...new Set([waypoints[0]!, waypoints.at(-1)!].map((w) => places.get(w.place)!.country))];
})();
/** The seas the routes cross or end at, which the issue asks the map to name. */
const seas = ['Caspian Sea', 'Black Sea'];

const map = (page: Page) => page.locator('figure.route-map .leaflet-map');
/**
 * How far apart the first and last place labels stand on screen: it grows when the map zooms in. (Labels, unlike
 * lines, are not clipped to the visible part of the map.)
 */
const spread = async (page: Page) => {
  const labels = map(page).locator('.place-label');
  const [a, b] = [(await labels.first().boundingBox())!, (await labels.last().boundingBox())!];
  return Math.hypot(a.x - b.x, a.y - b.y);
};

async function scrollToMap(page: Page) {
  await page.locator('figure.route-map').scrollIntoViewIfNeeded();
  await expect(map(page).locator('path.route-line')).toHaveCount(routes.length);
}

test('the seed article maps the routes its RouteMap names', () => {
  expect(routeIds).toEqual(['cpc-pipeline', 'middle-corridor']);
  expect(routes).toHaveLength(2);
});

test.describe('the route map with JavaScript', () => {
  test('loads Leaflet and the basemap only near the map, from this site only, and draws one line per route', async ({ page, baseURL }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const scripts: Response[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response);
    });
    const hasLeaflet = async (list: Response[]) =>
      (await Promise.all(list.map(async (r) => (await r.text()).includes('leaflet-container')))).some(Boolean);

    await page.goto(seedArticleUrl);
    await page.waitForLoadState('networkidle');
    // Before the reader scrolls: the picture's place is there, and no Leaflet code, CSS, map data or basemap has been
    // asked for (nor the picture itself, which loads lazily).
    await expect(page.locator('figure.route-map img.route-map-picture')).toBeVisible();
    expect(scripts.length).toBeGreaterThan(0);
    expect(await hasLeaflet(scripts)).toBe(false);
    expect(requests.filter((url) => /basemap\.json|leaflet|\/maps\/routes\//i.test(url))).toEqual([]);
    await expect(map(page)).toHaveCount(0);
    const before = scripts.length;

    await scrollToMap(page);
    expect(await hasLeaflet(scripts.slice(before))).toBe(true);
    expect(requests.some((url) => url.endsWith('/maps/basemap.json'))).toBe(true);
    expect(requests.some((url) => url.endsWith(`/maps/routes/${routeIds.join('--')}.json`))).toBe(true);

    // One line per route, the legs styled by kind: the CPC is pipeline; the Middle Corridor a sea crossing, then rail.
    await expect(map(page).locator('path.route-leg--pipeline')).toHaveCount(1);
    await expect(map(page).locator('path.route-leg--shipping')).toHaveCount(1);
    await expect(map(page).locator('path.route-leg--rail')).toHaveCount(1);
    await expect(map(page).locator('path.land')).toHaveCount(1);
    await expect(map(page).locator('path.place-marker')).toHaveCount(placeNames.length);
    expect((await map(page).locator('.place-label').allInnerTexts()).map(normalize).sort()).toEqual([...placeNames].sort());
    // No default marker images: places are drawn as vectors.
    await expect(map(page).locator('img')).toHaveCount(0);
    // Country and sea names, and a scale in kilometres.
    const areas = (await map(page).locator('.area-label').allTextContents()).map(normalize);
    for (const name of [...cpcCountries, ...seas]) expect(areas).toContain(name);
    await expect(map(page).locator('.leaflet-control-scale-line')).toContainText('km');
    // The picture gives way to the map.
    await expect(page.locator('figure.route-map img.route-map-picture')).toBeHidden();

    await page.waitForLoadState('networkidle');
    const origin = new URL(baseURL!).origin;
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });

  for (const width of [1280, 375]) {
    test(`fits every route and place label into view, ${width}px wide`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(seedArticleUrl);
      await scrollToMap(page);
      const frame = (await map(page).boundingBox())!;
      for (const marker of [...(await map(page).locator('path.place-marker').all()), ...(await map(page).locator('.place-label').all())]) {
        const box = (await marker.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(frame.x);
        expect(box.y).toBeGreaterThanOrEqual(frame.y);
        expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width);
        expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height);
      }
    });
  }

  test('clicking a route shows what the article says about it, with its figures and topics', async ({ page }) => {
    await page.goto(seedArticleUrl);
    await scrollToMap(page);
    const cpc = routes.find((r) => r.id === 'cpc-pipeline')!;
    // Click a point on the CPC line itself (halfway along it), as a reader would.
    const line = map(page).locator('path.route-line').first();
    const point = await line.evaluate((path: SVGPathElement) => {
      const p = path.getPointAtLength(path.getTotalLength() / 2);
      const m = path.getScreenCTM()!;
      return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
    });
    await page.mouse.click(point.x, point.y);

    const panel = page.locator('figure.route-map .panel');
    await expect(panel).toBeVisible();
    await expect(panel.locator('.detail-name')).toHaveText(cpc.data.name);
    const said = panel.locator('blockquote');
    await expect(said).toHaveCount(cpc.data.reported.length);
    for (const [index, { text }] of cpc.data.reported.entries()) {
      await expect(said.nth(index).locator('p')).toHaveText(text);
      await expect(said.nth(index).locator('footer a')).toHaveAttribute('href', seedArticleUrl);
    }
    await expect(panel.locator('a[href$="#figure-cpc-export-share"]')).toContainText('80%');
    await expect(panel.locator('a[href="/topics/caspian-pipeline-consortium/"]')).toHaveText('Caspian Pipeline Consortium');
    await expect(panel.locator('.newsroom-label')).toHaveText('Newsroom');
    await expect(page.locator('.chooser button[data-route="cpc-pipeline"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(map(page).locator('path.route-line.is-selected')).toHaveCount(1);

    // A place: its name, country and the site's own line about it.
    await map(page).locator('path.place-marker').first().click({ force: true });
    await expect(panel.locator('.detail-name')).toHaveText(placeNames[0]!);
    await expect(map(page).locator('path.route-line.is-selected')).toHaveCount(0);
  });

  test('keyboard focus reaches the map, its controls and the route buttons, and the keys move the map', async ({ page }) => {
    await page.goto(seedArticleUrl);
    await scrollToMap(page);
    await expect(map(page)).toHaveAttribute('role', 'region');
    await expect(map(page)).toHaveAttribute('aria-label', /Interactive map of Caspian Pipeline Consortium/);
    const describedBy = (await map(page).getAttribute('aria-describedby'))!.split(' ');
    for (const route of routes) await expect(page.locator(`[id="${describedBy[0]}"]`)).toContainText(route.data.name);
    await expect(page.locator(`[id="${describedBy[1]}"]`)).toContainText('arrow keys');
    // One line of help.
    const help = page.locator(`[id="${describedBy[1]}"]`);
    expect(await help.evaluate((p) => p.getClientRects().length)).toBe(1);

    // Tab from the paragraph before the map.
    await page.locator('.article-body > p', { hasText: 'For now, the European Union remains' }).evaluate((p) => {
      p.setAttribute('tabindex', '-1');
      (p as HTMLElement).focus();
    });
    const focused = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return el.classList.contains('leaflet-map') ? 'map' : (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
      }));
    }
    // "Show all routes" is not offered while every route is in view.
    expect(focused.slice(0, 3)).toEqual(['map', 'Zoom in', 'Zoom out']);
    expect(focused).not.toContain('Show all routes');
    expect(focused).toContain('Caspian Pipeline Consortium (CPC) pipeline');
    const showAll = page.locator('figure.route-map .route-map-reset button');
    await expect(showAll).toBeHidden();

    // Arrow keys pan the focused map; + zooms it.
    await map(page).focus();
    const label = map(page).locator('.place-label').first();
    const start = { x: (await label.boundingBox())!.x, spread: await spread(page) };
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await label.boundingBox())!.x).toBeLessThan(start.x - 20);
    await page.keyboard.press('Equal');
    await expect.poll(() => spread(page)).toBeGreaterThan(start.spread * 1.5);
    // Now that some of the routes are out of view, the map offers to show them all again, and does.
    await expect(showAll).toBeVisible();
    await showAll.click();
    await expect(showAll).toBeHidden();

    // Enter on a route button tells the reader about the route below the map.
    await page.locator('.chooser button[data-route="middle-corridor"]').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('figure.route-map .panel .detail-name')).toHaveText(routes.find((r) => r.id === 'middle-corridor')!.data.name);
  });

  test('the mouse wheel scrolls the page over the map until the reader picks the map', async ({ page }) => {
    await page.goto(seedArticleUrl);
    await scrollToMap(page);
    const box = (await map(page).boundingBox())!;
    const before = { scroll: await page.evaluate(() => scrollY), spread: await spread(page) };
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 300);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(before.scroll);
    expect(await spread(page)).toBe(before.spread);

    // Once the reader clicks the map, the wheel zooms it (scrolling up zooms in).
    const picked = (await map(page).boundingBox())!;
    await page.mouse.click(picked.x + 12, picked.y + picked.height - 12);
    const scrolled = await page.evaluate(() => scrollY);
    await page.mouse.wheel(0, -300);
    await expect.poll(() => spread(page)).toBeGreaterThan(before.spread * 1.3);
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
  });

  test.describe('with reduced motion', () => {
    test.use({ reducedMotion: 'reduce' });
    test('the map neither fades nor animates its zoom', async ({ page }) => {
      await page.goto(seedArticleUrl);
      await scrollToMap(page);
      await expect(map(page)).not.toHaveClass(/leaflet-fade-anim/);
    });
  });

  test('without reduced motion the map keeps Leaflet’s animations', async ({ page }) => {
    await page.goto(seedArticleUrl);
    await scrollToMap(page);
    await expect(map(page)).toHaveClass(/leaflet-fade-anim/);
  });
});

test.describe('the route map without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('shows the picture, named and described, the key and the list of routes', async ({ page, request }) => {
    await page.goto(seedArticleUrl);
    const figure = page.locator('.article-body figure.route-map');
    const img = figure.locator('img.route-map-picture');
    await img.scrollIntoViewIfNeeded();
    await expect(img).toBeVisible();
    const title = 'Map of Caspian Pipeline Consortium (CPC) pipeline and Middle Corridor (Trans-Caspian International Transport Route)';
    await expect(img).toHaveAttribute('alt', title);
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    // Its description is the list of routes below it.
    const list = figure.locator('ul.route-list');
    await expect(list).toHaveAttribute('id', (await img.getAttribute('aria-describedby'))!);

    // The picture, light and dark: routes, land, place names, country and sea names, a scale.
    for (const src of [await img.getAttribute('src'), await figure.locator('source').getAttribute('srcset')]) {
      const response = await request.get(src!);
      expect(response.headers()['content-type']).toContain('image/svg+xml');
      const svg = await response.text();
      expect(svg).toContain(`<title id="route-map-${routeIds.join('--')}-title">${title}</title>`);
      expect(svg).toContain('Caspian Pipeline Consortium (CPC) pipeline: by pipeline from Tengiz oil field (Kazakhstan) through Atyrau (Kazakhstan) and Kropotkin (Russia) to Novorossiysk (Russia).');
      expect(svg.match(/<path class="route-line"/g)).toHaveLength(routes.length);
      expect(svg.match(/<path class="land"/g)).toHaveLength(1);
      for (const name of placeNames) expect(svg).toContain(`>${name}</text>`);
      for (const country of cpcCountries) expect(svg).toContain(`>${country.toUpperCase()}</text>`);
      for (const sea of seas) expect(svg.replace(/<\/tspan><tspan [^>]*>/g, ' ')).toMatch(new RegExp(`>(<tspan [^>]*>)?${sea}<`));
      expect(svg).toMatch(/<g class="scale">.*km<\/text>/);
    }

    await expect(figure.locator('.key')).toContainText('Pipeline');
    await expect(figure.locator('.key')).toContainText('Shipping');
    await expect(figure.locator('.key')).toContainText('Rail');
    await expect(figure.locator('.note')).toHaveText('The interactive map needs JavaScript: this is a picture of the same routes.');
    await expect(figure.locator('.leaflet-map')).toHaveCount(0);
    await expect(figure.locator('.chooser')).toHaveCount(0);
    await expect(figure.locator('.instructions')).toHaveCount(0);

    const items = list.locator(':scope > li');
    await expect(items).toHaveCount(routes.length);
    for (const [index, route] of routes.entries()) {
      await expect(items.nth(index).locator('.route-name')).toHaveText(route.data.name);
      await expect(items.nth(index).locator('ol.waypoints li')).toHaveText(route.data.waypoints.map((w) => new RegExp(`^${places.get(w.place)!.name} `)));
    }
    await expect(items.nth(1).locator('.route-runs')).toHaveText('Rail; shipping from Aktau to Baku');
    await expect(figure.locator('figcaption')).toHaveText('The Caspian Pipeline Consortium handles most exports of Kazakh oil and gas.');
  });

  test('on a 390 px phone the routes are a list, one under the other, and the whole map block stays short', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(seedArticleUrl);
    const figure = page.locator('.article-body figure.route-map');
    const items = figure.locator('ul.route-list > li');
    const [a, b] = [(await items.nth(0).boundingBox())!, (await items.nth(1).boundingBox())!];
    expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
    expect(a.width).toBeGreaterThan(300);
    expect((await figure.boundingBox())!.height).toBeLessThan(1000);
  });
});
