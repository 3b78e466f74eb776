// Opens the store database named by --db: a postgres:// URL, or a SQLite file path (':memory:' too).

import type { Database } from './sql/port.ts';
import { openSqliteDatabase } from './sqlite/sqlite-database.ts';

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** Opens and migrates the database; PostgreSQL failing to answer rejects with STORE_DB_UNAVAILABLE. */
export async function openSqlDatabase(target: string): Promise<Database> {
  if (!isPostgresUrl(target)) return openSqliteDatabase(target);
  // Loaded only for PostgreSQL: the embedded store (SQLite) starts without the pg driver.
  const { openPostgresDatabase } = await import('./postgres/postgres-database.ts');
  return openPostgresDatabase({ url: target });
}
