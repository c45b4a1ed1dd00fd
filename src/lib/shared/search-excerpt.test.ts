import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptParts } from './search-excerpt';

describe('excerptParts', () => {
  it('splits an excerpt into plain and marked text', () => {
    expect(excerptParts('"We are <mark>pro-Kazakh.</mark>" he said')).toEqual([
      { text: '"We are ', mark: false },
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

describe('excerptParts and quotation marks', () => {
  // Pagefind's excerpts of the seed article's `foreign policy</a>. "<a class="quote">We are not pro-Russian…`.
  it('joins an opening quotation mark that Pagefind cut off back onto its word, inside and outside marks', () => {
    const text = (excerpt: string) => excerptParts(excerpt).map((part) => part.text).join('');
    expect(text('foreign <mark>policy.</mark> " We are not pro-Russian')).toBe('foreign policy. "We are not pro-Russian');
    expect(text('But this was not " <mark>silence,"</mark> Kazakhstan')).toBe('But this was not "silence," Kazakhstan');
    expect(excerptParts('not " <mark>silence,"</mark> said')).toEqual([
      { text: 'not "', mark: false },
      { text: 'silence,"', mark: true },
      { text: ' said', mark: false },
    ]);
    expect(text('" We are pro-Kazakh."')).toBe('"We are pro-Kazakh."');
    expect(text('he said “ We are')).toBe('he said “We are');
    expect(text('&quot; We are')).toBe('"We are');
  });

  it('leaves closing marks, marks inside words and a mark at the very end alone', () => {
    const text = (excerpt: string) => excerptParts(excerpt).map((part) => part.text).join('');
    expect(text('pro-Western," he said.')).toBe('pro-Western," he said.');
    expect(text('looking "very intensely" at')).toBe('looking "very intensely" at');
    expect(text('foreign policy. "')).toBe('foreign policy. "');
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex entities and leaves unknown or impossible ones alone', () => {
    expect(decodeEntities('&amp;amp; &#8212; &#x2014; &nbsp;')).toBe('&amp; — — \u00a0');
    expect(decodeEntities('&bogus; &#0; &#xD800; &#x110000;')).toBe('&bogus; &#0; &#xD800; &#x110000;');
  });
});
