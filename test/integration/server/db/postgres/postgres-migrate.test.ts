// The PostgreSQL migration runner: several nodes starting at once migrate once, a newer schema is
// refused, and so is a database that would sort text unlike SQLite.
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { postgresMigrations } from '../../../../../server/db/postgres/migrations.ts';
import { openPostgresDatabase } from '../../../../../server/db/postgres/postgres-database.ts';
import { freshDatabase } from '../../../../helpers/postgres.ts';

describe('PostgreSQL migrations', () => {
  it('migrate once when three nodes open the same new database at once', async () => {
    const url = await freshDatabase();
    const nodes = await Promise.all([1, 2, 3].map(() => openPostgresDatabase({ url, max: 2 })));
    const applied = await nodes[0]!.all('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(applied).toEqual(postgresMigrations.map((m, i) => ({ version: i + 1, name: m.name })));
    await Promise.all(nodes.map((n) => n.close()));
  });

  it('refuse a database migrated by a newer store', async () => {
    const url = await freshDatabase();
    const db = await openPostgresDatabase({ url });
    await db.run(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'now')`);
    await db.close();
    await expect(openPostgresDatabase({ url })).rejects.toMatchObject({ code: 'DB_SCHEMA_TOO_NEW' });
  });

  it('refuse a database whose collation is not code point order', async () => {
    const admin = new pg.Client({ connectionString: inject('postgresUrl') });
    await admin.connect();
    const name = `megadisc_icu_${Date.now()}`;
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en'`);
    } finally {
      await admin.end();
    }
    const url = new URL(inject('postgresUrl'));
    url.pathname = `/${name}`;
    await expect(openPostgresDatabase({ url: url.toString() })).rejects.toMatchObject({
      code: 'DB_COLLATION',
    });
  });
});
