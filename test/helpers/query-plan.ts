// What SQL a piece of code runs and how SQLite plans it: tests check the cause of a fast query
// (an index walked in order, a fixed number of statements) instead of timing it.
import type { DatabaseSync } from 'node:sqlite';

/** Every statement `fn` prepares on `db`, in order. */
export function statementsOf(db: DatabaseSync, fn: () => void): string[] {
  const prepare = db.prepare;
  const seen: string[] = [];
  db.prepare = (sql: string) => {
    seen.push(sql);
    return prepare.call(db, sql);
  };
  try {
    fn();
  } finally {
    db.prepare = prepare;
  }
  return seen;
}

/** SQLite's plan for `sql`, one step per line ("SCAN a USING COVERING INDEX …"). Parameters stay unbound. */
export function queryPlan(db: DatabaseSync, sql: string): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[];
  return rows.map((r) => r.detail);
}
