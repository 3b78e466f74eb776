// Starts a real store server on a free loopback port over a private copy of the seeded template.
// In the server-pg project (MEGADISC_TEST_DB=postgres) the store's database is a PostgreSQL copy
// of the template's instead of its SQLite file; the data folder (masters, covers, cache) is copied
// either way.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type RunningServer, type ServerOptions, startServer } from '../../server/start-server.ts';
import { freshDatabase } from './postgres.ts';

export interface TestServer extends RunningServer {
  dataDir: string;
  vouchers: string[];
  /** The PostgreSQL database the store runs on, in the server-pg project. */
  database?: string;
  dispose(): Promise<void>;
}

/** Whether this run's store tests use PostgreSQL (the server-pg project). */
export const onPostgres = process.env.MEGADISC_TEST_DB === 'postgres';

// A data folder keeps its database across restarts (startTestServer(opts, server.dataDir)).
const databases = new Map<string, string>();

/** The PostgreSQL database of a data folder: made on first use, empty or a copy of the template. */
async function databaseOf(dataDir: string, fromTemplate: boolean): Promise<string> {
  let database = databases.get(dataDir);
  if (!database) {
    database = await freshDatabase(
      inject('postgresUrl'),
      fromTemplate ? inject('postgresTemplate') : undefined,
    );
    databases.set(dataDir, database);
  }
  return database;
}

/**
 * Copies the seeded template store into dataDir, for a test that runs `megadisc server … --data
 * dataDir` itself. In server-pg the copy's database is a PostgreSQL copy of the template's, and
 * operator commands this test file runs from now on find it (MEGADISC_STORE_DB).
 */
export async function copyTemplateStore(dataDir: string): Promise<void> {
  cpSync(inject('templateStore'), dataDir, { recursive: true });
  if (onPostgres) process.env.MEGADISC_STORE_DB = await databaseOf(dataDir, true);
}

/**
 * The environment for `megadisc server … --data dataDir` run before any test server has started on
 * that folder (an import into a new store): in server-pg, the folder's own PostgreSQL database.
 */
export async function storeEnv(dataDir: string): Promise<NodeJS.ProcessEnv> {
  return onPostgres ? { MEGADISC_STORE_DB: await databaseOf(dataDir, false) } : {};
}

export async function startTestServer(
  opts: Partial<ServerOptions> = {},
  dataDir?: string,
): Promise<TestServer> {
  const dir = dataDir ?? join(mkdtempSync(join(tmpdir(), 'megadisc-store-')), 'store');
  if (!dataDir) cpSync(inject('templateStore'), dir, { recursive: true });
  const database = onPostgres ? await databaseOf(dir, !dataDir) : undefined;
  // Operator commands a test runs on this store (`megadisc server … --data DIR`) find it too.
  if (database) process.env.MEGADISC_STORE_DB = database;
  const server = await startServer({ dataDir: dir, port: 0, ...(database ? { database } : {}), ...opts });
  return {
    ...server,
    dataDir: dir,
    vouchers: inject('demoVouchers'),
    ...(database ? { database } : {}),
    async dispose() {
      await server.close();
      if (!dataDir) rmSync(join(dir, '..'), { recursive: true, force: true });
    },
  };
}
