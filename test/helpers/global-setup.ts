// Seeds one short demo store per test run; integration tests copy it instead of re-synthesizing.
// Starts one throw-away PostgreSQL cluster for the run, with the same demo store copied into its
// template database: the server suite runs a second time on PostgreSQL (the server-pg project),
// and test files take fresh databases from the cluster.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { copyDatabase } from '../../server/db/copy-database.ts';
import { openSqlDatabase } from '../../server/db/open-sql-database.ts';
import { seedDemo } from '../../server/demo/seed-demo.ts';
import { openStore } from '../../server/store/open-store.ts';
import { freshDatabase, type PostgresCluster, startPostgresCluster } from './postgres.ts';

/** Demo tracks at 4% of their length: 2-7 seconds each, enough to encode for real. */
export const TEST_DURATION_SCALE = 0.04;

interface RunFixtures {
  root: string;
  dataDir: string;
  vouchers: string[];
  cluster: PostgresCluster;
  /** The template database holding the demo store (see freshDatabase). */
  template: string;
}

async function prepare(): Promise<RunFixtures> {
  // Started alongside the seeding: initdb and the server's start mostly wait on the disk.
  const cluster = startPostgresCluster();
  cluster.catch(() => {}); // awaited below; a failure must not count as unhandled meanwhile
  const root = mkdtempSync(join(tmpdir(), 'megadisc-template-'));
  const dataDir = join(root, 'store');
  try {
    const store = await openStore({ dataDir });
    const demo = await seedDemo(store, { durationScale: TEST_DURATION_SCALE });
    await store.close();
    const postgres = await cluster;
    const templateUrl = await freshDatabase(postgres.url);
    const from = await openSqlDatabase(join(dataDir, 'store.db'));
    const to = await openSqlDatabase(templateUrl);
    await copyDatabase(from, to);
    await Promise.all([from.close(), to.close()]);
    return {
      root,
      dataDir,
      vouchers: demo.unusedVouchers.map((v) => v.code),
      cluster: postgres,
      template: new URL(templateUrl).pathname.slice(1),
    };
  } catch (error) {
    await cluster.then((c) => c.stop()).catch(() => {});
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

// Every project that names this setup shares one run's fixtures (global setups run in vitest's
// main process): the template and the cluster are made once, and go when the last project is done.
const shared = globalThis as { megadiscFixtures?: { ready: Promise<RunFixtures>; users: number } };

export default async function setup(project: TestProject) {
  shared.megadiscFixtures ??= { ready: prepare(), users: 0 };
  const fixtures = shared.megadiscFixtures;
  fixtures.users += 1;
  const run = await fixtures.ready;
  project.provide('postgresUrl', run.cluster.url);
  project.provide('postgresTemplate', run.template);
  project.provide('templateStore', run.dataDir);
  project.provide('demoVouchers', run.vouchers);
  return async () => {
    fixtures.users -= 1;
    if (fixtures.users > 0) return;
    shared.megadiscFixtures = undefined;
    rmSync(run.root, { recursive: true, force: true });
    await run.cluster.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateStore: string;
    demoVouchers: string[];
    /** The run's PostgreSQL cluster (its `postgres` database); see freshDatabase() in postgres.ts. */
    postgresUrl: string;
    /** The database in that cluster holding the demo store of templateStore. */
    postgresTemplate: string;
  }
}
