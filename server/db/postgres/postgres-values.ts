// How PostgreSQL values are read, so rows look as they do on SQLite: int8 and numeric (what
// COUNT and SUM return) as JS numbers, bool as 0/1. An integer too large for a number is not
// rounded: it reads as a marker that refuseUnsafeIntegers turns into DB_UNSAFE_INTEGER.
import pg from 'pg';
import { DbError } from '../sql/db-error.ts';
import type { Row } from '../sql/port.ts';

const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;

/** A value that would lose precision as a number; thrown as DB_UNSAFE_INTEGER once the rows are in. */
class UnsafeNumber {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

function parseNumber(text: string): number | UnsafeNumber {
  const value = Number(text);
  return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER
    ? value
    : new UnsafeNumber(text);
}

/**
 * Type parsers for one pool (pg's global parsers are left alone). They must not throw: pg parses
 * rows inside its protocol handler, where a throw would break the connection, not the query.
 */
export const storeTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format === 'binary') return pg.types.getTypeParser(oid, format);
    if (oid === INT8 || oid === NUMERIC) return parseNumber;
    if (oid === BOOL) return (text: string) => (text === 't' ? 1 : 0);
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export function refuseUnsafeIntegers(rows: Row[]): void {
  for (const row of rows) {
    for (const key in row) {
      const value = row[key];
      if (value instanceof UnsafeNumber) {
        throw new DbError(
          'DB_UNSAFE_INTEGER',
          `column ${key} holds ${value.text}, past the integers a number holds exactly`,
        );
      }
    }
  }
}
