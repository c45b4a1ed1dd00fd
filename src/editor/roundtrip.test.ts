/**
 * The seed article opened in the browser editor and saved again keeps its quotes: every Quote mark parses into the
 * editor's Quote mark and is written back with the same id, speaker, kind and words, so the quotes derived from the
 * saved file are the quotes derived from the file as committed. It runs Keystatic's own MDX field (its parse and
 * serialize, as the editor runs them on open and save), from the module @keystatic/core 0.6.9 (pinned) bundles it in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findQuoteMarks } from '../lib/content/quote-marks';
import { withDerivedQuotes } from '../lib/content/quote-entries';
import { loadContentDir } from '../lib/content/files';
import { editorComponents } from './components';

type MdxField = {
  parse(value: unknown, args: { content: Uint8Array; other: Map<string, unknown>; external: Map<string, unknown>; slug: undefined }): unknown;
  serialize(state: unknown, args: { slug: undefined }): { content: Uint8Array };
};

describe('the seed article through the editor', () => {
  it('keeps every quote mark, and the quotes derived from it, when opened and saved', async () => {
    const bundle = path.resolve('node_modules/@keystatic/core/dist/index-3c244051.js');
    const { N: mdx } = (await import(bundle)) as { N: (config: object) => MdxField };
    // The article body field as src/editor/components.ts configures it, with the site's components.
    const components = Object.fromEntries(Object.entries(editorComponents).map(([name, make]) => [name, make()]));
    const field = mdx({ label: 'Text', extension: 'mdx', options: { heading: [2, 3], codeBlock: false, code: false, table: false, divider: false, blockquote: false }, components });

    const file = path.resolve('content/articles/kazakhstan-balancing-act-eu-russia.mdx');
    const raw = fs.readFileSync(file, 'utf8');
    const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(raw)![0];
    const body = raw.slice(frontmatter.length);
    const state = field.parse(null, { content: new TextEncoder().encode(body), other: new Map(), external: new Map(), slug: undefined });
    const saved = frontmatter + new TextDecoder().decode(field.serialize(state, { slug: undefined }).content);

    const props = (text: string) => findQuoteMarks(text, file).marks.map(({ id, speaker, kind, role, words }) => ({ id, speaker, kind, role, words }));
    expect(props(raw).length).toBeGreaterThan(20);
    expect(props(saved)).toEqual(props(raw));
    expect(findQuoteMarks(saved, file).problems).toEqual([]);

    const entries = loadContentDir(path.resolve('content'));
    const before = entries.filter((entry) => entry.collection === 'quotes');
    const article = entries.find((entry) => entry.collection === 'articles')!;
    const extras = before.flatMap((quote) => ('extras' in quote && quote.extras ? [quote.extras as never] : []));
    const after = withDerivedQuotes([...entries.filter((entry) => entry.collection !== 'quotes' && entry !== article), { ...article, raw: saved }, ...extras]);
    expect(after.problems).toEqual([]);
    expect(after.quotes.map(({ id, data }) => ({ id, data }))).toEqual(before.map(({ id, data }) => ({ id, data })));
  });
});
