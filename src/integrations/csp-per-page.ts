/**
 * Each page's Content-Security-Policy lists the hashes of its own inline scripts and styles only. Astro writes the
 * hashes of every script and stylesheet of the whole build into every page (astro/dist/core/csp/common.js:
 * `trackScriptHashes`, `trackStyleHashes`), bundled files included, though 'self' already allows those: some thirty
 * hashes, about 1,300 bytes gzipped that no compression can shrink, on every page (issue 13's article budget is
 * 14,000). Narrowing the lists to what the page has allows exactly what it runs and applies, so the policy is
 * stricter, not looser. Runs on each page as Astro renders it (./csp-per-page-middleware.ts), before the search index
 * reads the pages.
 */
import { createHash } from 'node:crypto';
import type { AstroIntegration } from 'astro';

/**
 * Digests by content: most pages share their inline style and script with thousands of others, so each distinct one
 * is hashed once per build rather than once per page. Bounded, in case a site's inline code differs on every page.
 */
const digests = new Map<string, string>();
const digestLimit = 10_000;
function digest(content: string): string {
  let known = digests.get(content);
  if (known === undefined) {
    known = `'sha256-${createHash('sha256').update(content).digest('base64')}'`;
    if (digests.size >= digestLimit) digests.clear();
    digests.set(content, known);
  }
  return known;
}

/** The policy of one page, with its script-src and style-src hash lists replaced by the hashes of its inline code. */
export function narrowPolicy(html: string): string {
  const meta = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html);
  if (!meta) return html;
  // Executable inline scripts only: JSON-LD and other data blocks are never run, so they need no hash.
  const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes]) => !/type="application\/(ld\+)?json"/.test(attributes!))
    .map(([, , content]) => digest(content!));
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map(([, content]) => digest(content!));
  const policy = meta[1]!
    .split(';')
    .map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (name !== 'script-src' && name !== 'style-src') return directive;
      const kept = sources.filter((source) => !/^'sha(256|384|512)-/.test(source));
      const lead = /^\s*/.exec(directive)![0];
      return lead + [name, ...kept, ...new Set(name === 'script-src' ? scripts : styles)].join(' ');
    })
    .join(';');
  return html.replace(meta[0], `<meta http-equiv="content-security-policy" content="${policy}">`);
}

export default function cspPerPage(): AstroIntegration {
  return {
    name: 'newsroom:csp-per-page',
    hooks: {
      // Each page as it is rendered (./csp-per-page-middleware.ts, which also records the page's images for
      // ./page-keys.ts and hands article pages to the search index), so a page a build leaves in place is narrowed
      // already (issue 14).
      'astro:config:setup': ({ addMiddleware }) => {
        addMiddleware({ entrypoint: new URL('./csp-per-page-middleware.ts', import.meta.url), order: 'post' });
      },
    },
  };
}
