// The storage port over PostgreSQL (pg): a pool of connections, statements prepared once per
// connection, and transactions at SERIALIZABLE that are re-run when the engine reports a conflict.
import pg from 'pg';
import { DbError } from '../sql/db-error.ts';
import type { Database, NoticeChannel, Row, RunResult, Sql, SqlParam } from '../sql/port.ts';
import { activeTx, runInTx } from '../sql/tx-scope.ts';
import { type ConflictRetryPolicy, conflictBackoffMs, DEFAULT_CONFLICT_RETRY } from './conflict-retry.ts';
import { migratePostgres } from './migrate.ts';
import { listenFor } from './notice-listener.ts';
import { numberPlaceholders } from './placeholders.ts';
import { isConflict, portError } from './postgres-failures.ts';
import { refuseUnsafeIntegers, storeTypes } from './postgres-values.ts';

export interface PostgresOptions {
  /** postgres://user@host:port/database */
  url: string;
  /** Connections in the pool (default 10). */
  max?: number;
  /** Apply the schema migrations on open (default true; safe when several nodes start at once). */
  migrate?: boolean;
  /** How long a query waits for a connection before STORE_DB_UNAVAILABLE (default 5 s). */
  connectTimeoutMs?: number;
  conflictRetry?: ConflictRetryPolicy;
}

/** Past this many distinct SQL texts (SQL built at run time), statements go unnamed. */
const NAMED_STATEMENT_LIMIT = 1000;

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

export async function openPostgresDatabase(options: PostgresOptions): Promise<PostgresDatabase> {
  const db = new PostgresDatabase(options);
  try {
    if (options.migrate !== false) await migratePostgres(db.pool);
  } catch (error) {
    await db.close();
    throw portError(error);
  }
  return db;
}

export class PostgresDatabase implements Database {
  readonly dialect = 'postgres' as const;
  /** For the migration runner and tests; repositories use the port. */
  readonly pool: pg.Pool;
  readonly #retry: ConflictRetryPolicy;
  readonly #statements = new Map<string, pg.QueryConfig>();
  readonly #url: string;
  readonly #listeners = new Set<() => Promise<void>>();
  #conflictRetries = 0;

  constructor(options: PostgresOptions) {
    this.#url = options.url;
    this.#retry = options.conflictRetry ?? DEFAULT_CONFLICT_RETRY;
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.max ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      types: storeTypes,
    });
    // An idle connection that dies (the server restarted) is dropped by the pool, which reports it
    // here; without a listener that report would crash the process. The next query reconnects.
    this.pool.on('error', () => {});
  }

  /** Transactions re-run after a serialization conflict, since open. */
  get conflictRetries(): number {
    return this.#conflictRetries;
  }

  get<T = Row>(sql: string, ...params: SqlParam[]): Promise<T | undefined> {
    const tx = activeTx(this);
    if (tx) return tx.get<T>(sql, ...params);
    return this.#query(this.pool, sql, params).then((r) => r.rows[0] as T | undefined);
  }

  all<T = Row>(sql: string, ...params: SqlParam[]): Promise<T[]> {
    const tx = activeTx(this);
    if (tx) return tx.all<T>(sql, ...params);
    return this.#query(this.pool, sql, params).then((r) => r.rows as T[]);
  }

  run(sql: string, ...params: SqlParam[]): Promise<RunResult> {
    const tx = activeTx(this);
    if (tx) return tx.run(sql, ...params);
    return this.#query(this.pool, sql, params).then((r) => ({ changes: r.rowCount ?? 0 }));
  }

  exec(sql: string): Promise<void> {
    const tx = activeTx(this);
    if (tx) return tx.exec(sql);
    return this.#exec(this.pool, sql);
  }

  /**
   * SERIALIZABLE makes PostgreSQL guarantee what SQLite's single writer gave for free: the outcome
   * is that of some serial order of the transactions, so "check the balance, then debit" stays
   * correct without SELECT ... FOR UPDATE in every repository. The price is that the engine may
   * abort a transaction (40001, or 40P01 on a deadlock); it is then re-run from the start.
   */
  async tx<T>(fn: (q: Sql) => Promise<T>): Promise<T> {
    const outer = activeTx(this);
    if (outer) return fn(outer);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#attempt(fn);
      } catch (error) {
        if (!isConflict(error)) throw portError(error);
        if (attempt >= this.#retry.attempts) {
          throw new DbError('STORE_DB_BUSY', `the transaction still conflicted after ${attempt} attempts`, {
            cause: error,
          });
        }
        this.#conflictRetries++;
        await new Promise((resolve) => setTimeout(resolve, conflictBackoffMs(this.#retry, attempt)));
      }
    }
  }

  /** NOTIFY, outside any transaction: sent now, so call it after the change has committed. */
  async notify(channel: NoticeChannel, payload: string): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  async listen(channel: NoticeChannel, heard: (payload: string) => void): Promise<() => Promise<void>> {
    const stop = await listenFor(this.#url, channel, heard);
    const stopOnce = async () => {
      if (this.#listeners.delete(stopOnce)) await stop();
    };
    this.#listeners.add(stopOnce);
    return stopOnce;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#listeners].map((stop) => stop()));
    if (!this.pool.ended) await this.pool.end();
  }

  async #attempt<T>(fn: (q: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    // While checked out, nobody else listens for the connection's death; an unheard 'error' event
    // would crash the process. The failed statement reports it to fn in any case.
    const onError = () => {
      broken = true;
    };
    client.on('error', onError);
    // The first failed statement: after it PostgreSQL has aborted the transaction, even if fn
    // caught the error and carried on.
    let failure: unknown;
    const record = <R>(promise: Promise<R>) =>
      promise.catch((error: unknown) => {
        failure ??= error;
        throw error;
      });
    const inner: Sql = {
      get: (sql, ...params) => record(this.#query(client, sql, params)).then((r) => r.rows[0] as never),
      all: (sql, ...params) => record(this.#query(client, sql, params)).then((r) => r.rows as never),
      run: (sql, ...params) =>
        record(this.#query(client, sql, params)).then((r) => ({ changes: r.rowCount ?? 0 })),
      exec: (sql) => record(this.#exec(client, sql)),
    };
    try {
      await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
      const result = await runInTx(this, inner, fn);
      if (failure) throw failure;
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      // A conflict dooms the whole attempt, whatever fn made of it: re-run it.
      throw isConflict(failure) ? failure : error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  async #query(on: Queryable, sql: string, params: SqlParam[]): Promise<pg.QueryResult<Row>> {
    try {
      const result = await on.query<Row>({ ...this.#statement(sql), values: params });
      refuseUnsafeIntegers(result.rows);
      return result;
    } catch (error) {
      throw portError(error);
    }
  }

  async #exec(on: Queryable, sql: string): Promise<void> {
    try {
      await on.query(sql);
    } catch (error) {
      throw portError(error);
    }
  }

  #statement(sql: string): pg.QueryConfig {
    let statement = this.#statements.get(sql);
    if (!statement) {
      const { text } = numberPlaceholders(sql);
      if (this.#statements.size >= NAMED_STATEMENT_LIMIT) return { text };
      statement = { name: `megadisc_${this.#statements.size + 1}`, text };
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}
