// Copies a store's SQLite database into an empty, migrated PostgreSQL database: how a shop that
// outgrew one machine moves to PostgreSQL, keeping every id, token, voucher and ledger entry.
// Rows go table by table, each after the tables it references (so a row's references exist before
// it), in one transaction; identity columns then continue after the highest copied id.
import { DbError } from './sql/db-error.ts';
import type { Database, Row, Sql, SqlParam } from './sql/port.ts';

/** Rows per INSERT: well under PostgreSQL's 65535 parameters for the widest table. */
const BATCH = 200;

export interface CopyReport {
  tables: number;
  rows: number;
}

export async function copyDatabase(from: Database, to: Database): Promise<CopyReport> {
  if (from.dialect !== 'sqlite' || to.dialect !== 'postgres')
    throw new Error('copies a SQLite store into PostgreSQL');
  const sourceTables = new Set(
    (
      await from.all<{ name: string }>(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
      )
    ).map((t) => t.name),
  );
  return to.tx(async (q) => {
    if (await q.get('SELECT 1 FROM accounts UNION ALL SELECT 1 FROM albums LIMIT 1'))
      throw new DbError(
        'DB_NOT_EMPTY',
        'the PostgreSQL database already holds a store; copy into an empty one',
      );
    const tables = await tablesInReferenceOrder(q);
    let rows = 0;
    let copied = 0;
    for (const name of tables) {
      if (!sourceTables.has(name)) continue;
      const columns = await copyableColumns(q, name);
      // The FTS5 tables' rowid is not in SELECT *; the PostgreSQL index tables keep it as a column.
      const list = columns.map((c) => `"${c}"`).join(', ');
      const source = await from.all<Row>(`SELECT ${list} FROM "${name}"`);
      for (let at = 0; at < source.length; at += BATCH) {
        const batch = source.slice(at, at + BATCH);
        const tuple = `(${columns.map(() => '?').join(', ')})`;
        await q.run(
          `INSERT INTO "${name}" (${list}) VALUES ${batch.map(() => tuple).join(', ')}`,
          ...batch.flatMap((row) => columns.map((c) => row[c] as SqlParam)),
        );
      }
      rows += source.length;
      copied += 1;
    }
    await continueIdentities(q);
    return { tables: copied, rows };
  });
}

/** The table's columns that are stored (not generated, such as the search index's tsvector). */
async function copyableColumns(q: Sql, table: string): Promise<string[]> {
  const columns = await q.all<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER'
     ORDER BY ordinal_position`,
    table,
  );
  return columns.map((c) => c.name);
}

async function continueIdentities(q: Sql): Promise<void> {
  const identities = await q.all<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND is_identity = 'YES'`,
  );
  for (const { table_name: table, column_name: column } of identities) {
    await q.get(
      `SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(MAX("${column}"), 0) + 1, false) FROM "${table}"`,
      table,
      column,
    );
  }
}

/** The schema's tables, each after every table its foreign keys reference. */
async function tablesInReferenceOrder(q: Sql): Promise<string[]> {
  const tables = await q.all<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'schema_migrations'
     ORDER BY c.relname`,
  );
  const references = await q.all<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
     JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
     WHERE k.contype = 'f' AND ch.relname <> pa.relname`,
  );
  const ordered: string[] = [];
  const placed = new Set<string>();
  const place = (name: string, path: Set<string>) => {
    if (placed.has(name)) return;
    if (path.has(name)) throw new Error(`the tables reference each other in a cycle through ${name}`);
    path.add(name);
    for (const r of references) if (r.child === name) place(r.parent, path);
    path.delete(name);
    placed.add(name);
    ordered.push(name);
  };
  for (const { name } of tables) place(name, new Set());
  return ordered;
}
