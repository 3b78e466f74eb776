// Builds the Electron shell: the main process (ESM, dependencies left in node_modules) and the preload
// (one CommonJS file with everything inlined, since a sandboxed preload cannot require local files).
// `vite build -c vite.electron.config.ts` → dist/electron/main.js and dist/electron/preload.cjs.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { relocateFileUrls } from './scripts/launch/relocate-file-urls.ts';

const root = import.meta.dirname;
const outDir = resolve(root, 'dist/electron');
const nodeBuiltins = [/^node:/];
/** Worker threads the core and the embedded store start with new URL('./x.ts', import.meta.url). */
const workers = {
  'parse-worker': resolve(root, 'electron/core/tagging/parse-worker.ts'),
  'tag-reader-worker': resolve(root, 'server/catalog/sources/tag-reader-worker.ts'),
  'search-worker': resolve(root, 'server/catalog/search-worker.ts'),
};

export default defineConfig({
  // No public/ copying and no index.html: these are Node bundles.
  publicDir: false,
  logLevel: 'warn',
  plugins: [relocateFileUrls(outDir, workers)],
  builder: {
    async buildApp(builder) {
      await builder.build(builder.environments.electronMain!);
      await builder.build(builder.environments.electronPreload!);
    },
  },
  environments: {
    electronMain: {
      consumer: 'server',
      // Every package stays in node_modules (electron-store, zod, fastify...): only our sources are bundled.
      resolve: { external: true },
      build: {
        outDir,
        emptyOutDir: true,
        target: 'node22',
        minify: false,
        copyPublicDir: false,
        rolldownOptions: {
          input: { main: resolve(root, 'electron/main/main.ts'), ...workers },
          external: ['electron', ...nodeBuiltins],
          // Flat: the relocated file URLs are relative to this one folder.
          output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
        },
      },
    },
    electronPreload: {
      consumer: 'server',
      resolve: { noExternal: true },
      build: {
        outDir,
        emptyOutDir: false,
        target: 'node22',
        minify: false,
        copyPublicDir: false,
        rolldownOptions: {
          input: { preload: resolve(root, 'electron/preload/preload.ts') },
          external: ['electron'],
          output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
        },
      },
    },
  },
});
