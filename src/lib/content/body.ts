/**
 * An article's MDX body as a tree, rendered to HTML without Astro: for the content API's `body.html` and for the
 * paragraphs quote pages show. Parsed by Sätteri, the parser Astro's own MDX pipeline uses (with the site's features),
 * so the blocks are the article page's blocks. Quotes take their words from their entries and names link to their
 * people exactly as the mdx/ components render them; fact boxes and route maps, which this site adds to the
 * journalism, render as nothing (their data is in the API's figures and routes, their place in the MDX source).
 *
 * Text and attribute values are escaped as Astro escapes them (&amp; &lt; &gt; &#39; &quot;), so the HTML is the
 * article page's byte for byte but for the quotes (their words are links here, prose with a mark on the page) and
 * src/lib/outputs/html-text.ts reads it.
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
  /** 'article': as on the article page; 'paragraph': as on a quote page, with `marked` the quote it is for. */
  mode: 'article' | 'paragraph';
  marked?: string;
  /** Heading ids, numbered as the article page numbers them (github-slugger, as Astro's heading-ids plugin). */
  slugger?: GithubSlugger;
  /** How many marks of each quote came so far (a split statement's segments), in article mode. */
  seen?: Map<string, number>;
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
    return `<a href="${escape(personUrl(person.id))}">${render(node.children ?? [], context)}</a>`;
  },
  FactBox: () => '',
  RouteMap: () => '',
};

function render(nodes: readonly BodyNode[], context: Context): string {
  let html = '';
  for (const node of nodes) {
    if (node.type === 'text') html += escape(node.value ?? '');
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
  if (/^h[1-6]$/.test(tag) && context.mode === 'article' && typeof properties['id'] !== 'string') {
    // Astro's heading-ids plugin: the text of the heading, names included, quotes' words not (they are not text).
    properties['id'] = context.slugger!.slug(textOf(node));
  }
  if (context.mode === 'paragraph') delete properties['id'];
  const open = `<${tag}${attributes(properties)}>`;
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
function attributes(properties: Record<string, unknown>): string {
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
    html += value === true ? ` ${name}` : ` ${name}="${escape(Array.isArray(value) ? value.join(' ') : String(value))}"`;
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

function requiredAttribute(node: BodyNode, name: string): string {
  const value = stringAttribute(node, name);
  if (value === undefined) throw new Error(`<${node.name}> needs ${name}="…".`);
  return value;
}

const isComment = (source: string) => /^\s*(\/\*[\s\S]*?\*\/\s*)*$/.test(source);

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };
/** As Astro escapes text and attribute values. */
const escape = (text: string) => text.replace(/[&<>'"]/g, (char) => entities[char]!);
