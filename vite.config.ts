// Builds the React renderer into dist/renderer, served by web mode and by Electron's app:// protocol.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The catalog areas only the host side speaks (the CLI, the store server, web mode's own pages and
 * OS notifications, the operator tools): the UI never shows them, so its bundle carries each as an
 * empty object of the same name. About half of each language's catalog.
 */
const HOST_ONLY_AREA = /[\\/]i18n[\\/]messages[\\/][^\\/]+[\\/](cli|core|server|operator)\.ts$/;

function hostOnlyCatalogAreas(): Plugin {
  return {
    name: 'megadisc:host-only-catalog-areas',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      if (!HOST_ONLY_AREA.test(id)) return null;
      const names = [...readFileSync(id, 'utf8').matchAll(/^export const (\w+)\b/gm)].map((m) => m[1]);
      return names.map((name) => `export const ${name} = {};`).join('\n');
    },
  };
}

/**
 * index.html names the entry's script and styles; the app itself is a chunk the entry imports
 * after starting the first API calls (renderer/main.tsx). A modulepreload link lets the browser
 * fetch that chunk alongside the entry instead of after it.
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'megadisc:preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {});
        const app = chunks.find(
          (c) => c.type === 'chunk' && c.moduleIds.some((id) => id.endsWith('/renderer/mount-app.tsx')),
        );
        if (app?.type !== 'chunk') return [];
        const byName = new Map(chunks.flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
        // The chunk and every chunk it imports statically, however deep, but not the entry itself.
        const scripts: string[] = [];
        const styles = new Set<string>();
        const queue = [app.fileName];
        while (queue.length > 0) {
          const chunk = byName.get(queue.shift()!);
          if (!chunk || chunk.isEntry || scripts.includes(chunk.fileName)) continue;
          scripts.push(chunk.fileName);
          // Their styles too, as the entry's are: otherwise they arrive only once the chunk has run.
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
          queue.push(...chunk.imports);
        }
        const linked = (file: string) => html.includes(`"/${file}"`);
        return [
          ...[...styles]
            .filter((file) => !linked(file))
            .map((file) => ({
              tag: 'link',
              attrs: { rel: 'stylesheet', crossorigin: true, href: `/${file}` },
              injectTo: 'head' as const,
            })),
          ...scripts
            .filter((file) => !linked(file))
            .map((file) => ({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
              injectTo: 'head' as const,
            })),
        ];
      },
    },
  };
}

/** Modules of the first screen's chunk (see build.rolldownOptions below); vite's ids use forward slashes. */
const FIRST_SCREEN = new RegExp(
  [
    '/node_modules/(react|react-dom|scheduler|@formatjs|intl-messageformat)/',
    '/i18n/',
    '/api/schemas/encoding-catalog\\.ts$',
    '/renderer/(mount-app\\.tsx|shell/|app/|components/|styles/|features/(store|library|player|previews)/)',
  ].join('|'),
);

/** The app has no icon of its own in a browser tab: an empty one spares a request (and a connection) at start. */
function noFaviconRequest(): Plugin {
  return {
    name: 'megadisc:no-favicon-request',
    transformIndexHtml: () => [{ tag: 'link', attrs: { rel: 'icon', href: 'data:,' }, injectTo: 'head' }],
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: '/',
  plugins: [react(), hostOnlyCatalogAreas(), preloadAppChunk(), noFaviconRequest()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // The first screen in as few files as the entry allows: the entry (the transport and the first
        // API calls) and one chunk with React, the catalogs and the store and library screens, plus
        // its stylesheet. Browsers open six connections per host; each extra file queues behind them.
        // The other screens stay chunks of their own (App.tsx).
        codeSplitting: {
          // Not the modules the entry shares with it (the transport, vite's preload helper): pulling
          // those in would make the entry wait for this chunk before it could start the API calls.
          includeDependenciesRecursively: false,
          groups: [{ name: 'app', test: FIRST_SCREEN }],
        },
      },
    },
  },
});
