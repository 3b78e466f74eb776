// The codes of the store's JSON error bodies ({"error": {code, message, detail?}}): the store
// throws only these (server/errors/store-error.ts), and the client maps each to its own (store-errors.ts).
import { z } from 'zod';

/** Every code the store answers with; each has a `server.error.<CODE>` message in every catalog. */
export const STORE_ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'BODY_TOO_LARGE',
  'UNAUTHORIZED',
  'INVALID_CREDENTIALS',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'EMAIL_TAKEN',
  'RATE_LIMITED',
  'VOUCHER_USED',
  'IDEMPOTENCY_KEY_REQUIRED',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_IN_PROGRESS',
  'INSUFFICIENT_BALANCE',
  'ENCODING_UNAVAILABLE',
  'MASTER_MISSING',
  'ENCODE_FAILED',
  'NOT_READY',
  'LINK_EXPIRED',
  'RANGE_NOT_SATISFIABLE',
  'CHECKOUT_EXPIRED',
  'PAYMENT_DECLINED',
  'WEBHOOK_SIGNATURE_INVALID',
  'NOT_REFUNDABLE',
  'REFUND_EXCEEDS_BALANCE',
  'PROVIDER_UNAVAILABLE',
  'TAKEN_DOWN',
  'NOT_IN_TERRITORY',
  'REDOWNLOAD_WITHDRAWN',
  'NOTICE_INCOMPLETE',
  'ALREADY_DECIDED',
  'NAME_TAKEN',
  'REFUNDED',
  /** The store's database cannot be reached right now (503, Retry-After). */
  'STORE_DB_UNAVAILABLE',
  /** The store's database is too busy with conflicting writes (503, Retry-After). */
  'STORE_DB_BUSY',
  'INTERNAL',
] as const;

export const StoreErrorCode = z
  .enum(STORE_ERROR_CODES)
  .meta({ description: 'Stable, machine-read error code (never translated).' });
export type StoreErrorCode = z.infer<typeof StoreErrorCode>;

/** Whether a code read from a body is one this version knows (a newer store may send others). */
export function isStoreErrorCode(code: string): code is StoreErrorCode {
  return (STORE_ERROR_CODES as readonly string[]).includes(code);
}
