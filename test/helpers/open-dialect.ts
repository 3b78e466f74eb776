// Opens an empty, migrated store database of either dialect, so one test body runs on both.

import { openPostgresDatabase } from '../../server/db/postgres/postgres-database.ts';
import type { Database, Dialect } from '../../server/db/sql/port.ts';
import { openSqliteDatabase } from '../../server/db/sqlite/sqlite-database.ts';
import { freshDatabase } from './postgres.ts';

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

export async function openTestDatabase(dialect: Dialect): Promise<Database> {
  if (dialect === 'sqlite') return openSqliteDatabase(':memory:');
  return openPostgresDatabase({ url: await freshDatabase() });
}

/** An account with the given balance, written through the port. */
export async function createAccount(db: Database, balanceBytes = 0): Promise<number> {
  const row = await db.get<{ id: number }>(
    'INSERT INTO accounts (email, password_hash, balance_bytes, created_at) VALUES (?, ?, ?, ?) RETURNING id',
    `${crypto.randomUUID()}@example.test`,
    'x',
    balanceBytes,
    new Date().toISOString(),
  );
  return row!.id;
}

export async function balanceOf(db: Database, accountId: number): Promise<number> {
  const row = await db.get<{ balance_bytes: number }>(
    'SELECT balance_bytes FROM accounts WHERE id = ?',
    accountId,
  );
  return row!.balance_bytes;
}
