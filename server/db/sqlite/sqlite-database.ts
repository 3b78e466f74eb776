// The storage port over node:sqlite: one connection, statements prepared once per SQL text, and an
// async lock so nothing interleaves with an open transaction.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { AsyncMutex } from '../sql/async-mutex.ts';
import { DbError } from '../sql/db-error.ts';
import type { Database, Row, RunResult, Sql, SqlParam } from '../sql/port.ts';
import { activeTx, runInTx } from '../sql/tx-scope.ts';
import { openDatabase } from './open-database.ts';

/** Past this many distinct SQL texts (SQL built at run time), statements are prepared per call. */
const STATEMENT_CACHE_LIMIT = 1000;

/** Opens (and migrates, with PRAGMA user_version) the store database at path, or ':memory:'. */
export function openSqliteDatabase(path: string): SqliteDatabase {
  return new SqliteDatabase(openDatabase(path));
}

export class SqliteDatabase implements Database {
  readonly dialect = 'sqlite' as const;
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  // BEGIN IMMEDIATE made writers wait for each other while transactions were synchronous. Now that
  // fn awaits, the one connection is shared with everything else the process does meanwhile: any
  // statement that ran then would land inside the open transaction. So every use of the connection,
  // reads included, waits for this lock while a transaction holds it.
  readonly #lock = new AsyncMutex();
  // Statements straight on the connection; only for the lock holder.
  readonly #direct: Sql = {
    get: async <T>(sql: string, ...params: SqlParam[]) =>
      readInts(() => this.#prepare(sql).get(...bindable(params)) as T | undefined),
    all: async <T>(sql: string, ...params: SqlParam[]) =>
      readInts(() => this.#prepare(sql).all(...bindable(params)) as T[]),
    run: async (sql: string, ...params: SqlParam[]): Promise<RunResult> => ({
      changes: Number(this.#prepare(sql).run(...bindable(params)).changes),
    }),
    exec: async (sql: string) => this.#db.exec(sql),
  };

  /** Wraps a connection opened by openDatabase (for code converted to the port step by step). */
  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  get<T = Row>(sql: string, ...params: SqlParam[]): Promise<T | undefined> {
    const tx = activeTx(this);
    return tx ? tx.get<T>(sql, ...params) : this.#locked(() => this.#direct.get<T>(sql, ...params));
  }

  all<T = Row>(sql: string, ...params: SqlParam[]): Promise<T[]> {
    const tx = activeTx(this);
    return tx ? tx.all<T>(sql, ...params) : this.#locked(() => this.#direct.all<T>(sql, ...params));
  }

  run(sql: string, ...params: SqlParam[]): Promise<RunResult> {
    const tx = activeTx(this);
    return tx ? tx.run(sql, ...params) : this.#locked(() => this.#direct.run(sql, ...params));
  }

  exec(sql: string): Promise<void> {
    const tx = activeTx(this);
    return tx ? tx.exec(sql) : this.#locked(() => this.#direct.exec(sql));
  }

  async tx<T>(fn: (q: Sql) => Promise<T>): Promise<T> {
    const outer = activeTx(this);
    if (outer) return fn(outer);
    const release = await this.#lock.acquire();
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      try {
        const result = await runInTx(this, this.#direct, fn);
        this.#db.exec('COMMIT');
        return result;
      } catch (error) {
        // A failed COMMIT may already have ended the transaction.
        if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      release();
    }
  }

  async close(): Promise<void> {
    const release = await this.#lock.acquire();
    try {
      if (this.#db.isOpen) this.#db.close();
    } finally {
      release();
    }
  }

  // The statements themselves are synchronous: when no transaction holds the lock, run at once.
  async #locked<T>(op: () => Promise<T>): Promise<T> {
    if (!this.#lock.held) return op();
    const release = await this.#lock.acquire();
    try {
      return await op();
    } finally {
      release();
    }
  }

  #prepare(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      if (this.#statements.size < STATEMENT_CACHE_LIMIT) this.#statements.set(sql, statement);
    }
    return statement;
  }
}

/**
 * node:sqlite binds every JS number as REAL, so `SUM(x) - ?` went through a double and `? / 2`
 * divided as floats. Integers bound as INTEGER keep SQLite's arithmetic exact and integral, as
 * PostgreSQL's is for a bigint parameter.
 */
function bindable(params: SqlParam[]): SqlParam[] {
  return params.map((p) => (typeof p === 'number' && Number.isSafeInteger(p) ? BigInt(p) : p));
}

/** node:sqlite refuses integers past 2^53 with ERR_OUT_OF_RANGE; give it the port's code. */
function readInts<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_OUT_OF_RANGE') {
      throw new DbError('DB_UNSAFE_INTEGER', (error as Error).message, { cause: error });
    }
    throw error;
  }
}
