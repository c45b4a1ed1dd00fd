/**
 * Share cards: the og:image of every article page, which its quote pages share too (issue 17), drawn at build from the content with sharp
 * (Astro's own image dependency) and no other service. Text is set by Pango from a font file this project installs
 * (Source Serif 4, @expo-google-fonts/source-serif-4, SIL Open Font License), never a system font, so a card looks
 * the same on every machine. Each card is cached under the digest of what it shows (and of this module's design
 * version), so a publish draws only the cards whose text changed.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import type { Article, Site } from '../content';
import { formatDate } from '../shared/dates';
import { publishedHere, siteName } from '../shared/site';
import { shareCardSize } from '../shared/share-card-size';

/** Raise when the drawing changes, so cached cards are drawn again. */
const designVersion = 5;

const require = createRequire(import.meta.url);
const fontDir = path.dirname(require.resolve('@expo-google-fonts/source-serif-4/package.json'));
const fonts = {
  regular: { file: path.join(fontDir, '400Regular/SourceSerif4_400Regular.ttf'), name: 'Source Serif 4' },
  semibold: { file: path.join(fontDir, '600SemiBold/SourceSerif4_600SemiBold.ttf'), name: 'Source Serif 4 SemiBold' },
  bold: { file: path.join(fontDir, '700Bold/SourceSerif4_700Bold.ttf'), name: 'Source Serif 4 Bold' },
};

/** The palette of the site's light scheme (src/styles/tokens.css): a card is an image, seen outside the site. */
const colours = { bg: '#fdfcfa', text: '#1b1c1e', muted: '#55585e', accent: '#a3260f', rule: '#d9d5cc' };

/** What a card shows, as plain text: the same text always draws the same card. */
export interface CardContent {
  /** Small capitals above: the site's name, then e.g. the article's first topic. */
  kicker: string;
  /** The headline, or a quote's words (with its quotation marks). */
  main: string;
  /** 'headline' sets the main text bold; 'quote' a little lighter, with a large opening mark. */
  style: 'headline' | 'quote';
  /** Lines under it: byline and publisher, or speaker and role. */
  lines: string[];
}

export const cardDigest = (content: CardContent) =>
  createHash('sha256').update(JSON.stringify({ designVersion, content })).digest('hex').slice(0, 32);

/** Where drawn cards are kept between builds: SHARE_CARD_CACHE, which astro.config.mjs points into the content folder's cache. */
const cacheDir = () => path.resolve(process.env['SHARE_CARD_CACHE'] ?? 'node_modules/.astro/share-cards');

/**
 * Cards drawn ahead of their route (`drawAhead`) by digest, settled once the card is in the cache folder, each asked
 * for once; and those still waiting their turn. Only the promise is kept: a thousand drawn cards held until the route
 * read them were about 50 MB of the build's peak memory, and the route reads each from the cache folder instead.
 */
const ahead = new Map<string, Promise<unknown>>();
const waiting = new Set<string>();

/** The card as PNG: from the cache when a card with the same digest was drawn before, else drawn and kept. */
export async function shareCard(content: CardContent): Promise<Buffer> {
  // The route has begun, so the JavaScript thread mostly waits for cards now: a second card is drawn at a time.
  if (workers === 1) startWorker();
  const digest = cardDigest(content);
  const early = ahead.get(digest);
  if (early) {
    ahead.delete(digest);
    // Drawn and written (or failed, and drawn again here so that the route reports why).
    await early;
  }
  // Asked for before the pool reached it: drawn here, and the pool skips it.
  waiting.delete(digest);
  return cachedOrDrawn(digest, content);
}

async function cachedOrDrawn(digest: string, content: CardContent): Promise<Buffer> {
  const file = path.join(cacheDir(), `${digest}.png`);
  try {
    return await fs.promises.readFile(file);
  } catch {
    const png = await drawCard(content);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    // Written under a temporary name and moved, so a build that stops halfway leaves no half-written card.
    const partial = `${file}.${process.pid}.tmp`;
    await fs.promises.writeFile(partial, png);
    await fs.promises.rename(partial, file);
    return png;
  }
}

/** What drawAhead has left to draw, in order, and how many cards it draws at a time. */
const queue: { content: CardContent; digest: string }[] = [];
let workers = 0;

function startWorker(): void {
  workers++;
  void (async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      if (!waiting.delete(item.digest)) continue;
      // A failure is the route's to report, when it asks for that card (and draws it again).
      const card = cachedOrDrawn(item.digest, item.content).catch(() => undefined);
      ahead.set(item.digest, card);
      await card;
    }
    workers--;
  })();
}

/**
 * Starts drawing every card not yet in the cache, last first, and returns at once. sharp does its work on libuv's
 * thread pool, off the JavaScript thread, so one card at a time is drawn on the machine's other core while Astro
 * renders the other pages; once the cards' route begins (`shareCard`), two. Called from the route's getStaticPaths,
 * which Astro runs for every route before it renders any page. A cold build at 1,000 articles drew its cards one after
 * another in the route, 96 s of its 190 (docs/scale.md).
 *
 * Last first because scripts/draw-cards.ts has been drawing the same cards first first since the build began: the two
 * meet in the middle, and a card one of them drew is read from the cache by the other (`cachedOrDrawn`).
 */
export function drawAhead(contents: CardContent[]): void {
  for (const content of [...contents].reverse()) {
    const digest = cardDigest(content);
    if (ahead.has(digest) || waiting.has(digest) || fs.existsSync(path.join(cacheDir(), `${digest}.png`))) continue;
    waiting.add(digest);
    queue.push({ content, digest });
  }
  if (workers === 0 && queue.length > 0) startWorker();
}

/**
 * Draws, one after another in this order, every card not yet in the cache (scripts/draw-cards.ts, beside the build).
 * Returns how many it drew.
 */
export async function drawMissing(contents: CardContent[]): Promise<number> {
  let drawn = 0;
  for (const content of contents) {
    const digest = cardDigest(content);
    if (fs.existsSync(path.join(cacheDir(), `${digest}.png`))) continue;
    await cachedOrDrawn(digest, content);
    drawn++;
  }
  return drawn;
}

/** Pango markup escapes: the text is the journalism's, never markup. */
const escape = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

/**
 * A block of set text as its coverage: one byte a pixel, 0 where the paper shows and 255 where the ink does (what
 * Pango's RGBA output carries in its alpha, byte for byte). The colour is the card's to lay on (`ink`), so a block
 * is a quarter of the size of an RGBA one and the same words in another colour would be the same block.
 */
interface TextBlock {
  mask: Buffer;
  width: number;
  /** The rows set: the block is cut to `height` when it is placed. */
  rows: number;
  /** The room it takes on the card: at most the maxHeight it was set for. */
  height: number;
}

/**
 * The last short blocks set (kickers, bylines, publisher lines), by what they say and how: "NEWSROOM · TOPIC", a
 * byline and "First published by …, <date>" repeat across many cards, and Pango takes some milliseconds for each.
 * A short block is at most 80 rows of one byte a pixel (under 90 KB), so a few hundred are kept. Main texts (headlines,
 * quotes' words) are each on one card only and are not kept.
 */
const blocks = new Map<string, Promise<TextBlock>>();
const keptBlocks = 256;

/** A block of text set in one face at `size` px, wrapped to `width`; set smaller, down to `min`, until it fits `maxHeight`. */
function text(content: string, face: keyof typeof fonts, size: number, width: number, maxHeight: number, min = size, keep = true): Promise<TextBlock> {
  if (!keep) return setText(content, face, size, width, maxHeight, min);
  const key = JSON.stringify([content, face, size, width, maxHeight, min]);
  let block = blocks.get(key);
  if (block) {
    // Most recently used last, so the oldest is the one dropped.
    blocks.delete(key);
  } else {
    block = setText(content, face, size, width, maxHeight, min);
    block.catch(() => blocks.delete(key));
  }
  blocks.set(key, block);
  if (blocks.size > keptBlocks) blocks.delete(blocks.keys().next().value!);
  return block;
}

async function setText(content: string, face: keyof typeof fonts, size: number, width: number, maxHeight: number, min: number): Promise<TextBlock> {
  for (let px = size; ; px = Math.max(min, Math.round(px * 0.9))) {
    const { data, info } = await sharp({
      text: { text: escape(content), font: `${fonts[face].name} ${px}`, fontfile: fonts[face].file, dpi: 72, width, wrap: 'word', spacing: Math.round(px * 0.04) },
    })
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.height <= maxHeight || px === min) return { mask: data, width: info.width, rows: info.height, height: Math.min(info.height, maxHeight) };
  }
}

const blanks = new Map<string, Buffer>();

/** An RGB pixel buffer of the card, drawn in JavaScript: flat rectangles and text laid on as `over` would. */
class Canvas {
  readonly pixels: Buffer;
  constructor(
    readonly width: number,
    readonly height: number,
    paper: string,
  ) {
    // A copy of a blank sheet made once: copying 2 MB is cheaper than filling them with a three-byte pattern.
    const key = `${width}x${height}${paper}`;
    let blank = blanks.get(key);
    if (!blank) blanks.set(key, (blank = Buffer.alloc(width * height * 3).fill(Buffer.from(rgb(paper)))));
    this.pixels = Buffer.from(blank);
  }

  rect(x: number, y: number, width: number, height: number, colour: string): void {
    const fill = Buffer.from(rgb(colour));
    for (let row = y; row < y + height; row++) this.pixels.fill(fill, (row * this.width + x) * 3, (row * this.width + x + width) * 3);
  }

  /** Lays the block's ink on in `colour`, each pixel mixed with what is under it by the ink's coverage, rounded. */
  ink(block: TextBlock, left: number, top: number, colour: string): void {
    const [r, g, b] = rgb(colour);
    const { pixels } = this;
    const rows = Math.min(block.height, this.height - top);
    const columns = Math.min(block.width, this.width - left);
    for (let y = 0; y < rows; y++) {
      const from = y * block.width;
      for (let x = 0; x < columns; x++) {
        const a = block.mask[from + x]!;
        if (a === 0) continue;
        const at = ((top + y) * this.width + left + x) * 3;
        const rest = 255 - a;
        pixels[at] = (pixels[at]! * rest + r * a + 127) / 255;
        pixels[at + 1] = (pixels[at + 1]! * rest + g * a + 127) / 255;
        pixels[at + 2] = (pixels[at + 2]! * rest + b * a + 127) / 255;
      }
    }
  }
}

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

async function drawCard(content: CardContent): Promise<Buffer> {
  const { width, height } = shareCardSize;
  const margin = 64;
  const inner = width - 2 * margin;
  const kicker = await text(content.kicker.toUpperCase(), 'semibold', 26, inner, 40);
  const lines = await Promise.all(content.lines.map((line, index) => text(line, index === 0 ? 'semibold' : 'regular', 28, inner, 80, 22)));
  const linesHeight = lines.reduce((sum, line) => sum + line.height + 8, 0);
  const top = margin + 12 + kicker.height + 28;
  const bottom = height - margin - linesHeight - 28;
  const main =
    content.style === 'headline'
      ? await text(content.main, 'bold', 72, inner, bottom - top, 36, false)
      : await text(content.main, 'semibold', 56, inner - 40, bottom - top, 28, false);

  // Drawn here rather than by sharp's composite, which works in floating point on the whole card for each block:
  // about 25 ms of a card's 45 for what this does in a few (docs/scale.md). Only the encoding is left to sharp.
  const card = new Canvas(width, height, colours.bg);
  card.rect(0, 0, width, 12, colours.accent);
  if (content.style === 'quote') card.rect(margin, top, 6, main.height, colours.accent);
  card.rect(margin, height - margin - linesHeight - 14, inner, 2, colours.rule);
  card.ink(kicker, margin, margin + 12, colours.accent);
  card.ink(main, content.style === 'quote' ? margin + 34 : margin, top, colours.text);
  let y = height - margin - linesHeight + 4;
  lines.forEach((line, index) => {
    card.ink(line, margin, y, index === 0 ? colours.text : colours.muted);
    y += line.height + 8;
  });
  // Full colour (RGB, no alpha: a card is opaque) at zlib's level 3: about 4 ms a card and 60 KB, against 7 ms and
  // 52 KB at the default 6. A palette (libimagequant) made cards of 20 KB but took 80 to 110 ms each, most of a cold
  // build's card time (docs/scale.md), for bytes no page load counts.
  return sharp(card.pixels, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 3 }).toBuffer();
}

/** An article's card: its first topic, headline, authors and who first published it, when. */
export function articleCardContent(site: Pick<Site, 'topic' | 'person'>, article: Pick<Article, 'data'>): CardContent {
  const { data } = article;
  const topic = data.topics[0] ? site.topic(data.topics[0].id).data.name : undefined;
  const authors = data.authors.map((ref) => site.person(ref.id).data.name);
  const publisher = publishedHere(data.source.publisher) ? siteName : data.source.publisher;
  return {
    kicker: [siteName, topic].filter(Boolean).join(' · '),
    main: data.title,
    style: 'headline',
    lines: [`By ${authors.join(' and ')}`, `First published by ${publisher}, ${formatDate(data.published)}`],
  };
}

