import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptParts } from './search-excerpt';

describe('excerptParts', () => {
  it('splits an excerpt into plain and marked text', () => {
    expect(excerptParts('" We are <mark>pro-Kazakh.</mark>" he said')).toEqual([
      { text: '" We are ', mark: false },
      { text: 'pro-Kazakh.', mark: true },
      { text: '" he said', mark: false },
    ]);
  });

  it('turns escaped text back into characters, so it is shown once as text and never parsed', () => {
    expect(excerptParts('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>Astana&#x27;s</mark> &#39;')).toEqual([
      { text: '<script>alert("x")</script> & ', mark: false },
      { text: "Astana's", mark: true },
      { text: " '", mark: false },
    ]);
  });

  it('treats any tag other than an exact <mark> or </mark> as text', () => {
    const parts = excerptParts('<img src=x onerror=alert(1)><mark class="x">a</mark><b>b</b>');
    expect(parts.map((part) => part.text).join('')).toBe('<img src=x onerror=alert(1)><mark class="x">a<b>b</b>');
    expect(parts.every((part) => !part.mark)).toBe(true);
  });

  it('copes with unbalanced and empty marks and an empty excerpt', () => {
    expect(excerptParts('a</mark>b<mark><mark>c')).toEqual([
      { text: 'ab', mark: false },
      { text: 'c', mark: true },
    ]);
    expect(excerptParts('<mark></mark>')).toEqual([]);
    expect(excerptParts('')).toEqual([]);
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex entities and leaves unknown or impossible ones alone', () => {
    expect(decodeEntities('&amp;amp; &#8212; &#x2014; &nbsp;')).toBe('&amp; — — \u00a0');
    expect(decodeEntities('&bogus; &#0; &#xD800; &#x110000;')).toBe('&bogus; &#0; &#xD800; &#x110000;');
  });
});
