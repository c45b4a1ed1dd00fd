import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleBody, compiledBody } from './article-loader';

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

describe('an article’s body, read from its file', () => {
  it('is the body Astro’s glob loader gives an MDX file, for every article in content/ and the shapes a file can take', async () => {
    // @astrojs/mdx's entry type: the frontmatter blanked out, the rest trimmed.
    const { parseFrontmatter } = await import('@astrojs/internal-helpers/frontmatter');
    const astroBody = (raw: string) => parseFrontmatter(raw, { frontmatter: 'empty-with-spaces' }).content.trim();
    const folder = path.resolve('content/articles');
    const files = fs.readdirSync(folder).filter((name) => name.endsWith('.mdx'));
    expect(files.length).toBeGreaterThan(0);
    const shapes = [
      '---\ntitle: A\n---\n\nText with --- in it.\n\n---\n\nAfter a rule.\n',
      '\uFEFF---\r\ntitle: A\r\n---\r\nText.\r\n',
      '\n\n---\ntitle: A\n---\nText.',
      'No frontmatter, only text.\n',
      '---\ntitle: A\n---',
    ];
    for (const raw of [...files.map((name) => fs.readFileSync(path.join(folder, name), 'utf8')), ...shapes]) {
      expect(articleBody(raw)).toBe(astroBody(raw));
    }
    expect(articleBody(shapes[0]!)).toBe('Text with --- in it.\n\n---\n\nAfter a rule.');
  });
});
