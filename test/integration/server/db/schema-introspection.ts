// Reads a migrated store schema back from either engine's catalog, in one comparable shape:
// per table, its columns (type class, NOT NULL, primary key), its unique keys, plain indexes and
// foreign keys. The search index (FTS5 tables on SQLite, *_fts tables on PostgreSQL) is left out:
// it is the one part the engines do differently on purpose.
import type { Database } from '../../../../server/db/sql/port.ts';

export type TypeClass = 'integer' | 'text' | 'real';

export interface TableShape {
  columns: Record<string, { type: TypeClass; notNull: boolean; primaryKey: boolean }>;
  /** Column lists, sorted, each 'a,b' (a primary key is a unique key too). */
  uniqueKeys: string[];
  indexes: string[];
  /** 'column -> table.column', sorted. */
  foreignKeys: string[];
}

export type SchemaShape = Record<string, TableShape>;

const isSearchTable = (name: string) => /_fts($|_)/.test(name);

function sqliteType(declared: string): TypeClass {
  if (/INT/i.test(declared)) return 'integer';
  if (/REAL|FLOA|DOUB/i.test(declared)) return 'real';
  return 'text';
}

function postgresType(dataType: string, udt: string): TypeClass {
  if (['bigint', 'integer', 'smallint'].includes(dataType)) return 'integer';
  if (['double precision', 'real'].includes(dataType)) return 'real';
  if (dataType === 'text' || udt === 'citext') return 'text';
  throw new Error(`unexpected PostgreSQL column type ${dataType} (${udt})`);
}

export async function sqliteSchema(db: Database): Promise<SchemaShape> {
  const tables = await db.all<{ name: string }>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  const shape: SchemaShape = {};
  for (const { name } of tables.filter((t) => !isSearchTable(t.name))) {
    const table: TableShape = { columns: {}, uniqueKeys: [], indexes: [], foreignKeys: [] };
    const columns = await db.all<{ name: string; type: string; notnull: number; pk: number }>(
      'SELECT name, type, "notnull", pk FROM pragma_table_info(?) ORDER BY cid',
      name,
    );
    const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    for (const c of columns) {
      table.columns[c.name] = {
        type: sqliteType(c.type),
        notNull: c.notnull === 1 || c.pk > 0,
        primaryKey: c.pk > 0,
      };
    }
    table.uniqueKeys.push(pk.map((c) => c.name).join(','));
    const indexes = await db.all<{ name: string; unique: number; origin: string }>(
      'SELECT name, "unique", origin FROM pragma_index_list(?)',
      name,
    );
    for (const index of indexes.filter((i) => i.origin !== 'pk')) {
      const cols = await db.all<{ name: string }>(
        'SELECT name FROM pragma_index_info(?) ORDER BY seqno',
        index.name,
      );
      (index.unique ? table.uniqueKeys : table.indexes).push(cols.map((c) => c.name).join(','));
    }
    const keys = await db.all<{ from: string; table: string; to: string }>(
      'SELECT "from", "table", "to" FROM pragma_foreign_key_list(?)',
      name,
    );
    table.foreignKeys = keys.map((k) => `${k.from} -> ${k.table}.${k.to}`);
    shape[name] = sorted(table);
  }
  return shape;
}

export async function postgresSchema(db: Database): Promise<SchemaShape> {
  const columns = await db.all<{
    table: string;
    column: string;
    dataType: string;
    udt: string;
    nullable: string;
  }>(
    `SELECT table_name AS "table", column_name AS "column", data_type AS "dataType", udt_name AS udt,
       is_nullable AS nullable
     FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  const indexes = await db.all<{ table: string; columns: string; unique: number; primary: number }>(
    `SELECT t.relname AS "table", ix.indisunique AS "unique", ix.indisprimary AS "primary",
       (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, n)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS columns
     FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid
     WHERE t.relnamespace = 'public'::regnamespace`,
  );
  const keys = await db.all<{ table: string; from: string; toTable: string; to: string }>(
    `SELECT cl.relname AS "table", a.attname AS "from", fcl.relname AS "toTable", fa.attname AS "to"
     FROM pg_constraint c
     JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class fcl ON fcl.oid = c.confrelid
     CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(col, fcol)
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
     JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = k.fcol
     WHERE c.contype = 'f' AND cl.relnamespace = 'public'::regnamespace`,
  );
  const primary = new Map<string, Set<string>>();
  for (const i of indexes.filter((i) => i.primary)) primary.set(i.table, new Set(i.columns.split(',')));
  const shape: SchemaShape = {};
  const tableOf = (name: string) => {
    shape[name] ??= { columns: {}, uniqueKeys: [], indexes: [], foreignKeys: [] };
    return shape[name];
  };
  const keep = (table: string) => !isSearchTable(table) && table !== 'schema_migrations';
  for (const c of columns.filter((c) => keep(c.table))) {
    tableOf(c.table).columns[c.column] = {
      type: postgresType(c.dataType, c.udt),
      notNull: c.nullable === 'NO',
      primaryKey: primary.get(c.table)?.has(c.column) ?? false,
    };
  }
  for (const i of indexes.filter((i) => keep(i.table))) {
    (i.unique ? tableOf(i.table).uniqueKeys : tableOf(i.table).indexes).push(i.columns);
  }
  for (const k of keys.filter((k) => keep(k.table)))
    tableOf(k.table).foreignKeys.push(`${k.from} -> ${k.toTable}.${k.to}`);
  for (const name of Object.keys(shape)) shape[name] = sorted(shape[name]!);
  return shape;
}

function sorted(table: TableShape): TableShape {
  return {
    columns: table.columns,
    uniqueKeys: [...table.uniqueKeys].sort(),
    indexes: [...table.indexes].sort(),
    foreignKeys: [...table.foreignKeys].sort(),
  };
}
