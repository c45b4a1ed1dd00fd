/**
 * Quality bars over the whole built site: accessibility (axe, WCAG 2.0/2.1/2.2 A and AA, light and dark), valid
 * HTML, no broken internal link or #fragment, no request to another host, readable without JavaScript.
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { distDir, htmlFiles, sitemapPaths } from './site';

const pages = [...sitemapPaths(), '/404.html'];

test('the sitemap lists the home page, the article and every listing', () => {
  expect(pages).toContain('/');
  expect(pages).toContain('/articles/kazakhstan-balancing-act-eu-russia/');
  expect(pages).toContain('/corrections/');
});

const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * The rules whose outcome depends on colour. The dark scheme differs from the light one only in colour (every colour
 * is a `light-dark()` token in src/styles/tokens.css; no layout, markup or ARIA changes with it), so the other rules
 * would only repeat the light scheme's result, at half of axe's cost per page.
 */
const colourRules = ['color-contrast', 'link-in-text-block'];

// One page load per page, audited in both schemes: the scheme is a media feature, so switching it restyles the same
// page the way a reader's system setting would, without loading it again.
test.describe('axe: every rule in the light scheme, the colour rules in the dark', () => {
  for (const pagePath of pages) {
    test(pagePath, async ({ page }) => {
      const violations: Record<string, { rule: string; impact: unknown; targets: string[] }[]> = {};
      await page.goto(pagePath);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await expect.poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
        const axe = new AxeBuilder({ page });
        const results = await (scheme === 'light' ? axe.withTags(axeTags) : axe.withRules(colourRules)).analyze();
        violations[scheme] = results.violations.map((v) => ({
          rule: v.id,
          impact: v.impact,
          targets: v.nodes.map((node) => node.target.join(' ')).slice(0, 5),
        }));
      }
      expect(violations).toEqual({ light: [], dark: [] });
    });
  }
});

// One test per page below, so each holds on a busy machine however many pages the site has (issue 16).
test.describe('every page is valid HTML (html-validate, recommended rules)', () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  for (const file of htmlFiles()) {
    test(file, async () => {
      const problems: string[] = [];
      const report = await validator.validateFile(path.join(distDir, file));
      for (const result of report.results) {
        for (const message of result.messages) problems.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

/** The ids on a page once it has run its scripts, read once per worker: many pages link to the same article. */
const idsOf = new Map<string, Promise<Set<string>>>();
/** The status each linked path answers with, asked once per worker: every page links to the same listings. */
const statusOf = new Map<string, number>();

test.describe('every internal link and #fragment resolves, no page requests another host or breaks the CSP', () => {
  for (const pagePath of pages) {
    test(pagePath, async ({ page, context, baseURL }) => {
      // Every page carries a CSP <meta>; anything it blocks (an inline style, a script) is reported here.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} at ${event.sourceFile}:${event.lineNumber}`);
        });
      });
      const violations: string[] = [];
      page.on('console', (message) => {
        if (message.text().startsWith('CSP violation')) violations.push(`${page.url()}: ${message.text()}`);
      });
      const origin = new URL(baseURL!).origin;
      const foreign: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) foreign.push(`${page.url()} -> ${request.url()}`);
      });

      const response = await page.goto(pagePath);
      expect(response?.status(), pagePath).toBeLessThan(pagePath === '/404.html' ? 500 : 400);
      // Bring maps into view so their lazily loaded code runs under the CSP too.
      for (const map of await page.locator('figure.route-map').all()) await map.scrollIntoViewIfNeeded();
      await page.waitForLoadState('networkidle');
      const found = await page.evaluate(() => ({
        ids: [...document.querySelectorAll('[id]')].map((element) => element.id),
        hrefs: [...document.querySelectorAll('a[href], link[href]')].map((element) => (element as HTMLAnchorElement).href),
      }));
      expect(foreign).toEqual([]);
      expect(violations).toEqual([]);

      const broken: string[] = [];
      for (const href of found.hrefs.filter((href) => href.startsWith(origin))) {
        const url = new URL(href);
        if (!statusOf.has(url.pathname)) statusOf.set(url.pathname, (await page.request.get(url.pathname)).status());
        const status = statusOf.get(url.pathname)!;
        if (status >= 400) {
          broken.push(`${pagePath}: ${url.pathname} answers ${status}`);
          continue;
        }
        if (url.hash && url.hash !== '#') {
          let ids: Set<string>;
          if (url.pathname === pagePath) ids = new Set(found.ids);
          else {
            if (!idsOf.has(url.pathname)) {
              idsOf.set(
                url.pathname,
                (async () => {
                  const other = await context.newPage();
                  try {
                    await other.goto(url.pathname);
                    return new Set(await other.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id)));
                  } finally {
                    await other.close();
                  }
                })(),
              );
            }
            ids = await idsOf.get(url.pathname)!;
          }
          const fragment = decodeURIComponent(url.hash.slice(1));
          if (!ids.has(fragment)) broken.push(`${pagePath}: ${url.pathname} has no #${fragment}`);
        }
      }
      expect(broken).toEqual([]);
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test.describe('every page shows its heading, content and navigation', () => {
    for (const pagePath of pages) {
      test(pagePath, async ({ page }) => {
        await page.goto(pagePath);
        await expect(page.locator('h1').first(), pagePath).toBeAttached();
        await expect(page.locator('main'), pagePath).not.toBeEmpty();
        await expect(page.getByRole('navigation', { name: 'Main' }), pagePath).toBeVisible();
        await expect(page.locator('.skip-link'), pagePath).toHaveAttribute('href', '#main');
      });
    }
  });
});
