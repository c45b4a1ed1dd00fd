import { describe, expect, it } from 'vitest';
import { compiledBody } from './article-loader';

describe('which article bodies are compiled by MDX', () => {
  it('compiles only a body that shows an image from the content folder, which Astro\'s image pipeline must take', () => {
    expect(compiledBody('Text.\n\n![A terminal](./cpc-terminal.jpg)\n')).toBe(true);
    expect(compiledBody('![A terminal](images/cpc-terminal.jpg "The terminal")')).toBe(true);
    expect(compiledBody('<img src="../photos/terminal.png" alt="A terminal" />')).toBe(true);
    // Kept as data: files under public/, other hosts' addresses (the checks refuse those), no image at all.
    expect(compiledBody('![A terminal](/images/cpc-terminal.jpg)')).toBe(false);
    expect(compiledBody('<img src="/images/terminal.png" alt="A terminal">')).toBe(false);
    expect(compiledBody('![A terminal](https://example.org/terminal.jpg)')).toBe(false);
    expect(compiledBody('A [link](./other/) and *words*, <Quote id="q" speaker="s" kind="direct">said</Quote>.')).toBe(false);
    expect(compiledBody(undefined)).toBe(false);
  });
});
