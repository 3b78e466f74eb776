// What SQL a piece of code runs and how SQLite plans it: tests check the cause of a fast query
// (an index walked in order, a fixed number of statements) instead of timing it.
import type { DatabaseSync } from 'node:sqlite';
import type { Database, Sql, SqlParam } from '../../server/db/sql/port.ts';

/**
 * Every statement `fn` prepares on `db`, in order; for an async `fn`, those it prepares until it
 * settles (statements prepared before are not seen).
 */
export function statementsOf(db: DatabaseSync, fn: () => Promise<unknown>): Promise<string[]>;
export function statementsOf(db: DatabaseSync, fn: () => void): string[];
export function statementsOf(db: DatabaseSync, fn: () => unknown): string[] | Promise<string[]> {
  const prepare = db.prepare;
  const seen: string[] = [];
  db.prepare = (sql: string) => {
    seen.push(sql);
    return prepare.call(db, sql);
  };
  const restore = () => {
    db.prepare = prepare;
  };
  let result: unknown;
  try {
    result = fn();
  } catch (error) {
    restore();
    throw error;
  }
  if (result instanceof Promise) return result.then(() => seen).finally(restore);
  restore();
  return seen;
}

/** SQLite's plan for `sql`, one step per line ("SCAN a USING COVERING INDEX …"). Parameters stay unbound. */
export function queryPlan(db: DatabaseSync, sql: string): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[];
  return rows.map((r) => r.detail);
}

/**
 * Every statement `fn` runs through the storage port `db`, in order, prepared before or not: its
 * get/all/run/exec, and those of the transactions it opens.
 */
export async function statementsRun(db: Database, fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const recording = (q: Sql): Sql => ({
    get<T>(sql: string, ...params: SqlParam[]) {
      seen.push(sql);
      return q.get<T>(sql, ...params);
    },
    all<T>(sql: string, ...params: SqlParam[]) {
      seen.push(sql);
      return q.all<T>(sql, ...params);
    },
    run(sql: string, ...params: SqlParam[]) {
      seen.push(sql);
      return q.run(sql, ...params);
    },
    exec(sql: string) {
      seen.push(sql);
      return q.exec(sql);
    },
  });
  const names = ['get', 'all', 'run', 'exec', 'tx'] as const;
  const own = names.filter((name) => Object.hasOwn(db, name));
  const methods = { get: db.get, all: db.all, run: db.run, exec: db.exec, tx: db.tx };
  const direct: Sql = {
    get: methods.get.bind(db),
    all: methods.all.bind(db),
    run: methods.run.bind(db),
    exec: methods.exec.bind(db),
  };
  Object.assign(db, recording(direct), {
    tx: <T>(work: (q: Sql) => Promise<T>) => methods.tx.call(db, (q: Sql) => work(recording(q))),
  });
  try {
    await fn();
  } finally {
    for (const name of names) {
      if (own.includes(name)) Object.assign(db, { [name]: methods[name] });
      else delete (db as unknown as Record<string, unknown>)[name];
    }
  }
  return seen;
}

/** SQLite's plan for `sql` through the storage port, one step per line. Parameters stay unbound. */
export async function queryPlanOf(db: Database, sql: string): Promise<string[]> {
  if (db.dialect !== 'sqlite') throw new Error('query plans are read from SQLite only');
  const rows = await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`);
  return rows.map((r) => r.detail);
}
