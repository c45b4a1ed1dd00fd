/**
 * The browser editor (Keystatic in local mode, issue 15), in development only. Its admin page and API are server
 * routes and it needs React, so this integration adds them to `astro dev` (npm run dev, npm run editor) and does
 * nothing for any other command: `npm run build` stays a static site with no React, no adapter and no editor route.
 *
 * In place of @keystatic/astro's integration, so that its API reads and writes the content folder
 * (src/editor/api.ts) and the routes answer under `trailingSlash: 'always'`.
 */
import fs from 'node:fs';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** The editor's routes: its admin app and its API. */
export const editorRoutes = ['/keystatic', '/api/keystatic'] as const;

const editorPath = new RegExp(`^(?:${editorRoutes.map((route) => route.replace(/\//g, '\\/')).join('|')})(?:/|$)`);

/**
 * With `trailingSlash: 'always'` Astro answers /keystatic and /api/keystatic/tree with a 404, and the editor asks
 * for exactly those (its client builds its own addresses). This adds the slash to the request Astro sees, before
 * Astro's own middleware runs (middleware added in `astro:server:setup` runs after it, too late). The address in the
 * browser stays as the editor made it, so its router is not confused.
 */
export function editorTrailingSlash(): Plugin {
  return {
    name: 'newsroom:editor-trailing-slash',
    // Astro puts its own trailing-slash check at the front of the middleware stack from its post hook; a plugin
    // enforced 'post' runs its post hook after Astro's, so this goes in front of that.
    enforce: 'post',
    configureServer(server) {
      return () => {
        server.middlewares.stack.unshift({
          route: '',
          handle: (request: { url?: string }, _response: unknown, next: () => void) => {
            const url = request.url ?? '';
            const query = url.indexOf('?');
            const pathname = query === -1 ? url : url.slice(0, query);
            if (editorPath.test(pathname) && !pathname.endsWith('/')) {
              request.url = `${pathname}/${query === -1 ? '' : url.slice(query)}`;
            }
            next();
          },
        } as never);
      };
    },
  };
}

/** Resolves Keystatic's `virtual:keystatic-config` to the project's keystatic.config.ts, as @keystatic/astro does. */
function keystaticConfig(root: URL): Plugin {
  const file = new URL('./keystatic.config.ts', root);
  return {
    name: 'newsroom:keystatic-config',
    resolveId(id) {
      return id === 'virtual:keystatic-config' ? this.resolve(file.pathname) : null;
    },
  };
}

export default function editor(): AstroIntegration {
  return {
    name: 'newsroom:editor',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, injectRoute }) => {
        if (command !== 'dev') return;
        const { default: react } = await import('@astrojs/react');
        // Vite finds the editor's dependencies up front from this file, instead of when the admin page first loads
        // (it would then reload the page mid-session to add them), as @keystatic/astro does.
        const imports = new URL('./.astro/editor-imports.js', config.root);
        fs.mkdirSync(new URL('./', imports), { recursive: true });
        fs.writeFileSync(imports, 'import "@keystatic/astro/ui";\nimport "@keystatic/core/ui";\nimport "@keystatic/core/api/generic";\n');
        updateConfig({
          integrations: [react()],
          vite: {
            plugins: [keystaticConfig(config.root), editorTrailingSlash()],
            optimizeDeps: { entries: ['keystatic.config.ts', '.astro/editor-imports.js'] },
          },
        });
        injectRoute({
          pattern: '/keystatic/[...params]',
          entrypoint: new URL('../editor/admin.astro', import.meta.url),
          prerender: false,
        });
        // The content check for the admin page's panel of problems; a static segment, so it comes before Keystatic's.
        injectRoute({
          pattern: '/api/keystatic/newsroom/problems',
          entrypoint: new URL('../editor/problems.ts', import.meta.url),
          prerender: false,
        });
        injectRoute({
          pattern: '/api/keystatic/[...params]',
          entrypoint: new URL('../editor/api.ts', import.meta.url),
          prerender: false,
        });
      },
    },
  };
}
