// Seeds one short demo store per test run; integration tests copy it instead of re-synthesizing.
// Starts one throw-away PostgreSQL cluster for the run; test files take a fresh database from it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../../server/catalog/seed-demo.ts';
import { openStore } from '../../server/store.ts';
import { startPostgresCluster } from './postgres.ts';

/** Demo tracks at 4% of their length: 2-7 seconds each, enough to encode for real. */
export const TEST_DURATION_SCALE = 0.04;

export default async function setup(project: TestProject) {
  // Started alongside the seeding: initdb and the server's start mostly wait on the disk.
  const cluster = startPostgresCluster();
  cluster.catch(() => {}); // awaited below; a failure must not count as unhandled meanwhile
  const root = mkdtempSync(join(tmpdir(), 'megadisc-template-'));
  const dataDir = join(root, 'store');
  let demo: Awaited<ReturnType<typeof seedDemo>>;
  try {
    const store = await openStore({ dataDir });
    demo = await seedDemo(store, { durationScale: TEST_DURATION_SCALE });
    await store.close();
  } catch (error) {
    await cluster.then((c) => c.stop()).catch(() => {});
    throw error;
  }
  const postgres = await cluster;
  project.provide('postgresUrl', postgres.url);
  project.provide('templateStore', dataDir);
  project.provide(
    'demoVouchers',
    demo.unusedVouchers.map((v) => v.code),
  );
  return async () => {
    rmSync(root, { recursive: true, force: true });
    await postgres.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateStore: string;
    demoVouchers: string[];
    /** The run's PostgreSQL cluster (its `postgres` database); see freshDatabase() in postgres.ts. */
    postgresUrl: string;
  }
}
