import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, portableHtml } from './html-text';

describe('decodeEntities', () => {
  it('decodes what Astro writes, and numeric references', () => {
    expect(decodeEntities('It&#39;s &quot;fine&quot; &amp; &lt;ok&gt; &#x2014; &#8217;')).toBe('It\'s "fine" & <ok> — ’');
  });

  it('refuses a named reference it does not know rather than leave it in the text', () => {
    expect(() => decodeEntities('a &mdash; b')).toThrow('unknown character reference &mdash;');
  });
});

describe('htmlToText', () => {
  it('gives one paragraph per block, inline links as their words, whitespace folded', () => {
    const html =
      '<p>It&#39;s a <a href="/people/x/">line</a>\n  carefully\ttrodden.</p>\n\n<h2 id="h">A heading</h2>' +
      '<ul><li>One</li><li>Two<br>lines</li></ul>';
    expect(htmlToText(html)).toBe("It's a line carefully trodden.\n\nA heading\n\nOne\n\nTwo\nlines");
  });

  it('drops comments and empty blocks', () => {
    expect(htmlToText('<p>First</p><!-- gone --><aside></aside>\n\n<p>Second</p>')).toBe('First\n\nSecond');
  });
});

describe('portableHtml', () => {
  it('makes root-relative links absolute and leaves other links alone', () => {
    const html = '<a href="/quotes/q/">q</a> <a href="https://dw.com/x">x</a> <a href="#f">f</a> <a href="//cdn.example/y">y</a> <img src="/_astro/i.png" alt="">';
    expect(portableHtml(html, new URL('https://news.example/'))).toBe(
      '<a href="https://news.example/quotes/q/">q</a> <a href="https://dw.com/x">x</a> <a href="#f">f</a> <a href="//cdn.example/y">y</a> <img src="https://news.example/_astro/i.png" alt="">',
    );
  });

  it('removes the scoped-style attributes Astro adds, which mean nothing elsewhere', () => {
    expect(portableHtml('<a class="quote" data-astro-cid-a3svce7c href="/q/">w</a>', new URL('https://n.example/'))).toBe(
      '<a class="quote" href="https://n.example/q/">w</a>',
    );
  });
});
