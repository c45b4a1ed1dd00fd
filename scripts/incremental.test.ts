/**
 * Incremental builds (issue 14) give the site a cold build would: on a small newsroom (the real content/ and eight
 * generated articles), build; publish an article quoting existing people, edit another person and delete a quote (its
 * mark in the article and its file);
 * build again from the cache; build the same content cold in another folder; and compare the two sites file by file
 * (scripts/bench/compare.mjs, which lists the build-time fields allowed to differ). A build that fails in between
 * leaves the last good site whole. Real builds, each half a minute to a few minutes on a busy machine, hence ten
 * minutes each; nothing here waits on a time.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeFields, compareTrees, filesUnder } from './bench/compare.mjs';
import { renderedPaths } from './bench/process.mjs';
import { generateNewsroom, publishedArticle } from './bench/generate.mjs';
import { contentCacheDir } from './content-cache.mjs';
import { tinyPng } from '../src/test-support/images';

const root = path.resolve(import.meta.dirname, '..');
// Fixed per checkout, as in build.test.ts: the content cache is keyed by the content folder.
const scratch = path.join(os.tmpdir(), `newsroom-incremental-test-${createHash('sha256').update(root).digest('hex').slice(0, 8)}`);
const content = path.join(scratch, 'content');
const out = path.join(scratch, 'dist');
const coldContent = path.join(scratch, 'cold', 'content');
const coldOut = path.join(scratch, 'cold', 'dist');
const caches = [content, coldContent].map((dir) => path.join(root, contentCacheDir(root, dir)));

function build(contentDir: string, outDir: string) {
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir, NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
  });
  const output = `${result.stdout}\n${result.stderr}`;
  // The pages a build leaves in place (page-keys.ts) Astro never sees, and the build counts them ("N keyed files
  // unchanged since the last build, left in place").
  const rendered = renderedPaths(output);
  const kept = Number(/(\d+) keyed files unchanged since the last build, left in place/.exec(output)?.[1] ?? 0);
  return { status: result.status, output, rendered, kept };
}

const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
  fs.writeFileSync(path.join(content, file), text);
};
const read = (file: string) => fs.readFileSync(path.join(content, file), 'utf8');
const seedFile = 'articles/kazakhstan-balancing-act-eu-russia.mdx';
const field = (text: string, name: string) => JSON.parse(new RegExp(`^${name}: (.*)$`, 'm').exec(text)![1]!) as string;
/** The speaker of a generated quote: a prop of its mark in its article (bench-00002-q0 stands in bench-00002). */
const speakerOf = (quote: string) => new RegExp(`<Quote id="${quote}" speaker="([^"]+)"`).exec(read(`articles/${quote.replace(/-q\d+$/, '')}.mdx`))![1]!;

/** A hash of every file of a built site, to see that a failed build left it as it was. */
const snapshot = (dir: string) => Object.fromEntries(filesUnder(dir).map((file) => [file, createHash('sha256').update(fs.readFileSync(path.join(dir, file))).digest('hex')]));

describe('an incremental build', () => {
  const generated = generateNewsroom({ articles: 8, seed: 3 });
  let published: Record<string, string>;
  let edited: string;
  let deleted: string;
  let incremental: ReturnType<typeof build>;

  beforeAll(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
    // A cache left by an earlier run would make the cold build below a warm one.
    for (const cache of caches) fs.rmSync(cache, { recursive: true, force: true });
    fs.cpSync(path.join(root, 'content'), content, { recursive: true });
    for (const [file, text] of Object.entries(generated)) write(file, text);
    // The seed article gets a lead image, which Astro's image pipeline makes in sizes and formats for its page only.
    fs.writeFileSync(path.join(content, 'articles', 'test-photo.png'), tinyPng(900, 500));
    write(seedFile, read(seedFile).replace('leadImage:\n', 'leadImage:\n  src: ./test-photo.png\n'));
    const first = build(content, out);
    expect(first.output).toContain('Build complete');
    expect(first.kept).toBe(0);
  }, 600_000);

  it('that fails leaves the last good site whole, and the next build still starts from its cache', () => {
    const before = snapshot(out);
    const quote = 'bench-00002-q0';
    const good = read('articles/bench-00002.mdx');
    write('articles/bench-00002.mdx', good.replace(`<Quote id="${quote}" speaker="${speakerOf(quote)}"`, `<Quote id="${quote}" speaker="nobody-of-that-name"`));
    try {
      const failed = build(content, out);
      expect(failed.status).not.toBe(0);
      expect(failed.output).toMatch(/nobody-of-that-name/);
      expect(failed.output).toMatch(/Build failed: the previous .*dist\/ is unchanged/);
    } finally {
      write('articles/bench-00002.mdx', good);
    }
    expect(snapshot(out)).toEqual(before);
  }, 600_000);

  it('after an article is published, a person edited and a quote deleted, renders only the pages they touch', () => {
    // The published article quotes three people already here and one new one (as the benchmark's publish step does).
    const before = Object.fromEntries(filesUnder(content).map((file) => [file, read(file)]));
    published = publishedArticle(before);
    for (const [file, text] of Object.entries(published)) write(file, text);
    const quotedNow = new Set(Object.values(published).flatMap((text) => [...text.matchAll(/<Quote id="[^"]+" speaker="([^"]+)"/g)].map((m) => m[1]!)));

    // Another person, not quoted in it, has their description edited.
    edited = ['bench-00001-q0', 'bench-00001-q1', 'bench-00004-q0', 'bench-00005-q0'].map(speakerOf).find((id) => !quotedNow.has(id))!;
    expect(edited).toBeTruthy();
    const person = read(`people/${edited}.yaml`);
    write(`people/${edited}.yaml`, person.replace(/^( {2}description: ).*$/m, '$1"Edited after the first build."'));

    // A quote of an older article is deleted: the sentence with its mark goes, and its file of extras with it.
    deleted = 'bench-00006-q1';
    const speakerName = field(read(`people/${speakerOf(deleted)}.yaml`), 'name');
    const article = read('articles/bench-00006.mdx');
    const mark = new RegExp(`<Quote id="${deleted}"[^>]*>[^<]*</Quote>`).exec(article)![0];
    const shown = [` "${mark}," said ${speakerName}.`, `\n\n"${mark}," ${speakerName} said.`].find((text) => article.includes(text))!;
    expect(shown).toBeTruthy();
    write('articles/bench-00006.mdx', article.replace(shown, ''));
    fs.rmSync(path.join(content, 'quotes', `${deleted}.yaml`));

    incremental = build(content, out);
    expect(incremental.output).toContain('Build complete');
    // It started from the live site's unchanged pages (scripts/build.mjs), which the comparison below holds to a cold build.
    expect(incremental.output).toMatch(/\(\d+ unchanged files kept from the previous build\)/);
    // Pages none of it touches were left in place, not rendered (the seed article shares no one and no topic with the
    // generated ones); the new, edited and deleted entries' pages were rendered.
    expect(incremental.kept).toBeGreaterThan(incremental.rendered.length);
    for (const page of ['/articles/kazakhstan-balancing-act-eu-russia/index.html', '/quotes/vassilenko-pro-kazakh/index.html']) {
      expect(incremental.rendered).not.toContain(page);
      expect(fs.existsSync(path.join(out, page))).toBe(true);
    }
    // The seed's page, left in place, still shows its lead image: every size and format it names is in the new site.
    const images = [...fs.readFileSync(path.join(out, 'articles', 'kazakhstan-balancing-act-eu-russia', 'index.html'), 'utf8').matchAll(/\/(_astro\/test-photo\.[\w-]+\.(?:avif|webp))/g)].map((m) => m[1]!);
    expect(new Set(images.map((image) => image.split('.').pop()))).toEqual(new Set(['avif', 'webp']));
    for (const image of images) expect(fs.existsSync(path.join(out, image)), image).toBe(true);
    expect(incremental.rendered).toEqual(expect.arrayContaining(['/articles/bench-published/index.html', `/people/${edited}/index.html`, '/articles/bench-00006/index.html']));
    // Quoting someone again re-renders none of their earlier quotes' pages, which link to all their quotes uncounted
    // (but a first quote's, which gains the link when a second comes, and those of articles the other two changes
    // touch: the one a quote was deleted from, those naming the edited person).
    const marks = Object.entries(before)
      .filter(([file]) => file.startsWith('articles/'))
      .flatMap(([file, text]) => [...text.matchAll(/<Quote id="([^"]+)" speaker="([^"]+)"/g)].map((m) => ({ file, id: m[1]!, speaker: m[2]! })));
    const earlier = marks.filter(
      (quote) =>
        quote.file !== 'articles/bench-00006.mdx' &&
        !before[quote.file]!.includes(edited) &&
        quotedNow.has(quote.speaker) && new Set(marks.filter((other) => other.speaker === quote.speaker).map((other) => other.id)).size > 1,
    );
    expect(earlier.length).toBeGreaterThan(0);
    for (const quote of earlier) expect(incremental.rendered).not.toContain(`/quotes/${quote.id}/index.html`);
    expect(fs.existsSync(path.join(out, 'quotes', deleted))).toBe(false);
    expect(fs.readFileSync(path.join(out, 'people', edited, 'index.html'), 'utf8')).toContain('Edited after the first build.');
  }, 600_000);

  it('writes, file by file, the site a cold build of the same content writes', () => {
    fs.cpSync(content, coldContent, { recursive: true });
    const cold = build(coldContent, coldOut);
    expect(cold.output).toContain('Build complete');
    expect(cold.kept).toBe(0);
    const result = compareTrees(out, coldOut);
    expect(result.files).toBeGreaterThan(300);
    expect({ onlyInIncremental: result.onlyInA, onlyInCold: result.onlyInB, differing: result.differing }).toEqual({
      onlyInIncremental: [],
      onlyInCold: [],
      differing: [],
    });
    // The list of fields allowed to differ is documented there, and every entry says why.
    for (const allowed of buildTimeFields) expect(allowed.why).toBeTruthy();
  }, 600_000);

  afterAll(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
    for (const cache of caches) fs.rmSync(cache, { recursive: true, force: true });
  });
});
