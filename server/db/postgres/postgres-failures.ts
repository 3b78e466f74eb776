// Sorts PostgreSQL driver errors: conflicts worth re-running a transaction for, and lost or refused
// connections, which become STORE_DB_UNAVAILABLE (503) so a restart of the database is a blip.
import { DbError } from '../sql/db-error.ts';

/** serialization_failure and deadlock_detected: the engine aborted us to keep transactions serial. */
const CONFLICTS = new Set(['40001', '40P01']);

// Socket-level failures, and the server refusing or ending sessions: class 08 (connection
// exception), 57P01-57P03 (admin/crash shutdown, cannot connect now), 53300 (too many connections).
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOENT']);
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
// pg reports a dropped socket and a pool timeout by message only.
const LOST = /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect/i;

export function isConflict(error: unknown): boolean {
  return CONFLICTS.has(codeOf(error));
}

export function isUnavailable(error: unknown): boolean {
  if (error instanceof DbError) return error.code === 'STORE_DB_UNAVAILABLE';
  const code = codeOf(error);
  if (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08')) return true;
  if (error instanceof AggregateError) return error.errors.some(isUnavailable);
  return error instanceof Error && LOST.test(error.message);
}

/** The error the port throws for a driver error: unavailability coded, anything else as it came. */
export function portError(error: unknown): unknown {
  if (error instanceof DbError || !isUnavailable(error)) return error;
  return new DbError('STORE_DB_UNAVAILABLE', 'the store database is unavailable', { cause: error });
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}
