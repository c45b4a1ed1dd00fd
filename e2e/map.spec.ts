import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page, type Response } from '@playwright/test';
import { normalize, readEntries, seedArticleUrl } from './helpers';

/**
 * The route map in the seed article, as readers meet it: a picture and a table without JavaScript; with it, a
 * Leaflet map that loads only as the reader nears it, asks nothing of other hosts, and can be used by keyboard.
 */
type RouteData = { name: string; kind: string; waypoints: { place: string; via?: string }[]; reported: { text: string }[] };
type PlaceData = { name: string };

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
    // Before the reader scrolls: the picture is there, and no Leaflet code, CSS or basemap has been asked for.
    await expect(page.locator('figure.route-map svg.route-map-svg')).toBeVisible();
    expect(scripts.length).toBeGreaterThan(0);
    expect(await hasLeaflet(scripts)).toBe(false);
    expect(requests.filter((url) => /basemap\.json|leaflet/i.test(url))).toEqual([]);
    await expect(map(page)).toHaveCount(0);
    const before = scripts.length;

    await scrollToMap(page);
    expect(await hasLeaflet(scripts.slice(before))).toBe(true);
    expect(requests.some((url) => url.endsWith('/maps/basemap.json'))).toBe(true);

    // One line per route, the legs styled by kind: the CPC is pipeline; the Middle Corridor a sea crossing, then rail.
    await expect(map(page).locator('path.route-leg--pipeline')).toHaveCount(1);
    await expect(map(page).locator('path.route-leg--shipping')).toHaveCount(1);
    await expect(map(page).locator('path.route-leg--rail')).toHaveCount(1);
    await expect(map(page).locator('path.land')).toHaveCount(1);
    await expect(map(page).locator('path.place-marker')).toHaveCount(placeNames.length);
    expect((await map(page).locator('.place-label').allInnerTexts()).map(normalize).sort()).toEqual([...placeNames].sort());
    // No default marker images: places are drawn as vectors.
    await expect(map(page).locator('img')).toHaveCount(0);
    // The static picture gives way to the map.
    await expect(page.locator('figure.route-map svg.route-map-svg')).toBeHidden();

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
    await expect(page.locator(`[id="${describedBy[0]}"]`)).toContainText('A map of 2 routes.');
    await expect(page.locator(`[id="${describedBy[1]}"]`)).toContainText('arrow keys');

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
    expect(focused.slice(0, 4)).toEqual(['map', 'Zoom in', 'Zoom out', 'Show all routes']);
    expect(focused).toContain('Caspian Pipeline Consortium (CPC) pipeline');

    // Arrow keys pan the focused map; + zooms it.
    await map(page).focus();
    const label = map(page).locator('.place-label').first();
    const start = { x: (await label.boundingBox())!.x, spread: await spread(page) };
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await label.boundingBox())!.x).toBeLessThan(start.x - 20);
    await page.keyboard.press('Equal');
    await expect.poll(() => spread(page)).toBeGreaterThan(start.spread * 1.5);

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

  test('shows the static picture with a title and description, the key and the table of routes', async ({ page }) => {
    await page.goto(seedArticleUrl);
    const figure = page.locator('.article-body figure.route-map');
    const svg = figure.locator('svg.route-map-svg');
    await expect(svg).toBeVisible();
    await expect(svg).toHaveAttribute('role', 'img');
    await expect(svg.locator('title')).toHaveText('Map of Caspian Pipeline Consortium (CPC) pipeline and Middle Corridor (Trans-Caspian International Transport Route)');
    await expect(svg.locator('desc')).toContainText(
      'Caspian Pipeline Consortium (CPC) pipeline: by pipeline from Tengiz oil field (Kazakhstan) through Atyrau (Kazakhstan) and Kropotkin (Russia) to Novorossiysk (Russia).',
    );
    await expect(svg.locator('path.route-line')).toHaveCount(routes.length);
    await expect(svg.locator('path.land')).toHaveCount(1);
    expect((await svg.locator('.place text').allTextContents()).sort()).toEqual([...placeNames].sort());
    await expect(figure.locator('.key')).toContainText('Pipeline');
    await expect(figure.locator('.key')).toContainText('Shipping');
    await expect(figure.locator('.key')).toContainText('Rail');
    await expect(figure.locator('.note')).toHaveText('The interactive map needs JavaScript: this is a picture of the same routes.');
    await expect(figure.locator('.leaflet-map')).toHaveCount(0);
    await expect(figure.locator('.chooser')).toBeHidden();

    const rows = figure.locator('table tbody tr');
    await expect(rows).toHaveCount(routes.length);
    for (const [index, route] of routes.entries()) {
      await expect(rows.nth(index).locator('th .route-name')).toHaveText(route.data.name);
      await expect(rows.nth(index).locator('td ol li')).toHaveText(route.data.waypoints.map((w) => new RegExp(`^${places.get(w.place)!.name} `)));
    }
    await expect(rows.nth(1).locator('td').first()).toHaveText('Rail; shipping from Aktau to Baku');
    await expect(figure.locator('figcaption')).toHaveText('The Caspian Pipeline Consortium handles most exports of Kazakh oil and gas.');
  });
});
