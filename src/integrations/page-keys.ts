/**
 * Incremental builds (issue 14), decided by the site rather than by Astro: every route with `getStaticPaths` keys each
 * of its paths on the digests of what the path shows (src/lib/content/shown.ts) and hands its list to `keyedPages` or
 * `keyedFiles`. When scripts/build.mjs starts the build from the live site (its unchanged files hard-linked into the
 * staging folder, the code unchanged since that site was built), those return only the paths whose key changed or
 * that are new, so Astro renders those and no other; the rest are already in place. Every key goes into the manifest
 * of this build, which build.mjs keeps once the whole build has succeeded.
 *
 * Why not Astro's `experimental.incrementalBuild`: it writes every page it renders twice, to the output folder and to a
 * copy in its cache (about a tenth of a cold build's page time, and the site's size again on disk), and on a publish it
 * still visits, checks and logs each of the 14,000 unchanged files of a 1,000-article site. Here the live site is the
 * cache, and an unchanged page costs its key (docs/scale.md).
 *
 * The manifest maps each path to its key and output file. It is read and written by build.mjs and passed here through
 * the environment: NEWSROOM_PREVIOUS_PAGES names the manifest the staging folder was started from (absent for a full
 * build, and always in `astro dev`, where nothing is left out), NEWSROOM_NEXT_PAGES where this build's goes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { liveOutputEnv } from './seeded-output.ts';

export const previousPagesEnv = 'NEWSROOM_PREVIOUS_PAGES';
export const nextPagesEnv = 'NEWSROOM_NEXT_PAGES';

/** A path of a route, keyed on what it shows. */
export interface KeyedPath {
  params: Record<string, string | undefined>;
  props?: Record<string, unknown>;
  cacheKey: string;
}

/** What the manifest knows of one path: its key, the file it is written to (relative to the site), whether it is a page. */
export interface PageRecord {
  key: string;
  file: string;
  page: boolean;
  /**
   * The images Astro's image pipeline made for it (a lead image's sizes and formats, "_astro/photo.Hash.avif"): Astro
   * makes them only for the pages it renders, so a page left in place keeps its own from the live site.
   */
  assets?: string[];
}

export interface PagesManifest {
  version: 1;
  /** By path ("/quotes/abc/", "/cards/articles/x.png"). */
  paths: Record<string, PageRecord>;
}

/**
 * The state of this build, shared by the routes (bundled into Astro's page chunks) and the integration below (loaded
 * with the config): two copies of this module in one process, so it lives on globalThis under a registered symbol.
 */
interface BuildState {
  previous: Record<string, PageRecord> | undefined;
  next: Record<string, PageRecord>;
  kept: Set<string>;
}
const stateKey = Symbol.for('newsroom.page-keys');
function state(): BuildState {
  const global = globalThis as { [stateKey]?: BuildState };
  if (!global[stateKey]) {
    const file = process.env[previousPagesEnv];
    const previous = file ? (JSON.parse(fs.readFileSync(file, 'utf8')) as PagesManifest).paths : undefined;
    global[stateKey] = { previous, next: {}, kept: new Set() };
  }
  return global[stateKey];
}

/**
 * The path a route's params make, as Astro builds it: each `[name]` filled in, a rest parameter `[...name]` left out
 * when undefined, and (trailingSlash: 'always') a slash after a page's path.
 */
export function fillRoute(routePattern: string, params: Record<string, string | undefined>, page: boolean): string {
  const segments = routePattern
    .split('/')
    .map((segment) =>
      segment.replace(/\[(\.\.\.)?(\w+)\]/g, (_, rest: string | undefined, name: string) => {
        const value = params[name];
        if (value === undefined && !rest) throw new Error(`Route ${routePattern}: no value for the parameter "${name}".`);
        return value ?? '';
      }),
    )
    .filter(Boolean);
  const path = `/${segments.join('/')}`;
  return page ? path.replace(/\/?$/, '/') : path;
}

/** The file a path is written to, relative to the site: a page's index.html in its folder (build.format 'directory'). */
export const outputFile = (path: string, page: boolean): string => (page ? `${path.slice(1)}index.html` : path.slice(1));

function keyed<T extends KeyedPath>(routePattern: string, paths: readonly T[], page: boolean): Omit<T, 'cacheKey'>[] {
  const { previous, next, kept } = state();
  const rendered: Omit<T, 'cacheKey'>[] = [];
  for (const { cacheKey, ...path } of paths) {
    const url = fillRoute(routePattern, path.params, page);
    const before = previous?.[url];
    next[url] = { key: cacheKey, file: outputFile(url, page), page };
    if (before?.key === cacheKey) {
      kept.add(url);
      if (before.assets) next[url]!.assets = before.assets;
    } else rendered.push(path);
  }
  return rendered;
}

/**
 * The text of a file this build leaves in place, from the live site (its link in the output folder may not be made
 * yet): what the path would be rendered as, since its key is unchanged. Undefined when this build renders the path, or
 * is not a build from the live site. Only for paths whose route ran its getStaticPaths, as every route does before
 * Astro renders any page.
 */
export function keptFileText(routePattern: string, params: Record<string, string | undefined>): string | undefined {
  const live = process.env[liveOutputEnv];
  const { next, kept } = state();
  const url = fillRoute(routePattern, params, false);
  return live && kept.has(url) ? fs.readFileSync(path.join(live, next[url]!.file), 'utf8') : undefined;
}

/** A page route's paths (HTML pages) that this build renders: every one, or in a build from the live site, the changed ones. */
export const keyedPages = <T extends KeyedPath>(routePattern: string, paths: readonly T[]) => keyed(routePattern, paths, true);

/** The same for an endpoint's files (JSON, feeds, pictures). */
export const keyedFiles = <T extends KeyedPath>(routePattern: string, paths: readonly T[]) => keyed(routePattern, paths, false);

/** Images of the image pipeline named in a page: its /_astro/ files other than the bundles' scripts and styles. */
const pipelineImage = /\/(_astro\/[^"'\s,)?#]+\.(?:avif|webp|png|jpe?g|gif|svg))\b/g;

/**
 * Records the images a rendered page shows from Astro's image pipeline, so that a later build that leaves the page in
 * place keeps them too (src/integrations/csp-per-page-middleware.ts calls it with each page's HTML).
 */
export function recordAssets(url: string, html: string): void {
  const record = state().next[url];
  if (!record) return;
  const assets = [...new Set([...html.matchAll(pipelineImage)].map((match) => decodeURI(match[1]!)))].sort();
  if (assets.length) record.assets = assets;
  else delete record.assets;
}

/** Pages this build left in place, as Astro names built pages to integrations ("quotes/abc/"). */
export const keptPageNames = (): string[] => {
  const { next, kept } = state();
  return [...kept].filter((url) => next[url]!.page).map((url) => url.slice(1));
};

/**
 * Another integration that reads the list of built pages at `astro:build:done` (the sitemap), given the pages this
 * build left in place too, so that it lists what a full build would.
 *
 * In the order @astrojs/sitemap sorts its URLs in (`localeCompare(b, "en", { numeric: true })`, the same order as
 * this collator's for the paths, which all its URLs share a prefix before), so that its sort finds them sorted: a
 * `localeCompare` with a locale costs microseconds a call, and sorting 10,000 pages from the build's order took 0.4 s
 * of every build and publish, beside the search index's last step. The sitemap still sorts: this changes its time only.
 */
export function withKeptPages(integration: AstroIntegration): AstroIntegration {
  const done = integration.hooks['astro:build:done'];
  if (!done) return integration;
  const collator = new Intl.Collator('en', { numeric: true });
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:build:done': (options) => {
        const pages = [...options.pages, ...keptPageNames().map((pathname) => ({ pathname }))];
        return done({ ...options, pages: pages.sort((a, b) => collator.compare(a.pathname, b.pathname)) });
      },
    },
  };
}

/**
 * Writes this build's manifest where scripts/build.mjs asked, once every page is written, and says what was kept: at
 * `astro:build:generated`, while the search index finishes, rather than after it and the sitemap at build:done.
 */
export default function pageKeys(): AstroIntegration {
  return {
    name: 'newsroom:page-keys',
    hooks: {
      'astro:build:generated': ({ logger }) => {
        const { previous, next, kept } = state();
        const file = process.env[nextPagesEnv];
        if (file) fs.writeFileSync(file, JSON.stringify({ version: 1, paths: next } satisfies PagesManifest));
        if (previous) logger.info(`${kept.size} keyed files unchanged since the last build, left in place; ${Object.keys(next).length - kept.size} rendered.`);
      },
    },
  };
}
