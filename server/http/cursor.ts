// Opaque paging cursors: base64url JSON, validated on the way back in.
import { StoreError } from '../errors/store-error.ts';

export function encodeCursor(value: unknown[]): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor whose items have the given types ('number' | 'string'). */
export function decodeCursor(cursor: string, types: ('number' | 'string')[]): (number | string)[] {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const ok =
    Array.isArray(value) &&
    value.length === types.length &&
    value.every((v, i) => typeof v === types[i] && (typeof v !== 'number' || Number.isFinite(v)));
  if (!ok) throw new StoreError('BAD_REQUEST', 400, 'cursor is not valid for this query');
  return value as (number | string)[];
}
