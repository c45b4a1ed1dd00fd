/**
 * An article's MDX body as a tree, rendered to HTML without Astro: for the article page (`articlePageParts`), the
 * content API's `body.html` and the paragraphs quote pages show. Parsed by Sätteri, the parser Astro's own MDX pipeline
 * uses (with the site's features), so the blocks are the ones @astrojs/mdx would make. Quotes take their words from
 * their entries and names link to their people exactly as the mdx/ components render them. Fact boxes and route maps,
 * which this site adds to the journalism, are left to the article page, which renders them as components; elsewhere
 * they render as nothing (their data is in the API's figures and routes, their place in the MDX source).
 *
 * Text is escaped as Astro escapes it (&amp; &lt; &gt; &#39; &quot;). On the article page attribute values are too
 * (only & and "), so the page is what @astrojs/mdx made of it, byte for byte (checked on the seed and the benchmark's
 * corpus). The content API's and the quote pages' HTML escapes attributes as it does text, as it always did, and its
 * quotes' words are links; src/lib/outputs/html-text.ts reads it.
 */
import GithubSlugger from 'github-slugger';
import { mdxToHast } from 'satteri';
import { personUrl, quoteAnchor, quoteUrl } from '../shared/urls';
import type { MdxComponentName } from './registry';

/** What the renderer needs of a quote: the Site's quotes fit. */
export interface BodyQuote {
  id: string;
  data: { text: string | readonly string[]; kind: string; speaker: { id: string } };
}

/** The entries a body names, looked up by id (a Site fits); an unknown id throws. */
export interface BodyEntries {
  quote: (id: string) => BodyQuote;
  person: (id: string) => { id: string };
}

/** A node of the tree: hast elements and text, and the MDX nodes Sätteri leaves in it. */
export interface BodyNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: BodyNode[];
  value?: string;
  /** An MDX element's name, e.g. "Quote". */
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
}

/** A parsed body: the root of its tree. */
export type BodyTree = BodyNode & { type: 'root'; children: BodyNode[] };

/** Parses an MDX body (without frontmatter) as the article page does: GFM on, quotation marks left as written. */
export function parseBody(mdx: string): BodyTree {
  return mdxToHast(mdx, { features: { gfm: true, smartPunctuation: false }, position: false }) as unknown as BodyTree;
}

/** What the article page needs of a person besides the renderer's: the name its quote marks are labelled with. */
export interface PageEntries extends BodyEntries {
  person: (id: string) => { id: string; data: { name: string } };
}

/** The components an article page renders itself, with their props, where the body places them. */
export type PageComponent = { component: 'FactBox'; props: { figures: string[] } } | { component: 'RouteMap'; props: { routes: string[]; caption?: string } };

/** A run of an article page's body: HTML as it is written into the page, or a component the page renders there. */
export type BodyPart = { html: string } | PageComponent;

/**
 * The body as the article page shows it, without compiling the article as a module: the HTML @astrojs/mdx would make
 * of it with the site's components (mdx/Quote.astro's marks, mdx/Person.astro's links), byte for byte, cut where a
 * fact box or a route map stands, which the page renders as components (they draw from the Site and their styles are
 * the page's). Articles are kept as data (src/lib/content/article-loader.ts), so Vite no longer compiles each one on
 * every build.
 */
export function articlePageParts(tree: BodyTree, entries: PageEntries, quoteLinkLabel: (speakerName: string) => string): BodyPart[] {
  const components: PageComponent[] = [];
  const html = render(tree.children, { entries, mode: 'page', slugger: new GithubSlugger(), components, quoteLinkLabel });
  const parts: BodyPart[] = [];
  html.split(partMark).forEach((piece, i) => {
    // Odd pieces are a component's number, even ones the HTML between components.
    if (i % 2) parts.push(components[Number(piece)]!);
    else if (piece) parts.push({ html: piece });
  });
  return parts;
}

/** Where a component stands in the page mode's HTML: a number between two NULs, which text never holds (see render). */
const partMark = /\u0000(\d+)\u0000/;

/** The whole body as HTML, as the article page renders it: headings with their ids, quotes with their anchors. */
export function bodyHtml(tree: BodyTree, entries: BodyEntries): string {
  return render(tree.children, { entries, mode: 'article', slugger: new GithubSlugger() });
}

const madeHtml = new WeakMap<BodyEntries, Map<string, string>>();

/**
 * An article body's HTML (`bodyHtml`), made once per body and Site: the content API's list and each article's own
 * document show the same HTML, and the quote pages' getStaticPaths, which parses every body anyway, passes its tree
 * so that neither API route parses a body again (each body was parsed three times and rendered twice per build).
 */
export function articleBodyHtml(mdx: string, entries: BodyEntries, tree?: BodyTree): string {
  let bySite = madeHtml.get(entries);
  if (!bySite) madeHtml.set(entries, (bySite = new Map()));
  let html = bySite.get(mdx);
  if (html === undefined) bySite.set(mdx, (html = bodyHtml(tree ?? parseBody(mdx), entries)));
  return html;
}

/**
 * For each quote in the body, the blocks it stands in (a statement split over paragraphs gives several), in reading
 * order, as quote pages show them: this quote's words marked, other quotes and names linked, no element ids (the
 * article's anchors exist only in the article). A block is the innermost paragraph, list item (shown in its list),
 * heading or table cell (shown as a paragraph, so the quote page's outline and tables stay whole) around the quote.
 */
export function quoteBlocks(tree: BodyTree, entries: BodyEntries): Map<string, string[]> {
  const found = new Map<string, { block: BodyNode; list: BodyNode | undefined }[]>();
  const visit = (node: BodyNode, block: BodyNode | undefined, list: BodyNode | undefined, parent: BodyNode) => {
    if (isBlock(node)) {
      block = node;
      list = node.tagName === 'li' ? parent : undefined;
    }
    const id = isMdx(node) && node.name === 'Quote' ? stringAttribute(node, 'id') : undefined;
    if (id !== undefined && block) {
      const blocks = found.get(id) ?? [];
      if (!blocks.some((seen) => seen.block === block)) blocks.push({ block, list });
      found.set(id, blocks);
    }
    for (const child of node.children ?? []) visit(child, block, list, node);
  };
  visit(tree, undefined, undefined, tree);

  const blocks = new Map<string, string[]>();
  for (const [id, places] of found) {
    const context: Context = { entries, mode: 'paragraph', marked: id };
    blocks.set(
      id,
      places.map(({ block, list }) => {
        if (list) return `<${list.tagName}>${render([block], context)}</${list.tagName}>`;
        if (block.tagName === 'p' || block.tagName === 'li') return render([block], context);
        return `<p>${render(block.children ?? [], context)}</p>`;
      }),
    );
  }
  return blocks;
}

interface Context {
  entries: BodyEntries;
  /**
   * 'article': the content API's HTML; 'page': the article page's, quotes as prose with their marks and components
   * left to the page (`components`); 'paragraph': as on a quote page, with `marked` the quote it is for.
   */
  mode: 'article' | 'page' | 'paragraph';
  marked?: string;
  /** Heading ids, numbered as the article page numbers them (github-slugger, as Astro's heading-ids plugin). */
  slugger?: GithubSlugger;
  /** How many marks of each quote came so far (a split statement's segments), in article and page mode. */
  seen?: Map<string, number>;
  /** In page mode: the components met so far, in reading order, and the label of a quote's link to its page. */
  components?: PageComponent[];
  quoteLinkLabel?: (speakerName: string) => string;
}

const blockTags = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th']);
const isBlock = (node: BodyNode) => node.type === 'element' && blockTags.has(node.tagName!);
const isMdx = (node: BodyNode) => node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement';

/** HTML's void elements among those Markdown writes. */
const voids = new Set(['br', 'hr', 'img', 'input']);

/** How each component authors may use renders: every one is named, so a new one cannot be forgotten here. */
const components: Record<MdxComponentName, (node: BodyNode, context: Context) => string> = {
  Quote: (node, context) => {
    // A mark around the words: the words are the mark's own text; a split statement is several marks with one id,
    // counted here in reading order (the first carries the anchor).
    const quote = context.entries.quote(requiredAttribute(node, 'id'));
    const seen = (context.seen ??= new Map<string, number>());
    const part = (seen.get(quote.id) ?? 0) + 1;
    seen.set(quote.id, part);
    const words = render(node.children ?? [], context);
    if (context.mode === 'paragraph' && quote.id === context.marked) return `<mark class="this-quote">${words}</mark>`;
    if (context.mode === 'page') {
      // As mdx/Quote.astro writes it: the words as prose, the anchor on the first segment, the link to the quote's
      // page after the last.
      const segments = typeof quote.data.text === 'string' ? 1 : quote.data.text.length;
      const id = part === 1 ? ` id="${escapeAttribute(quoteAnchor(quote.id))}"` : '';
      const speaker = (context.entries as PageEntries).person(quote.data.speaker.id);
      const link =
        part === segments
          ? `<a class="quote-link" href="${escapeAttribute(quoteUrl(quote.id))}" aria-label="${escapeAttribute(context.quoteLinkLabel!(speaker.data.name))}"></a>`
          : '';
      return `<span class="quote"${id}>${words}</span>${link}`;
    }
    // The article's anchor on the first segment, as mdx/Quote.astro writes it. The API's HTML keeps each quote's words
    // as the link to its page, for sites that republish it; the article page sets them as prose with a small mark
    // after them instead (issue 17), which is the one way its HTML differs from this.
    const id = context.mode === 'article' && part === 1 ? ` id="${escape(quoteAnchor(quote.id))}"` : '';
    const speaker = context.entries.person(quote.data.speaker.id);
    return (
      `<a class="quote"${id} href="${escape(quoteUrl(quote.id))}" data-kind="${escape(quote.data.kind)}" ` +
      `data-speaker="${escape(speaker.id)}">${words}</a>`
    );
  },
  Person: (node, context) => {
    const person = context.entries.person(requiredAttribute(node, 'id'));
    return `<a href="${attributeEscape(context)(personUrl(person.id))}">${render(node.children ?? [], context)}</a>`;
  },
  FactBox: (node, context) => placed(context, { component: 'FactBox', props: { figures: listAttribute(node, 'figures') } }),
  RouteMap: (node, context) => {
    const caption = stringAttribute(node, 'caption');
    return placed(context, { component: 'RouteMap', props: { routes: listAttribute(node, 'routes'), ...(caption === undefined ? {} : { caption }) } });
  },
};

/** A component the article page renders: kept in page mode, where its mark stands in the HTML; nothing elsewhere. */
function placed(context: Context, component: PageComponent): string {
  if (context.mode !== 'page') return '';
  context.components!.push(component);
  return `\u0000${context.components!.length - 1}\u0000`;
}

function render(nodes: readonly BodyNode[], context: Context): string {
  let html = '';
  for (const node of nodes) {
    // A NUL would be read as a component's place in page mode (partMark); HTML has no use for it.
    if (node.type === 'text') html += escape((node.value ?? '').replaceAll('\u0000', ''));
    else if (node.type === 'element') html += element(node, context);
    else if (isMdx(node) && /^[a-z]/.test(node.name ?? '')) html += element(htmlElement(node), context);
    else if (isMdx(node)) {
      const component = components[node.name as MdxComponentName];
      if (!component) throw new Error(`<${node.name}> is not a component articles can use.`);
      html += component(node, context);
    } else if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && isComment(node.value ?? '')) {
      // {/* a comment */} renders as nothing on the page too.
    } else {
      throw new Error(`Cannot render ${node.type} in an article body: write prose, Markdown and the site's components.`);
    }
  }
  return html;
}

function element(node: BodyNode, context: Context): string {
  const tag = node.tagName!;
  const properties = { ...node.properties };
  if (/^h[1-6]$/.test(tag) && context.mode !== 'paragraph' && typeof properties['id'] !== 'string') {
    // Astro's heading-ids plugin: the text of the heading, names included, quotes' words not (they are not text).
    properties['id'] = context.slugger!.slug(textOf(node));
  }
  if (context.mode === 'paragraph') delete properties['id'];
  const open = `<${tag}${attributes(properties, attributeEscape(context))}>`;
  return voids.has(tag) ? open : `${open}${render(node.children ?? [], context)}</${tag}>`;
}

/** An HTML tag written in MDX, <b>like this</b>, as the element it stands for; its attributes must be plain strings. */
function htmlElement(node: BodyNode): BodyNode {
  const properties: Record<string, unknown> = {};
  for (const a of node.attributes ?? []) {
    if (a.type !== 'mdxJsxAttribute' || (a.value !== null && a.value !== undefined && typeof a.value !== 'string')) {
      throw new Error(`<${node.name}>: only attributes with plain values, name="value", can be rendered.`);
    }
    properties[a.name!] = a.value ?? true;
  }
  return { type: 'element', tagName: node.name!, properties, children: node.children ?? [] };
}

function textOf(node: BodyNode): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');
}

/** hast property names to HTML attributes: className is class, dataFootnoteRef data-footnote-ref, ariaLabel aria-label. */
function attributes(properties: Record<string, unknown>, escapeValue: (value: string) => string): string {
  let html = '';
  for (const [property, value] of Object.entries(properties)) {
    if (value === null || value === undefined || value === false) continue;
    const name =
      property === 'className'
        ? 'class'
        : property === 'htmlFor'
          ? 'for'
          : /^(data|aria)[A-Z]/.test(property)
            ? property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
            : property.toLowerCase();
    html += value === true ? ` ${name}` : ` ${name}="${escapeValue(Array.isArray(value) ? value.join(' ') : String(value))}"`;
  }
  return html;
}

function attribute(node: BodyNode, name: string): unknown {
  return node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
}

function stringAttribute(node: BodyNode, name: string): string | undefined {
  const value = attribute(node, name);
  return typeof value === 'string' ? value : undefined;
}

/** A list of ids, written figures={["one", "two"]}: string literals only, as the content checks hold them. */
function listAttribute(node: BodyNode, name: string): string[] {
  const value = attribute(node, name) as { type?: string; value?: string } | undefined;
  const source = value?.type === 'mdxJsxAttributeValueExpression' ? (value.value ?? '') : undefined;
  const list = source !== undefined && /^\s*\[\s*(?:(["'])[^"'\\]*\1\s*(?:,\s*(["'])[^"'\\]*\2\s*)*,?\s*)?\]\s*$/.test(source) ? source : undefined;
  if (list === undefined) throw new Error(`<${node.name}> needs ${name}={["an-id", "another-id"]}: a list of ids in quotation marks.`);
  return [...list.matchAll(/["']([^"']*)["']/g)].map((match) => match[1]!);
}

function requiredAttribute(node: BodyNode, name: string): string {
  const value = stringAttribute(node, name);
  if (value === undefined) throw new Error(`<${node.name}> needs ${name}="…".`);
  return value;
}

const isComment = (source: string) => /^\s*(\/\*[\s\S]*?\*\/\s*)*$/.test(source);

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };
/** As Astro escapes text and attribute values. */
const escape = (text: string) => text.replace(/[&<>'"]/g, (char) => entities[char]!);
/** As Astro escapes an attribute value it writes (its toAttributeString): only & and ". */
const escapeAttribute = (value: string) => value.replace(/[&"]/g, (char) => entities[char]!);
/** The page's attributes as Astro writes them; the API's and quote pages' HTML as it always was (all five). */
const attributeEscape = (context: Context) => (context.mode === 'page' ? escapeAttribute : escape);
