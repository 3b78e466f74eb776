// Brings a PostgreSQL database up to the store's schema, one migration per transaction. Several
// nodes may start at once: a transaction-scoped advisory lock lets one migrate while the others
// wait, and each then finds the work done.
import type pg from 'pg';
import { DbError } from '../sql/db-error.ts';
import { postgresMigrations } from './migrations.ts';

/** pg_advisory_xact_lock key: "mgdsc" in ASCII, so it is recognizable in pg_locks. */
const MIGRATION_LOCK = 0x6d67647363;

// SQLite compares text byte by byte (BINARY), which for UTF-8 is code point order. A database whose
// collation is a language's would sort names, and compare keyset cursors, differently.
const CODE_POINT_COLLATIONS = new Set(['C', 'POSIX', 'C.UTF-8', 'C.utf8', 'ucs_basic']);

export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await refuseLanguageCollation(client);
    while (await applyNext(client)) {}
  } finally {
    client.release();
  }
}

/** Applies the next pending migration; false when there was none. */
async function applyNext(client: pg.PoolClient): Promise<boolean> {
  // READ COMMITTED, the default, on purpose: the version is read after the lock is granted, and
  // only then does a statement see what the previous holder committed (a SERIALIZABLE snapshot
  // would have been taken by the lock statement itself, before the wait).
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const { rows } = await client.query<{ version: number }>(
      'SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations',
    );
    const version = rows[0]!.version;
    if (version > postgresMigrations.length) {
      throw new DbError(
        'DB_SCHEMA_TOO_NEW',
        `the database is at schema ${version}; this store knows ${postgresMigrations.length}`,
      );
    }
    const next = postgresMigrations[version];
    if (next) {
      await client.query(next.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        version + 1,
        next.name,
        new Date().toISOString(),
      ]);
    }
    await client.query('COMMIT');
    return next !== undefined;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

async function refuseLanguageCollation(client: pg.PoolClient): Promise<void> {
  // to_jsonb: datlocprovider ('c' libc, 'i' ICU, whose collations are all linguistic) is new in 15.
  const { rows } = await client.query<{ collation: string; provider: string | null; name: string }>(
    `SELECT datcollate AS collation, to_jsonb(d) ->> 'datlocprovider' AS provider, datname AS name
     FROM pg_database d WHERE datname = current_database()`,
  );
  const { collation, provider, name } = rows[0]!;
  if (provider === 'i' || !CODE_POINT_COLLATIONS.has(collation)) {
    throw new DbError(
      'DB_COLLATION',
      `database ${name} sorts text by ${provider === 'i' ? 'an ICU collation' : `collation ${collation}`}; ` +
        'the store needs code point order: ' +
        `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER libc LC_COLLATE 'C' LC_CTYPE 'C'`,
    );
  }
}
