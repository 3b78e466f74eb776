// The storage port: what the store's repositories need from a SQL database, whichever engine holds it.
//
// SQL is written once, with `?` placeholders, in the dialect both engines understand (RETURNING,
// ON CONFLICT ... DO NOTHING/DO UPDATE, COALESCE, CASE). The rules every adapter keeps:
// - Integers come back as JS numbers, never strings or bigints. Money is integer micros and bytes
//   are integers, both below 2^53; a value past Number.MAX_SAFE_INTEGER throws DB_UNSAFE_INTEGER
//   rather than being rounded.
// - Booleans: the schema stores flags as INTEGER 0/1 in both engines, parameters are bound as
//   0/1 (a JS boolean is not a SqlParam), and a boolean expression in a select list
//   (`SELECT x > 0 AS flag`) reads as 0/1 in both: SQLite has no booleans, and the PostgreSQL
//   adapter reads `bool` as 0/1. In WHERE, write comparisons (`flag = 1`), not bare columns.
// - Timestamps are ISO-8601 TEXT in both, so they compare and sort alike.
// - Row objects are keyed by column name as written; unquoted aliases are folded to lower case by
//   PostgreSQL, so camelCase aliases must be double-quoted (`AS "packId"`), which SQLite accepts too.
// - Search is the one place the engines differ (FTS5 against tsvector): see server/db/postgres/.

/** A bound parameter. No booleans (bind 0/1) and no Date (bind an ISO string). */
export type SqlParam = string | number | bigint | null;

export type Row = Record<string, unknown>;

export interface RunResult {
  /** Rows inserted, updated or deleted. For new ids, use `RETURNING id` with get(). */
  changes: number;
}

export interface Sql {
  /** The first row, or undefined. */
  get<T = Row>(sql: string, ...params: SqlParam[]): Promise<T | undefined>;
  all<T = Row>(sql: string, ...params: SqlParam[]): Promise<T[]>;
  run(sql: string, ...params: SqlParam[]): Promise<RunResult>;
  /** One or more statements without parameters (schema changes, maintenance). */
  exec(sql: string): Promise<void>;
}

export type Dialect = 'sqlite' | 'postgres';

export interface Database extends Sql {
  readonly dialect: Dialect;
  /**
   * Runs fn in one transaction: commits what it resolves with, rolls back when it throws. Writers
   * are serialized in effect (SQLite: one writer at a time; PostgreSQL: SERIALIZABLE, fn re-run on a
   * serialization failure), so read-check-write code in fn needs no locks of its own. fn may run
   * more than once, so it must not have effects outside the database.
   *
   * Nesting flattens: tx() (or get/all/run/exec on this Database) called while a transaction of
   * this Database is open in the same async context joins that transaction.
   */
  tx<T>(fn: (q: Sql) => Promise<T>): Promise<T>;
  /**
   * Tells the other processes on this database that something changed (PostgreSQL NOTIFY), and
   * hears them (LISTEN; returns how to stop). Absent on SQLite, which one process holds. Best effort:
   * a notice can be lost while a connection is down, so whoever listens still polls, only less often.
   */
  notify?(channel: NoticeChannel, payload: string): Promise<void>;
  listen?(channel: NoticeChannel, heard: (payload: string) => void): Promise<() => Promise<void>>;
  /** Waits for an open transaction to end, then closes every connection. */
  close(): Promise<void>;
}

/** What processes sharing a database tell each other: work was queued; an order changed (its id). */
export type NoticeChannel = 'megadisc_work' | 'megadisc_orders';
