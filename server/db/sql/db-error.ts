// Errors of the storage port, with a stable code and the HTTP status the store should answer with.
// Shaped like StoreError (server/errors/store-error.ts) so the error handler can map them the same way; kept
// apart because those codes are the public API's, each with translated messages.

export type DbErrorCode =
  /** The database cannot be reached (down, restarting, connection lost): answer 503, retry later. */
  | 'STORE_DB_UNAVAILABLE'
  /** A transaction kept conflicting with concurrent ones past its retry budget: answer 503. */
  | 'STORE_DB_BUSY'
  /** An integer past Number.MAX_SAFE_INTEGER was read: returning it would round it. */
  | 'DB_UNSAFE_INTEGER'
  /** A transaction's handle was used after the transaction ended. */
  | 'DB_TX_CLOSED'
  /** The database was migrated by a newer version of the store. */
  | 'DB_SCHEMA_TOO_NEW'
  /** The PostgreSQL database does not sort text by code point, as SQLite does. */
  | 'DB_COLLATION'
  /** A store was to be copied into a database that already holds one. */
  | 'DB_NOT_EMPTY';

const STATUS: Record<DbErrorCode, number> = {
  STORE_DB_UNAVAILABLE: 503,
  STORE_DB_BUSY: 503,
  DB_UNSAFE_INTEGER: 500,
  DB_TX_CLOSED: 500,
  DB_SCHEMA_TOO_NEW: 500,
  DB_COLLATION: 500,
  DB_NOT_EMPTY: 409,
};

export class DbError extends Error {
  readonly code: DbErrorCode;
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(code: DbErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'DbError';
    this.code = code;
    this.status = STATUS[code];
    // A 503 tells well-behaved clients when to come back.
    this.headers = this.status === 503 ? { 'retry-after': '1' } : {};
  }
}

export function isDbError(error: unknown, code?: DbErrorCode): error is DbError {
  return error instanceof DbError && (code === undefined || error.code === code);
}
