import { describe, expect, it } from 'vitest';
import { blocksWithQuote } from './paragraph';

const html =
  '<h2 id="pipelines">Pipelines</h2>' +
  '<p>Before.</p>' +
  '<p>&quot;<a class="quote" id="quote-split" href="/quotes/split/" data-kind="direct">We are maintaining these routes,</a>&quot; ' +
  'he said, &quot;<a class="quote" href="/quotes/split/" data-kind="direct">we hope.</a>&quot; ' +
  'He says <a class="quote" id="quote-other" href="/quotes/other/">other words</a>, says <a href="/people/temur-umarov/">Temur Umarov</a>.</p>' +
  '<aside class="fact-box"><div class="fact" id="figure-x"><p class="value">80%</p></div></aside>' +
  '<ul><li>Listed: <a class="quote" id="quote-listed" href="/quotes/listed/">in a list</a></li></ul>';

describe('blocksWithQuote', () => {
  it('cuts out the paragraph verbatim, marking every segment of the quote and keeping other links', () => {
    expect(blocksWithQuote(html, '/quotes/split/')).toEqual([
      '<p>&quot;<mark class="this-quote">We are maintaining these routes,</mark>&quot; he said, &quot;' +
        '<mark class="this-quote">we hope.</mark>&quot; He says <a class="quote" href="/quotes/other/">other words</a>, ' +
        'says <a href="/people/temur-umarov/">Temur Umarov</a>.</p>',
    ]);
  });

  it('drops element ids, so the article\'s anchors exist only in the article', () => {
    const [block] = blocksWithQuote(html, '/quotes/other/');
    expect(block).not.toContain('id=');
    expect(block).toContain('<mark class="this-quote">other words</mark>');
  });

  it('falls back to a list item, and gives nothing for a quote that is not there', () => {
    expect(blocksWithQuote(html, '/quotes/listed/')).toEqual(['<li>Listed: <mark class="this-quote">in a list</mark></li>']);
    expect(blocksWithQuote(html, '/quotes/missing/')).toEqual([]);
  });

  it('does not take a quote id for a longer one that starts the same', () => {
    expect(blocksWithQuote(html, '/quotes/split')).toEqual([]);
  });
});
