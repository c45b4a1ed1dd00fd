import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { replaceOnWrite } from './seeded-output';

describe('replaceOnWrite', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-seeded-'));
  const live = path.join(scratch, 'live');
  const staging = path.join(scratch, 'staging');
  let undo: (() => void) | undefined;
  afterEach(() => {
    undo?.();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('writes a page into the staging folder as a new file, so the live page linked to it keeps its words', async () => {
    for (const dir of [live, staging]) fs.mkdirSync(path.join(dir, 'people'), { recursive: true });
    const page = path.join('people', 'index.html');
    fs.writeFileSync(path.join(live, page), 'the live page');
    fs.linkSync(path.join(live, page), path.join(staging, page));
    fs.linkSync(path.join(live, page), path.join(staging, 'other.html'));

    undo = replaceOnWrite(staging);
    await fs.promises.writeFile(path.join(staging, page), 'the new page');
    // Astro passes the file as a URL.
    await fs.promises.writeFile(pathToFileURL(path.join(staging, 'other.html')), 'another new page');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(live, 'outside.txt'), 'a file outside the staging folder');

    expect(fs.readFileSync(path.join(staging, page), 'utf8')).toBe('the new page');
    expect(fs.readFileSync(path.join(staging, 'other.html'), 'utf8')).toBe('another new page');
    expect(fs.readFileSync(path.join(live, page), 'utf8')).toBe('the live page');
    expect(fs.statSync(path.join(live, page)).nlink).toBe(1);
    expect(fs.readFileSync(path.join(live, 'outside.txt'), 'utf8')).toBe('a file outside the staging folder');
  });

  it('copies a file into the staging folder as a new file, so the live file linked to it keeps its bytes', async () => {
    // Astro copies each image of its image pipeline into the output folder from its own cache.
    for (const dir of [live, staging]) fs.mkdirSync(path.join(dir, '_astro'), { recursive: true });
    const image = path.join('_astro', 'photo.avif');
    fs.writeFileSync(path.join(live, image), 'the live image');
    fs.linkSync(path.join(live, image), path.join(staging, image));
    const cached = path.join(scratch, 'cached.avif');
    fs.writeFileSync(cached, 'the image made again');

    undo = replaceOnWrite(staging);
    await fs.promises.copyFile(cached, pathToFileURL(path.join(staging, image)), fs.constants.COPYFILE_FICLONE);

    expect(fs.readFileSync(path.join(staging, image), 'utf8')).toBe('the image made again');
    expect(fs.readFileSync(path.join(live, image), 'utf8')).toBe('the live image');
    expect(fs.statSync(path.join(live, image)).nlink).toBe(1);
  });

  it('keeps the live page whole when its link is made while the page is being written (scripts/build.mjs links as Astro starts)', async () => {
    for (const dir of [live, staging]) fs.mkdirSync(path.join(dir, 'topics'), { recursive: true });
    const page = path.join('topics', 'index.html');
    fs.writeFileSync(path.join(live, page), 'the live page');

    undo = replaceOnWrite(staging);
    const writing = fs.promises.writeFile(path.join(staging, page), 'the new page');
    fs.linkSync(path.join(live, page), path.join(staging, page));
    await writing;

    expect(fs.readFileSync(path.join(staging, page), 'utf8')).toBe('the new page');
    expect(fs.readFileSync(path.join(live, page), 'utf8')).toBe('the live page');
    expect(fs.statSync(path.join(live, page)).nlink).toBe(1);
    // Nothing is left beside it.
    expect(fs.readdirSync(path.join(staging, 'topics'))).toEqual(['index.html']);
  });

  it('stops when undone', async () => {
    fs.mkdirSync(staging, { recursive: true });
    const before = [fs.promises.writeFile, fs.promises.copyFile];
    replaceOnWrite(staging)();
    expect([fs.promises.writeFile, fs.promises.copyFile]).toEqual(before);
  });
});
