/**
 * One search result as DOM, built with textContent only: Pagefind's excerpt marks are rebuilt from text
 * (src/lib/shared/search-excerpt.ts), so no result can inject markup. Used by <site-search> (site-search.ts).
 */
import { asOfWording, sourceLabel } from '@/lib/rules/figures';
import { quotationMarks } from '@/lib/rules/typography';
import { quoteKindLabels, shortKindLabel } from '@/lib/rules/quotes';
import { formatDate, isoDate, type Precision } from '@/lib/shared/dates';
import { excerptParts, type ExcerptPart } from '@/lib/shared/search-excerpt';
import { highlightUrl, searchTypeNames as typeNames, type SearchType } from '@/lib/shared/search-query';

/** What Pagefind gives of one result. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Text and marks, as DOM nodes: the marks are new <mark> elements holding text, never parsed HTML. */
function excerptNodes(parts: ExcerptPart[]): Node[] {
  return parts.map((part) => (part.mark ? element('mark', undefined, part.text) : document.createTextNode(part.text)));
}

/**
 * The excerpt of a short text (a quote) as parts, with an ellipsis where Pagefind cut it. If the excerpt cannot be
 * found in the full text, the full text is shown without marks rather than a fragment that might misquote.
 */
function excerptOf(full: string, excerpt: string): ExcerptPart[] {
  const parts = excerptParts(excerpt);
  const text = parts.map((part) => part.text).join('');
  const at = text.trim() ? full.indexOf(text.trim()) : -1;
  if (at === -1) return [{ text: full, mark: false }];
  const out = [...parts];
  if (at > 0) out.unshift({ text: '…', mark: false });
  if (at + text.trim().length < full.length) out.push({ text: '…', mark: false });
  return out;
}

function dateNode(meta: PagefindResultData['meta']): HTMLTimeElement | undefined {
  if (!meta.date) return undefined;
  const date = new Date(`${meta.date}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return undefined;
  const precision = (['day', 'month', 'year'].includes(meta.precision ?? '') ? meta.precision : 'day') as Precision;
  const time = element('time', undefined, formatDate(date, precision));
  time.dateTime = isoDate(date, precision);
  return time;
}

function metaLine(...nodes: (Node | string | undefined)[]): HTMLParagraphElement {
  const line = element('p', 'result-meta');
  nodes.filter((node) => node !== undefined && node !== '').forEach((node, index) => {
    if (index > 0) line.append(' · ');
    line.append(node!);
  });
  return line;
}

export function renderResult(data: PagefindResultData, query: string): HTMLLIElement {
  const type = (data.filters.type?.[0] ?? 'article') as SearchType;
  const { meta } = data;
  const item = element('li', `result result-${type}`);
  item.dataset.type = type;
  const label = type === 'quote' ? (shortKindLabel(meta.kind) || quoteKindLabels.direct.short) : (typeNames[type]?.[0] ?? 'Page');
  const link = element('a', 'result-title');
  link.href = highlightUrl(data.url, query);
  item.append(element('p', 'result-type', label), link);

  switch (type) {
    case 'quote': {
      const words = excerptNodes(excerptOf(meta.title ?? '', data.excerpt));
      // Reported speech is the article's paraphrase, so it gets no quotation marks.
      if (meta.kind === 'reported') link.append(...words);
      else link.append(quotationMarks.open, ...words, quotationMarks.close);
      const speaker = element('span', 'result-speaker', meta.speaker ?? '');
      item.append(metaLine(speaker, meta.role, dateNode(meta)));
      break;
    }
    case 'person':
      link.textContent = meta.title ?? '';
      item.append(metaLine(meta.role));
      break;
    case 'topic': {
      link.textContent = meta.title ?? '';
      if (meta.description) {
        // The description is the site's own text, labelled as such like everywhere else.
        const description = element('p', 'result-text newsroom-text');
        description.append(element('span', 'newsroom-label', 'Newsroom'), meta.description);
        item.append(description);
      }
      break;
    }
    case 'figure': {
      // "80%" over "Share of Kazakhstan's oil and gas exports…", read as "80%: Share of…".
      link.append(
        element('strong', 'result-value', meta.value ?? ''),
        element('span', 'visually-hidden', ': '),
        element('span', 'result-measures', meta.title ?? ''),
      );
      const date = dateNode(meta);
      const line = metaLine(sourceLabel(meta.source ?? ''));
      if (date) line.append(` · ${asOfWording(meta.basis)} `, date);
      item.append(line);
      break;
    }
    default: {
      link.textContent = meta.title ?? data.url;
      item.append(metaLine(dateNode(meta)));
      if (meta.teaser) item.append(element('p', 'result-text', meta.teaser));
      const excerpt = element('p', 'result-excerpt');
      excerpt.append('…', ...excerptNodes(excerptParts(data.excerpt)), '…');
      if (data.excerpt && query.trim()) item.append(excerpt);
    }
  }
  return item;
}
