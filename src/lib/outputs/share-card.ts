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
const designVersion = 4;

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

/** Cards drawn ahead of their route (`drawAhead`) by digest, each handed out once; and those still waiting their turn. */
const ahead = new Map<string, Promise<Buffer>>();
const waiting = new Set<string>();

/** The card as PNG: from the cache when a card with the same digest was drawn before, else drawn and kept. */
export async function shareCard(content: CardContent): Promise<Buffer> {
  // The route has begun, so the JavaScript thread mostly waits for cards now: a second card is drawn at a time.
  if (workers === 1) startWorker();
  const digest = cardDigest(content);
  const early = ahead.get(digest);
  if (early) {
    ahead.delete(digest);
    return early;
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
      const card = cachedOrDrawn(item.digest, item.content);
      // Kept for the route as it is drawn; a failure is the route's to report, when it asks for that card.
      ahead.set(item.digest, card);
      await card.catch(() => undefined);
    }
    workers--;
  })();
}

/**
 * Starts drawing, in this order, every card not yet in the cache, and returns at once. sharp does its work on
 * libuv's thread pool, off the JavaScript thread, so one card at a time is drawn on the machine's other core while
 * Astro renders the other pages; once the cards' route begins (`shareCard`), two. Called from the route's
 * getStaticPaths, which Astro runs for every route before it renders any page. A cold build at 1,000 articles drew its
 * cards one after another in the route, 96 s of its 190 (docs/scale.md).
 */
export function drawAhead(contents: CardContent[]): void {
  for (const content of contents) {
    const digest = cardDigest(content);
    if (ahead.has(digest) || waiting.has(digest) || fs.existsSync(path.join(cacheDir(), `${digest}.png`))) continue;
    waiting.add(digest);
    queue.push({ content, digest });
  }
  if (workers === 0 && queue.length > 0) startWorker();
}

/** Pango markup escapes: the text is the journalism's, never markup. */
const escape = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

/** A block of set text as raw RGBA pixels, composited as they are (no PNG encoded and decoded in between). */
interface TextBlock {
  input: Buffer;
  raw: { width: number; height: number; channels: 4 };
  /** The room it takes on the card: at most the maxHeight it was set for. */
  height: number;
}

/**
 * The last text blocks set, by what they say and how: a kicker ("NEWSROOM · TOPIC") and a publisher line repeat
 * across many cards, and Pango takes some milliseconds for each. Kept few, as a block is up to a few hundred KB.
 */
const blocks = new Map<string, Promise<TextBlock>>();
const keptBlocks = 64;

/** A block of text set in one face at `size` px, wrapped to `width`; set smaller, down to `min`, until it fits `maxHeight`. */
function text(content: string, face: keyof typeof fonts, size: number, colour: string, width: number, maxHeight: number, min = size): Promise<TextBlock> {
  const key = JSON.stringify([content, face, size, colour, width, maxHeight, min]);
  let block = blocks.get(key);
  if (block) {
    // Most recently used last, so the oldest is the one dropped.
    blocks.delete(key);
  } else {
    block = setText(content, face, size, colour, width, maxHeight, min);
    block.catch(() => blocks.delete(key));
  }
  blocks.set(key, block);
  if (blocks.size > keptBlocks) blocks.delete(blocks.keys().next().value!);
  return block;
}

async function setText(content: string, face: keyof typeof fonts, size: number, colour: string, width: number, maxHeight: number, min: number): Promise<TextBlock> {
  for (let px = size; ; px = Math.max(min, Math.round(px * 0.9))) {
    const { data, info } = await sharp({
      text: {
        text: `<span foreground="${colour}">${escape(content)}</span>`,
        font: `${fonts[face].name} ${px}`,
        fontfile: fonts[face].file,
        dpi: 72,
        width,
        rgba: true,
        wrap: 'word',
        spacing: Math.round(px * 0.04),
      },
    })
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.height <= maxHeight || px === min) return { input: data, raw: { width: info.width, height: info.height, channels: 4 }, height: Math.min(info.height, maxHeight) };
  }
}

async function drawCard(content: CardContent): Promise<Buffer> {
  const { width, height } = shareCardSize;
  const margin = 64;
  const inner = width - 2 * margin;
  const kicker = await text(content.kicker.toUpperCase(), 'semibold', 26, colours.accent, inner, 40);
  const lines = await Promise.all(content.lines.map((line, index) => text(line, index === 0 ? 'semibold' : 'regular', 28, index === 0 ? colours.text : colours.muted, inner, 80, 22)));
  const linesHeight = lines.reduce((sum, line) => sum + line.height + 8, 0);
  const top = margin + 12 + kicker.height + 28;
  const bottom = height - margin - linesHeight - 28;
  const main =
    content.style === 'headline'
      ? await text(content.main, 'bold', 72, colours.text, inner, bottom - top, 36)
      : await text(content.main, 'semibold', 56, colours.text, inner - 40, bottom - top, 28);

  const background = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<rect width="${width}" height="${height}" fill="${colours.bg}"/>` +
      `<rect width="${width}" height="12" fill="${colours.accent}"/>` +
      (content.style === 'quote' ? `<rect x="${margin}" y="${top}" width="6" height="${main.height}" fill="${colours.accent}"/>` : '') +
      `<rect x="${margin}" y="${height - margin - linesHeight - 14}" width="${inner}" height="2" fill="${colours.rule}"/>` +
      `</svg>`,
  );
  let y = height - margin - linesHeight + 4;
  const placed = lines.map((line) => {
    const at = { input: line.input, raw: line.raw, left: margin, top: y };
    y += line.height + 8;
    return at;
  });
  return sharp(background)
    .composite([
      { input: kicker.input, raw: kicker.raw, left: margin, top: margin + 12 },
      { input: main.input, raw: main.raw, left: content.style === 'quote' ? margin + 34 : margin, top },
      ...placed,
    ])
    // Full colour at zlib's default level: about 10 ms a card and 45 KB. A palette (libimagequant) made cards of 20 KB
    // but took 80 to 110 ms each, most of a cold build's card time (docs/scale.md), for bytes no page load counts.
    .png()
    .toBuffer();
}

/** An article's card: its first topic, headline, authors and who first published it, when. */
export function articleCardContent(site: Site, article: Article): CardContent {
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

