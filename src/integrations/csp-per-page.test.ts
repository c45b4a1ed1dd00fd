import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { narrowPolicy } from './csp-per-page';

const hash = (content: string) => `'sha256-${createHash('sha256').update(content).digest('base64')}'`;
const page = (policy: string, body: string) => `<head><meta http-equiv="content-security-policy" content="${policy}">${body}</head>`;
const policyOf = (html: string) => /content="([^"]*)"/.exec(html)![1]!;

describe('narrowPolicy', () => {
  const policy = "default-src 'self';img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA=' 'sha256-BBB='; style-src 'self' 'sha256-CCC=';";

  it('lists the hashes of the page\'s own inline scripts and styles, and keeps every other source', () => {
    const script = 'document.title = "x";';
    const style = '@layer components{.a{color:red}}';
    const html = page(
      policy,
      `<script type="module">${script}</script><script type="module" src="/_astro/a.js"></script>` +
        `<script type="application/ld+json">{"@type":"NewsArticle"}</script><style>${style}</style>`,
    );
    expect(policyOf(narrowPolicy(html))).toBe(
      `default-src 'self';img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' ${hash(script)}; style-src 'self' ${hash(style)};`,
    );
  });

  it('leaves a page with no inline code only its non-hash sources, and a page with no policy alone', () => {
    expect(policyOf(narrowPolicy(page(policy, '<p>text</p>')))).toBe("default-src 'self';img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';");
    expect(narrowPolicy('<p>no policy</p>')).toBe('<p>no policy</p>');
  });
});
