import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '../outputs/html-text';
import { personUrl, quoteAnchor, quoteUrl } from '../shared/urls';
import { quoteLinkLabel } from '../rules/quotes';
import { articleBodyHtml, articlePageParts, bodyHtml, parseBody, quoteBlocks, type BodyEntries, type BodyPart, type BodyQuote, type PageComponent, type PageEntries } from './body';
import { findComponentUses } from './checks';
import { loadContentDir } from './files';

/** Looks entries up as a Site does: an id that names nothing throws. */
function entries(quotes: readonly BodyQuote[], people: readonly string[]): BodyEntries {
  const byId = new Map(quotes.map((quote) => [quote.id, quote]));
  return {
    quote: (id) => byId.get(id) ?? fail(`No quotes entry with id "${id}".`),
    person: (id) => (people.includes(id) ? { id } : fail(`No people entry with id "${id}".`)),
  };
}
/** As `entries`, with each person's name, which the article page's quote marks are labelled with. */
function pageEntries(quotes: readonly BodyQuote[], names: Record<string, string>): PageEntries {
  const base = entries(quotes, Object.keys(names));
  return { ...base, person: (id) => ({ ...base.person(id), data: { name: names[id]! } }) };
}
/** The HTML of an article page's body parts, each component as a mark naming it. */
const pageHtml = (parts: readonly BodyPart[]) => parts.map((part) => ('html' in part ? part.html : `[${part.component}]`)).join('');
const fail = (message: string): never => {
  throw new Error(message);
};

const segmentsOf = (quote: BodyQuote) => (typeof quote.data.text === 'string' ? [quote.data.text] : [...quote.data.text]);
/** What a reader sees of some HTML: its text, whitespace folded. */
const seen = (html: string) => htmlToText(html).replace(/\s+/g, ' ');
/** The words marked as this quote's, in order. */
const marked = (html: string) => [...html.matchAll(/<mark class="this-quote">(.*?)<\/mark>/g)].map(([, words]) => decodeEntities(words!));

describe('the seed article', () => {
  // Quotes as the site serves them: derived from the marks in the article (src/lib/content/quote-marks.ts).
  const files = loadContentDir(path.resolve('content'));
  const quotes = files.filter((file) => file.collection === 'quotes').map(({ id, data }) => ({ id, data }) as unknown as BodyQuote);
  const people = files.filter((file) => file.collection === 'people').map(({ id }) => id);
  const seed = entries(quotes, people);
  const file = fs.readFileSync(path.resolve('content/articles/kazakhstan-balancing-act-eu-russia.mdx'), 'utf8');
  const body = file.slice(file.indexOf('\n---', 3) + 4);
  const tree = parseBody(body);
  const blocks = quoteBlocks(tree, seed);
  const inSeed = quotes.filter((quote) => body.includes(`<Quote id="${quote.id}"`));

  /** The paragraph of the MDX source in which `quoteId` stands, as a reader reads it: components by their words. */
  const sourceParagraph = (quoteId: string) =>
    body
      .split(/\n\s*\n/)
      .find((paragraph) => paragraph.includes(`<Quote id="${quoteId}"`))!
      .replace(/<Quote id="[^"]+"[^>]*>(.*?)<\/Quote>/g, '$1')
      .replace(/<Person id="[^"]+">(.*?)<\/Person>/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();

  it('gives every quote in the body its paragraph, reading as the MDX source does, with its words marked', () => {
    expect(inSeed.length).toBeGreaterThan(20);
    for (const quote of inSeed) {
      const paragraphs = blocks.get(quote.id)!;
      expect(paragraphs, quote.id).toHaveLength(1);
      expect(seen(paragraphs[0]!), quote.id).toBe(sourceParagraph(quote.id));
      expect(marked(paragraphs[0]!), quote.id).toEqual(segmentsOf(quote));
    }
  });

  it('marks both segments of a statement split by "he said", in the one paragraph that holds them', () => {
    const split = quotes.find((quote) => quote.id === 'vassilenko-need-to-diversify')!;
    expect(segmentsOf(split)).toHaveLength(2);
    const [paragraph] = blocks.get(split.id)!;
    expect(marked(paragraph!)).toEqual(segmentsOf(split));
    expect(seen(paragraph!)).toContain(`${segmentsOf(split)[0]}" Vassilenko said, "${segmentsOf(split)[1]}"`);
  });

  it('links the other quotes and the names of a paragraph, and repeats none of the article\'s ids', () => {
    const [paragraph] = blocks.get('vassilenko-un-charter')!;
    expect(paragraph).toContain(`<a class="quote" href="${quoteUrl('vassilenko-not-silence')}" data-kind="partial" data-speaker="roman-vassilenko">silence</a>`);
    expect(paragraph).toContain(`<a href="${personUrl('roman-vassilenko')}">Roman Vassilenko</a>`);
    for (const quote of inSeed) expect(blocks.get(quote.id)!.join('')).not.toMatch(/\sid="/);
  });

  it('renders the whole body as the article page: every quote once with its anchor, headings with ids, no fact boxes or maps', () => {
    const html = bodyHtml(tree, seed);
    for (const quote of inSeed) {
      const [first] = segmentsOf(quote);
      expect(html).toContain(` id="${quoteAnchor(quote.id)}" href="${quoteUrl(quote.id)}" data-kind="${quote.data.kind}" data-speaker="${quote.data.speaker.id}">`);
      expect(html.split(` id="${quoteAnchor(quote.id)}"`)).toHaveLength(2);
      expect(decodeEntities(html)).toContain(first);
    }
    const headings = [...body.matchAll(/^## (.+)$/gm)].map(([, text]) => text!);
    expect(headings.length).toBeGreaterThan(2);
    for (const heading of headings) {
      const id = heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
      expect(html).toContain(`<h2 id="${id}">${heading}</h2>`);
    }
    expect(html).not.toMatch(/<(aside|figure|route-map|svg)\b/);
    // One block of text per paragraph and heading of the source, fact boxes and the map left out.
    const sourceBlocks = body.split(/\n\s*\n/).filter((block) => block.trim() && !/^<(FactBox|RouteMap)\b/.test(block.trim()));
    expect(htmlToText(html).split('\n\n')).toHaveLength(sourceBlocks.length);
  });
});

describe('the seed article on its page', () => {
  const files = loadContentDir(path.resolve('content'));
  const quotes = files.filter((file) => file.collection === 'quotes').map(({ id, data }) => ({ id, data }) as unknown as BodyQuote);
  const names = Object.fromEntries(files.filter((file) => file.collection === 'people').map(({ id, data }) => [id, (data as { name: string }).name]));
  const raw = fs.readFileSync(path.resolve('content/articles/kazakhstan-balancing-act-eu-russia.mdx'), 'utf8');
  const body = raw.slice(raw.indexOf('\n---', 3) + 4);
  const parts = articlePageParts(parseBody(body), pageEntries(quotes, names), quoteLinkLabel);
  const html = pageHtml(parts);

  it('leaves each fact box and route map to the page, where the source has it, with the ids it names', () => {
    const placed = findComponentUses(raw).filter((use) => use.component === 'FactBox' || use.component === 'RouteMap');
    expect(placed.length).toBeGreaterThan(1);
    const components = parts.filter((part): part is PageComponent => !('html' in part));
    expect(components.map((part) => part.component)).toEqual(placed.map((use) => use.component));
    expect(components.map((part) => (part.component === 'FactBox' ? part.props.figures : part.props.routes))).toEqual(placed.map((use) => use.ids));
  });

  it('sets every quote as prose with its anchor on the first segment and one link to its page after the last', () => {
    const inBody = quotes.filter((quote) => body.includes(`<Quote id="${quote.id}"`));
    expect(inBody.length).toBeGreaterThan(10);
    for (const quote of inBody) {
      const segments = typeof quote.data.text === 'string' ? [quote.data.text] : [...quote.data.text];
      expect(html.split(` id="${quoteAnchor(quote.id)}"`)).toHaveLength(2);
      const link = `<a class="quote-link" href="${quoteUrl(quote.id)}" aria-label="${quoteLinkLabel(names[quote.data.speaker.id]!)}"></a>`;
      expect(html.split(link)).toHaveLength(2);
      // The link follows the statement's last words.
      expect(decodeEntities(html.slice(0, html.indexOf(link)))).toMatch(new RegExp(`${segments.at(-1)!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</span>$`));
    }
    expect(html).not.toContain('<a class="quote"');
  });
});

describe('bodies with other shapes', () => {
  const quote = (id: string, text: string | string[], kind = 'direct'): BodyQuote => ({ id, data: { text, kind, speaker: { id: 'sam' } } });
  const small = entries(
    [
      quote('long', ['We will build it,', 'and they will come.']),
      quote('titled', 'a pipeline to Europe', 'partial'),
      quote('listed', 'in a list'),
      quote('cell', 'in a table'),
      quote('escaped', 'Profits < costs & "taxes"'),
    ],
    ['sam'],
  );

  it('gives a statement split over two paragraphs both, in order', () => {
    const tree = parseBody('"<Quote id="long" speaker="sam" kind="direct">We will build it,</Quote>" Sam said.\n\nThen: "<Quote id="long" speaker="sam" kind="direct">and they will come.</Quote>"\n\nAfter.');
    expect(quoteBlocks(tree, small).get('long')).toEqual([
      '<p>&quot;<mark class="this-quote">We will build it,</mark>&quot; Sam said.</p>',
      '<p>Then: &quot;<mark class="this-quote">and they will come.</mark>&quot;</p>',
    ]);
  });

  it('shows a quote in a heading, a list or a table as a paragraph or a list of one item', () => {
    const tree = parseBody(
      [
        '## Sam wants <Quote id="titled" speaker="sam" kind="direct">a pipeline to Europe</Quote>',
        '- first\n- <Person id="sam">Sam</Person> said it *there*: <Quote id="listed" speaker="sam" kind="direct">in a list</Quote>',
        '| Who | What |\n| --- | --- |\n| Sam | <Quote id="cell" speaker="sam" kind="direct">in a table</Quote> |',
      ].join('\n\n'),
    );
    const blocks = quoteBlocks(tree, small);
    expect(blocks.get('titled')).toEqual(['<p>Sam wants <mark class="this-quote">a pipeline to Europe</mark></p>']);
    expect(blocks.get('listed')).toEqual([
      `<ul><li><a href="${personUrl('sam')}">Sam</a> said it <em>there</em>: <mark class="this-quote">in a list</mark></li></ul>`,
    ]);
    expect(blocks.get('cell')).toEqual(['<p><mark class="this-quote">in a table</mark></p>']);
    // In the whole body the heading keeps the id the article page gives it, from its text (the quote's words in it).
    expect(bodyHtml(tree, small)).toContain(`<h2 id="sam-wants-a-pipeline-to-europe">Sam wants <a class="quote" id="${quoteAnchor('titled')}"`);
  });

  it('renders Markdown as the article page does: emphasis, links, block quotes, HTML tags written in MDX', () => {
    const html = bodyHtml(parseBody('**Strong**, *em* and [DW](https://www.dw.com/ "Deutsche Welle").\n\n> Quoted <b>bold</b>'), small);
    expect(html).toBe(
      '<p><strong>Strong</strong>, <em>em</em> and <a href="https://www.dw.com/" title="Deutsche Welle">DW</a>.</p>\n' +
        '<blockquote>\n<p>Quoted <b>bold</b></p>\n</blockquote>',
    );
  });

  it('escapes &, < and " in prose, in quotes\' words and in names as Astro does', () => {
    const tree = parseBody('Fish &amp; chips &lt;3 "yes" it\'s: <Quote id="escaped" speaker="sam" kind="direct">Profits &lt; costs &amp; "taxes"</Quote>, said <Person id="sam">Sam & Co</Person>.');
    const html = bodyHtml(tree, small);
    expect(html).toBe(
      '<p>Fish &amp; chips &lt;3 &quot;yes&quot; it&#39;s: <a class="quote" id="quote-escaped" href="/quotes/escaped/" data-kind="direct" ' +
        'data-speaker="sam">Profits &lt; costs &amp; &quot;taxes&quot;</a>, said <a href="/people/sam/">Sam &amp; Co</a>.</p>',
    );
    expect(marked(quoteBlocks(tree, small).get('escaped')![0]!)).toEqual(['Profits < costs & "taxes"']);
  });

  it('renders fact boxes and route maps as nothing, and says which quote is missing', () => {
    expect(bodyHtml(parseBody('<FactBox figures={["x"]} />\n\n<RouteMap routes={["y"]} />'), small)).toBe('\n');
    expect(() => bodyHtml(parseBody('<Quote id="nobody" speaker="sam" kind="direct">words</Quote>'), small)).toThrow('No quotes entry with id "nobody".');
    expect(quoteBlocks(parseBody('No quotes here.'), small).size).toBe(0);
  });

  it('renders an article page\'s body as the site\'s components do: quotes as prose marked after their last segment', () => {
    const names = { sam: "Sam O'Neil & Co" };
    const page = pageEntries([quote('long', ['We will build it,', 'and they will come.']), quote('escaped', 'Profits < costs & "taxes"')], names);
    const parts = articlePageParts(
      parseBody('"<Quote id="long" speaker="sam" kind="direct">We will build it,</Quote>" <Person id="sam">Sam</Person> said, "<Quote id="long" speaker="sam" kind="direct">and they will come.</Quote>" [It\'s](/x/ "it\'s") <Quote id="escaped" speaker="sam" kind="direct">Profits &lt; costs &amp; "taxes"</Quote>'),
      page,
      quoteLinkLabel,
    );
    // Attributes escaped as Astro writes them (& and " only), text as it escapes text.
    const label = quoteLinkLabel(names.sam).replace('&', '&amp;');
    expect(parts).toEqual([
      {
        html:
          '<p>&quot;<span class="quote" id="quote-long">We will build it,</span>&quot; <a href="/people/sam/">Sam</a> said, ' +
          `&quot;<span class="quote">and they will come.</span><a class="quote-link" href="/quotes/long/" aria-label="${label}"></a>&quot; ` +
          '<a href="/x/" title="it\'s">It&#39;s</a> <span class="quote" id="quote-escaped">Profits &lt; costs &amp; &quot;taxes&quot;</span>' +
          `<a class="quote-link" href="/quotes/escaped/" aria-label="${label}"></a></p>`,
      },
    ]);
  });

  it('leaves fact boxes and route maps to the article page, with their props, and refuses a list it cannot read', () => {
    const page = pageEntries([], { sam: 'Sam' });
    expect(articlePageParts(parseBody('Before.\n\n<FactBox figures={["x", \'z\']} />\n\n<RouteMap routes={["y"]} caption="A & B" />'), page, quoteLinkLabel)).toEqual([
      { html: '<p>Before.</p>\n' },
      { component: 'FactBox', props: { figures: ['x', 'z'] } },
      { html: '\n' },
      { component: 'RouteMap', props: { routes: ['y'], caption: 'A & B' } },
    ]);
    expect(() => articlePageParts(parseBody('<FactBox figures={ids} />'), page, quoteLinkLabel)).toThrow('<FactBox> needs figures={["an-id", "another-id"]}');
  });

  it('makes a body\'s HTML once per body and set of entries, from a tree given or parsed, as bodyHtml does', () => {
    const mdx = 'Said <Person id="sam">Sam</Person>: <Quote id="escaped" speaker="sam" kind="direct">Profits &lt; costs &amp; "taxes"</Quote>.';
    const html = bodyHtml(parseBody(mdx), small);
    expect(articleBodyHtml(mdx, small)).toBe(html);
    // Made already: a later call neither parses nor renders again, so even another tree returns the first HTML.
    expect(articleBodyHtml(mdx, small, parseBody('Other words.'))).toBe(html);
    // Other entries (another build's Site) make it anew, from the tree they are given.
    expect(articleBodyHtml(mdx, { ...small }, parseBody('Other words.'))).toBe('<p>Other words.</p>');
  });
});
