import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import searchIndex, { indexedHtml } from './search-index';
import { indexPage, planSearchIndex } from './search-feed';

/** A page shaped like the article layout's: head, site header, the indexed article (with an article inside), footer. */
const page = (words: string, { header = '', footer = '', image = true } = {}) =>
  '<!DOCTYPE html><html lang="en" data-theme="auto"><head><meta charset="utf-8"><title>Head title | Newsroom</title>' +
  '<meta property="og:image" content="/cards/a.png"><style>.a{color:red}</style>' +
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Head title"}</script></head><body>' +
  `<header class="site-header" data-pagefind-ignore><a href="/">Newsroom</a><form><input name="q"></form>${header}</header>` +
  '<main><article class="article" data-pagefind-body><header><h1>The headline</h1></header>' +
  `<p>${words}</p>${image ? '<figure><img src="/a.png" alt="A photo"></figure>' : ''}` +
  '<article class="nested"><p>Inside a nested article.</p></article>' +
  '<section data-pagefind-ignore><p>Related stories</p></section><p>After the nested one.</p></article></main>' +
  `<footer><p>Footer words</p>${footer}</footer><script type="module" src="/_astro/x.js"></script></body></html>`;
const attributes = '<span data-pagefind-filter="topic">Energy</span><span data-pagefind-meta="kind:article"></span>';
/** The page as the index had it before: whole, with the search data first inside the indexed element. */
const whole = (html: string) => html.replace('data-pagefind-body>', `data-pagefind-body>${attributes}`);
/** Shapes where something outside the indexed element counts: Pagefind's title is the first <h1>, its image the first <img> after it. */
const outsideCounts = [{ header: '<h1>Site name</h1>' }, { footer: '<img src="/logo.png" alt="Logo">', image: false }];

describe('indexedHtml', () => {
  it('keeps the whole indexed element, its nested elements included, with the search data first inside it', () => {
    expect(indexedHtml(page('Pipeline words'), attributes, 'articles/a/index.html')).toBe(
      '<!DOCTYPE html><html lang="en" data-theme="auto"><head></head><body><article class="article" data-pagefind-body>' +
        `${attributes}<header><h1>The headline</h1></header><p>Pipeline words</p>` +
        '<figure><img src="/a.png" alt="A photo"></figure><article class="nested"><p>Inside a nested article.</p></article>' +
        '<section data-pagefind-ignore><p>Related stories</p></section><p>After the nested one.</p></article></body></html>',
    );
  });

  it('gives the page whole when a title or an image outside the element would count', () => {
    for (const shape of outsideCounts) {
      const html = page('Words', shape);
      expect(indexedHtml(html, attributes, 'articles/d/index.html')).toBe(whole(html));
    }
  });

  it('names the page when it has search data but no element to put it in, or the element never ends', () => {
    expect(() => indexedHtml('<html><body><p>x</p></body></html>', attributes, 'articles/b/index.html')).toThrow(
      /no data-pagefind-body element in articles\/b\/index\.html/,
    );
    expect(() => indexedHtml('<html><body><div data-pagefind-body><p>x</p></body></html>', attributes, 'articles/c/index.html')).toThrow(
      /no end to the data-pagefind-body element in articles\/c\/index\.html/,
    );
  });

  it.each([{}, ...outsideCounts])('leaves the index as it was: Pagefind writes the same files as from the whole pages (%o)', async (shape) => {
    const pagefind = await import('pagefind');
    const written = async (given: (words: string) => string) => {
      const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
      for (const [i, words] of ['Pipeline exports through Russia', 'The Middle Corridor via Baku'].entries()) {
        expect((await index!.addHTMLFile({ url: `/articles/${i}/`, content: given(words) })).errors).toEqual([]);
      }
      const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-index-'));
      await index!.writeFiles({ outputPath: folder });
      const files = (await fs.readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
      const named = files.map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name))).sort();
      const contents = Object.fromEntries(await Promise.all(named.map(async (file) => [file, await fs.readFile(path.join(folder, file))])));
      await fs.rm(folder, { recursive: true });
      return contents;
    };
    try {
      const before = await written((words) => whole(page(words, shape)));
      const now = await written((words) => indexedHtml(page(words, shape), attributes, 'articles/x/index.html'));
      expect(Object.keys(now)).toEqual(Object.keys(before));
      expect(now).toEqual(before);
    } finally {
      await pagefind.close();
    }
  });
});

describe('the build’s search index', () => {
  /** An article page as the layout renders it, with its words. */
  const articlePage = (words: string) => page(words, { image: false });
  const attributesOf = (topic: string) => `<div hidden data-pagefind-ignore><span data-pagefind-filter="topic:${topic}"></span></div>`;
  /** What the index said in the last build: its line, and whether it read pages before the plan. */
  let said: { info: string[]; readEarly?: () => void } = { info: [] };
  const logger = {
    info: (line: string) => said.info.push(line),
    warn: () => {},
    error: () => {},
    debug: (line: string) => /before the plan/.test(line) && said.readEarly?.(),
    fork: () => logger,
    label: 'test',
    options: {},
  };

  interface Article {
    id: string;
    words: string;
    topic: string;
    /** When it was published: YYYY-MM. */
    month: string;
  }

  /** Every file of an index folder, by its path in it; none when there is no folder. */
  async function indexFiles(index: string): Promise<Record<string, Buffer>> {
    const files = await fs.readdir(index, { recursive: true, withFileTypes: true }).catch(() => []);
    const named = files.filter((entry) => entry.isFile()).map((entry) => path.relative(index, path.join(entry.parentPath, entry.name))).sort();
    return Object.fromEntries(await Promise.all(named.map(async (name) => [name, await fs.readFile(path.join(index, name))])));
  }

  /**
   * One build as scripts/build.mjs and Astro run it: into a staging folder beside the live one (`folders.out`), moved
   * into its place once done. The index starts, the articles route plans it, the rendered pages reach it through the
   * middleware (in `arrival` order), the rest are in the staging folder already, as the live site has them. A build
   * that leaves pages in place is one from the live site; with `early`, the plan waits until the index has read the
   * last build's sources, as it does when Astro takes seconds to get there; with `fail`, the build fails once the
   * index is written, and the staging folder goes. Returns the index's files, and how many of them are the live
   * index's own files (linked, not written again).
   */
  async function build(
    folders: { out: string; cache: string },
    articles: Article[],
    rendered: (article: Article) => boolean,
    { arrival = (list: Article[]) => list, early = false, fail = false } = {},
  ) {
    const staging = `${folders.out}.staging`;
    await fs.rm(staging, { recursive: true, force: true });
    await fs.mkdir(staging, { recursive: true });
    const seeded = !articles.every(rendered);
    const liveIndex = path.join(folders.out, 'pagefind');
    const liveBefore = await indexFiles(liveIndex);
    const integration = searchIndex();
    const hooks = integration.hooks as Record<string, (options: object) => unknown>;
    await hooks['astro:config:done']!({ config: { outDir: pathToFileURL(`${staging}/`), cacheDir: pathToFileURL(`${folders.cache}/`) } });
    const readEarly = new Promise<void>((resolve) => (said = { info: [], readEarly: resolve }));
    if (seeded) Object.assign(process.env, { NEWSROOM_SEEDED_OUTPUT: '1', NEWSROOM_LIVE_OUTPUT: folders.out });
    try {
      // Pages arrive here in the order each test gives (`arrival`), not Astro's: its prerenderer is not used.
      await hooks['astro:build:start']!({ logger, setPrerenderer: () => {} });
    } finally {
      delete process.env.NEWSROOM_SEEDED_OUTPUT;
      delete process.env.NEWSROOM_LIVE_OUTPUT;
    }
    if (early) await readEarly;
    const file = (article: Article) => `articles/${article.id}/index.html`;
    for (const article of articles.filter((article) => !rendered(article))) {
      for (const folder of [folders.out, staging]) {
        await fs.mkdir(path.join(folder, 'articles', article.id), { recursive: true });
        await fs.writeFile(path.join(folder, file(article)), articlePage(article.words));
      }
    }
    planSearchIndex(() => ({
      language: 'en',
      pages: articles.map((article) => ({
        url: `/articles/${article.id}/`,
        file: file(article),
        attributes: attributesOf(article.topic),
        rendered: rendered(article),
        key: createHash('sha256').update(article.words).digest('hex'),
        shard: article.month,
      })),
      records: [],
    }));
    for (const article of arrival(articles.filter(rendered))) {
      const html = articlePage(article.words);
      await fs.mkdir(path.join(staging, 'articles', article.id), { recursive: true });
      await fs.writeFile(path.join(staging, file(article)), html);
      indexPage(`/articles/${article.id}/`, html);
    }
    await hooks['astro:build:generated']!({});
    await hooks['astro:build:done']!({});
    // The live site is untouched by the build, its index too, even where the new one shares its files.
    expect(await indexFiles(liveIndex)).toEqual(liveBefore);
    const index = path.join(staging, 'pagefind');
    const files = await indexFiles(index);
    const shared = (
      await Promise.all(
        Object.keys(files).map(async (name) => {
          const live = await fs.stat(path.join(liveIndex, name)).catch(() => undefined);
          return live?.ino === (await fs.stat(path.join(index, name))).ino;
        }),
      )
    ).filter(Boolean).length;
    if (fail) await fs.rm(staging, { recursive: true });
    else {
      await fs.rm(folders.out, { recursive: true, force: true });
      await fs.rename(staging, folders.out);
    }
    return { files, shared };
  }

  const folders = async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-build-index-'));
    return { out: path.join(root, 'out'), cache: path.join(root, 'cache'), root };
  };
  type Folders = Awaited<ReturnType<typeof folders>>;
  /** Two sites of their own (output and cache folders), removed after the test: one built step by step, one fresh. */
  async function withTwoSites(test: (a: Folders, b: Folders) => Promise<void>) {
    const [a, b] = [await folders(), await folders()];
    try {
      await test(a, b);
    } finally {
      await fs.rm(a.root, { recursive: true, force: true });
      await fs.rm(b.root, { recursive: true, force: true });
    }
  }
  const before: Article[] = [
    { id: 'pipeline', words: 'Pipeline exports through Russia', topic: 'Energy', month: '2022-01' },
    { id: 'corridor', words: 'The Middle Corridor via Baku', topic: 'Trade', month: '2022-02' },
    { id: 'grain', words: 'Grain by rail to China', topic: 'Trade', month: '2022-03' },
  ];
  /** Pages a publish after `before` has read early: those of every month but the newest. */
  const readEarly = before.filter((article) => article.month < '2022-03').length;

  it('writes the same index whether a page was rendered by this build or left in place, and whatever order pages arrive in', () =>
    withTwoSites(async (a, b) => {
      const cold = await build(a, before, () => true);
      expect(Object.keys(cold.files).some((name) => name.startsWith('fragment/'))).toBe(true);
      // A publish: one new article, one article changed; the third left in place from the build before.
      const after: Article[] = [
        { id: 'new', words: 'A new route over the Caspian', topic: 'Energy', month: '2022-04' },
        { ...before[0]!, words: 'Pipeline exports resumed' },
        ...before.slice(1),
      ];
      const changed = new Set(['new', 'pipeline']);
      const publish = await build(a, after, (article) => changed.has(article.id), { arrival: (list) => [...list].reverse(), early: true });
      // The months before the newest were read while the build started, and the changed article handed over again;
      // the files the index shares with the live one (the unchanged articles' fragments, at least) were kept, not
      // written again, and the live index's files the new one does not name were dropped.
      expect(said.info.join('\n')).toContain(`(${readEarly} pages read before the plan, kept; ${publish.shared} files of the live index kept)`);
      expect(publish.shared).toBeGreaterThanOrEqual(2);
      const fresh = await build(b, after, () => true);
      expect(fresh.shared).toBe(0);
      expect(Object.keys(publish.files)).toEqual(Object.keys(fresh.files));
      expect(publish.files).toEqual(fresh.files);
      expect(publish.files).not.toEqual(cold.files);
    }));

  it('writes the index afresh when the files it shares with the live index cannot be told apart', () =>
    withTwoSites(async (a, b) => {
      const after: Article[] = [...before, { id: 'new', words: 'A new route over the Caspian', topic: 'Energy', month: '2022-04' }];
      const fresh = await build(b, after, () => true);
      await build(a, before, () => true);
      // The live index has a file by the name of the meta file the publish writes, but not what it holds: Pagefind
      // keeps it (a file named after what it holds is written once), and the publish cannot read which files to keep.
      const meta = Object.keys(fresh.files).find((name) => name.endsWith('.pf_meta'))!;
      await fs.writeFile(path.join(a.out, 'pagefind', meta), 'not an index');
      const publish = await build(a, after, (article) => article.id === 'new', { early: true });
      expect(said.info.join('\n')).not.toContain('files of the live index kept');
      expect(publish.shared).toBe(0);
      expect(publish.files).toEqual(fresh.files);
    }));

  it.each([
    ['an article dated into a month read early', [...before, { id: 'late', words: 'A late report from Aktau', topic: 'Energy', month: '2022-01' }]],
    ['an article gone from a month read early', before.slice(1)],
    ['an article moved to another month', [{ ...before[0]!, month: '2022-04' }, ...before.slice(1)]],
  ])('drops what it read early when the plan does not fit it (%s), and writes the index a cold build writes', (_, after) =>
    withTwoSites(async (a, b) => {
      await build(a, before, () => true);
      const known = new Set(before.map((article) => JSON.stringify(article)));
      const publish = await build(a, after, (article) => !known.has(JSON.stringify(article)), { early: true });
      expect(said.info.join('\n')).not.toContain('before the plan');
      const fresh = await build(b, after, () => true);
      expect(publish.files).toEqual(fresh.files);
    }));

  it('after a build that failed once its index was written, reads a page it had rendered again from the live site', () =>
    withTwoSites(async (a, b) => {
      await build(a, before, () => true);
      // The failed build rendered an edit of "pipeline" and wrote its index into its staging folder, then failed: the
      // live site still has the old page. The next build leaves that page in place, with the key it had before.
      await build(a, [{ ...before[0]!, words: 'Pipeline exports resumed' }, ...before.slice(1)], (article) => article.id === 'pipeline', { early: true, fail: true });
      const next = await build(a, before, () => false);
      const fresh = await build(b, before, () => true);
      expect(next.files).toEqual(fresh.files);
    }));

  it('reads a page left in place again when its search data changed, and drops an article no longer published', () =>
    withTwoSites(async (a, b) => {
      await build(a, before, () => true);
      // Same page, new search data (a topic renamed); one article gone.
      const after: Article[] = [{ ...before[0]!, topic: 'Oil and gas' }, before[1]!];
      const publish = await build(a, after, () => false, { early: true });
      // The changed page was read early as it was, and handed over again; the gone one was in the newest month.
      expect(said.info.join('\n')).toContain(`(${readEarly} pages read before the plan, kept;`);
      const fresh = await build(b, after, () => true);
      expect(publish.files).toEqual(fresh.files);
      const filters = Object.entries(publish.files).filter(([name]) => name.startsWith('filter/'));
      expect(filters.length).toBeGreaterThan(0);
    }));
});
