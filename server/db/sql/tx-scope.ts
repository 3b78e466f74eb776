// The transaction open in the current async context, per Database: lets nested tx() calls and plain
// get/all/run calls made inside a transaction join it, instead of deadlocking on SQLite's lock or
// running on another PostgreSQL connection outside the transaction.
import { AsyncLocalStorage } from 'node:async_hooks';
import { DbError } from './db-error.ts';
import type { Sql, SqlParam } from './port.ts';

interface Scope {
  owner: object;
  q: Sql;
  open: boolean;
  parent: Scope | undefined;
}

const current = new AsyncLocalStorage<Scope>();

/** The open transaction of owner (a Database) in this async context, if any. */
export function activeTx(owner: object): Sql | undefined {
  for (let scope = current.getStore(); scope; scope = scope.parent) {
    if (scope.owner === owner && scope.open) return scope.q;
  }
  return undefined;
}

/**
 * Runs fn with a handle on the transaction that refuses use once the transaction has ended (work
 * that fn started and left running must not write outside the transaction it belonged to).
 */
export async function runInTx<T>(owner: object, inner: Sql, fn: (q: Sql) => Promise<T>): Promise<T> {
  const scope: Scope = { owner, q: inner, open: true, parent: current.getStore() };
  const guard = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => {
    return (...args: A): Promise<R> => {
      if (!scope.open) return Promise.reject(new DbError('DB_TX_CLOSED', 'the transaction has ended'));
      return call(...args);
    };
  };
  scope.q = {
    get: guard((sql: string, ...params: SqlParam[]) => inner.get(sql, ...params)),
    all: guard((sql: string, ...params: SqlParam[]) => inner.all(sql, ...params)),
    run: guard((sql: string, ...params: SqlParam[]) => inner.run(sql, ...params)),
    exec: guard((sql: string) => inner.exec(sql)),
  } as Sql;
  try {
    return await current.run(scope, () => fn(scope.q));
  } finally {
    scope.open = false;
  }
}
