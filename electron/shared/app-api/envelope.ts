// The success/error envelope every app API result travels in, so error codes survive IPC and HTTP
// (Electron keeps only the message of a thrown error).
import { asMegadiscError } from '../as-megadisc-error.ts';
import { type ErrorCode, MegadiscError } from '../errors.ts';

export interface WireError {
  code: ErrorCode;
  message: string;
  retryable?: boolean;
  /** The page that explains the refusal (a takedown notice), when the store named one. */
  link?: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WireError };

export function success<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

/** Any thrown value as a wire error; unknown errors keep their message under INTERNAL. */
export function toWireError(error: unknown): WireError {
  const known = asMegadiscError(error);
  const wire: WireError = { code: known.code, message: known.message };
  // Only a MegadiscError thrown as such says whether to retry; a converted one never knows.
  if (known === error) wire.retryable = known.retryable;
  if (known.link) wire.link = known.link;
  return wire;
}

export function failure(error: unknown): Envelope<never> {
  return { ok: false, error: toWireError(error) };
}

/** Turns an envelope back into a value or a thrown MegadiscError with the original code. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new MegadiscError(envelope.error.code, envelope.error.message, {
    retryable: envelope.error.retryable,
    link: typeof envelope.error.link === 'string' ? envelope.error.link : undefined,
  });
}

/** Checks the shape of an envelope that came over a wire. */
export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return 'value' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as Record<string, unknown>;
  return typeof e.code === 'string' && typeof e.message === 'string';
}
