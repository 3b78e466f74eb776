import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/renderer/**', 'test/integration/scripts/package/**'],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          pool: 'forks',
        },
      },
      {
        // The store's own tests again, on PostgreSQL: the template store is copied into a database
        // of the run's cluster (global-setup.ts) and every test server runs on a copy of it.
        test: {
          name: 'server-pg',
          include: ['test/integration/server/**/*.test.ts'],
          exclude: [
            // The storage port's own tests open both dialects themselves.
            'test/integration/server/db/**',
            // The serve command's own checks read the SQLite file of the store it started.
            'test/integration/server/cli/server-cli.test.ts',
          ],
          env: { MEGADISC_TEST_DB: 'postgres' },
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          pool: 'forks',
        },
      },
      {
        // Packaging runs `npm run build` into dist/, which web mode's and the e2e tests' pages are
        // served from: it runs alone, after every other project (a later group order).
        test: {
          name: 'packaging',
          include: ['test/integration/scripts/package/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          pool: 'forks',
          sequence: { groupOrder: 1 },
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/renderer/setup.ts'],
          css: false,
          testTimeout: 20_000,
        },
      },
    ],
  },
});
