import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cardDigest, shareCard, type CardContent } from './share-card';
import { shareCardSize } from '../shared/share-card-size';

const content: CardContent = { kicker: 'Newsroom · Kazakhstan', main: 'A headline & <b>its</b> words', style: 'headline', lines: ['By A Writer', 'First published by DW, 25 October 2022'] };
const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'share-cards-'));
process.env['SHARE_CARD_CACHE'] = cache;
afterAll(() => fs.rmSync(cache, { recursive: true, force: true }));

describe('share cards', () => {
  it('are keyed by what they show: other words, another key; the same words, the same key', () => {
    expect(cardDigest(content)).toBe(cardDigest({ ...content, lines: [...content.lines] }));
    expect(cardDigest({ ...content, main: 'Another headline' })).not.toBe(cardDigest(content));
    expect(cardDigest({ ...content, style: 'quote' })).not.toBe(cardDigest(content));
  });

  it('are PNGs of the declared size, drawn once and then read from the cache', async () => {
    const png = await shareCard(content);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual(shareCardSize);
    const file = path.join(cache, `${cardDigest(content)}.png`);
    expect(fs.existsSync(file)).toBe(true);
    // A cached card is what a later build serves: overwrite it and the next call returns the file, not a new drawing.
    fs.writeFileSync(file, Buffer.from('cached'));
    expect((await shareCard(content)).toString()).toBe('cached');
  });
});
