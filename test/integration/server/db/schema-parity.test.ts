// The PostgreSQL migrations build the same schema as the SQLite ones: every table and column (with
// a compatible type, NOT NULL and primary key), unique key, index and foreign key, both ways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../server/db/sql/port.ts';
import { openTestDatabase } from '../../../helpers/open-dialect.ts';
import { postgresSchema, type SchemaShape, sqliteSchema } from './schema-introspection.ts';

describe('schema parity between the SQLite and PostgreSQL migrations', () => {
  let sqlite: Database;
  let postgres: Database;
  let fromSqlite: SchemaShape;
  let fromPostgres: SchemaShape;
  beforeAll(async () => {
    [sqlite, postgres] = await Promise.all([openTestDatabase('sqlite'), openTestDatabase('postgres')]);
    [fromSqlite, fromPostgres] = await Promise.all([sqliteSchema(sqlite), postgresSchema(postgres)]);
  });
  afterAll(() => Promise.all([sqlite?.close(), postgres?.close()]));

  it('has the same tables', () => {
    expect(Object.keys(fromPostgres).sort()).toEqual(Object.keys(fromSqlite).sort());
    expect(Object.keys(fromSqlite).length).toBeGreaterThanOrEqual(30);
  });

  it('has the same columns, keys, indexes and foreign keys in every table', () => {
    for (const table of Object.keys(fromSqlite)) {
      expect({ table, ...fromPostgres[table] }).toEqual({ table, ...fromSqlite[table] });
    }
  });

  it('keeps the search index tables on both sides, under the same names and columns', async () => {
    const searchColumns = async (db: Database, sql: string) =>
      (await db.all<{ name: string }>(sql))
        .map((r) => r.name)
        .filter((n) => n !== 'rowid' && n !== 'document');
    for (const [table, expected] of [
      ['artists_fts', ['name']],
      ['albums_fts', ['title', 'artist', 'label']],
      ['tracks_fts', ['title', 'artists', 'album']],
    ] as const) {
      expect(
        await searchColumns(sqlite, `SELECT name FROM pragma_table_info('${table}') ORDER BY cid`),
      ).toEqual(expected);
      expect(
        await searchColumns(
          postgres,
          `SELECT column_name AS name FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`,
        ),
      ).toEqual(expected);
    }
  });
});
