// Decides what a download response means for the .part: write from where, verify as is, restart, or fail.
import type { IncomingHttpHeaders } from 'node:http';
import { parseRetryAfter } from '../../../../api/http/retry-after.ts';
import { MegadiscError } from '../../../shared/errors.ts';

export type ResponsePlan =
  /** Stream the body into the .part starting at `from` (0 after a 200: never append a full body). */
  | { kind: 'write'; from: number; etag: string | null }
  /** 416 and the .part already holds every byte: hash it, no body needed. */
  | { kind: 'verify' }
  /** The representation changed (or the .part is useless): truncate to 0, the next attempt is a fresh GET. */
  | { kind: 'restart'; reason: string }
  /** Abort the attempt without touching the .part. */
  | { kind: 'fail'; error: MegadiscError };

export interface ResponseFacts {
  status: number;
  headers: IncomingHttpHeaders;
  /** Bytes already in the .part (0 = plain GET, no Range sent). */
  offset: number;
  /** The If-Range validator sent, if any. */
  ifRange: string | null;
  expectedBytes: number;
  nowMs?: number;
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function planResponse(facts: ResponseFacts): ResponsePlan {
  const { status, headers, offset, expectedBytes } = facts;
  const etag = single(headers.etag) ?? null;
  if (status === 200) {
    const length = single(headers['content-length']);
    if (length !== undefined && Number(length) !== expectedBytes) {
      return fail('SIZE_MISMATCH', `the store sends ${length} bytes, the order says ${expectedBytes}`, false);
    }
    return { kind: 'write', from: 0, etag };
  }
  if (status === 206) return planPartial(facts, etag);
  if (status === 416 && offset > 0) {
    const total = /^\s*bytes\s+\*\/(\d+)\s*$/i.exec(single(headers['content-range']) ?? '');
    if (total && Number(total[1]) === expectedBytes && offset === expectedBytes) return { kind: 'verify' };
    return { kind: 'restart', reason: `the store refused the range from ${offset} (416)` };
  }
  if (status === 451) {
    // The one legal refusal of a file the listener owns: the operator withdrew re-downloads after a
    // takedown. Trying again cannot help; the files already in the library stay.
    return fail(
      'REDOWNLOAD_WITHDRAWN',
      'the store no longer serves this file (451): re-downloads of this release were withdrawn',
      false,
    );
  }
  const retryAfterMs = parseRetryAfter(headers['retry-after'], facts.nowMs);
  const retryable = status === 408 || status === 429 || status >= 500;
  const what = STATUS_TEXT[status] ?? 'unexpected status';
  return {
    kind: 'fail',
    error: new MegadiscError('HTTP_STATUS', `the store answered ${status} (${what})`, {
      retryable,
      retryAfterMs,
      status,
    }),
  };
}

function planPartial(facts: ResponseFacts, etag: string | null): ResponsePlan {
  const { headers, offset, expectedBytes } = facts;
  const raw = single(headers['content-range']) ?? '';
  const range = /^\s*bytes\s+(\d+)-(\d+)\/(\d+)\s*$/i.exec(raw);
  const want = `bytes ${offset}-${expectedBytes - 1}/${expectedBytes}`;
  if (
    !range ||
    Number(range[1]) !== offset ||
    Number(range[2]) !== expectedBytes - 1 ||
    Number(range[3]) !== expectedBytes
  ) {
    return fail(
      'RANGE_MISMATCH',
      `the store sent Content-Range "${raw.slice(0, 80)}", expected "${want}"`,
      true,
    );
  }
  const length = single(headers['content-length']);
  if (length !== undefined && Number(length) !== expectedBytes - offset) {
    return fail('RANGE_MISMATCH', `a 206 for "${want}" declares ${length} bytes`, true);
  }
  // If-Range should make the server send 200 when the file changed; a 206 with another ETag means it
  // did not, and appending those bytes would splice two different files together.
  if (facts.ifRange !== null && etag !== null && etag !== facts.ifRange) {
    return { kind: 'restart', reason: `the file changed on the store (ETag ${facts.ifRange} -> ${etag})` };
  }
  return { kind: 'write', from: offset, etag: etag ?? facts.ifRange };
}

function fail(
  code: 'SIZE_MISMATCH' | 'RANGE_MISMATCH' | 'REDOWNLOAD_WITHDRAWN',
  message: string,
  retryable: boolean,
): ResponsePlan {
  return { kind: 'fail', error: new MegadiscError(code, message, { retryable }) };
}

const STATUS_TEXT: Record<number, string> = {
  400: 'bad request',
  401: 'not logged in',
  403: 'forbidden or the link expired',
  404: 'no such file',
  408: 'request timeout',
  409: 'not ready',
  410: 'gone',
  416: 'range not satisfiable',
  429: 'too many requests',
  500: 'store error',
  502: 'bad gateway',
  503: 'store unavailable',
  504: 'gateway timeout',
};
