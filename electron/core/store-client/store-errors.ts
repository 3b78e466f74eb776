// Maps what came back from the store (or didn't) to a MegadiscError with a stable code.
import { parseRetryAfter } from '../../../api/http/retry-after.ts';
import { isStoreErrorCode, type StoreErrorCode } from '../../../api/schemas/error-codes.ts';
import { type ErrorCode, MegadiscError } from '../../shared/errors.ts';

/**
 * Each store code's client code; null where the store's code has none of its own here and the
 * status decides (below). A Record over every code, so a code added to the API must be placed.
 */
const SERVER_CODES: Record<StoreErrorCode, ErrorCode | null> = {
  BAD_REQUEST: null,
  VALIDATION_FAILED: null,
  INVALID_JSON: null,
  UNSUPPORTED_MEDIA_TYPE: null,
  BODY_TOO_LARGE: null,
  UNAUTHORIZED: 'UNAUTHORIZED',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: null,
  EMAIL_TAKEN: null,
  RATE_LIMITED: 'RATE_LIMITED',
  VOUCHER_USED: 'VOUCHER_INVALID',
  IDEMPOTENCY_KEY_REQUIRED: null,
  IDEMPOTENCY_KEY_REUSED: null,
  IDEMPOTENCY_IN_PROGRESS: null,
  INSUFFICIENT_BALANCE: 'INSUFFICIENT_BALANCE',
  ENCODING_UNAVAILABLE: 'ENCODING_UNAVAILABLE',
  MASTER_MISSING: null,
  ENCODE_FAILED: null,
  NOT_READY: null,
  LINK_EXPIRED: null,
  RANGE_NOT_SATISFIABLE: null,
  CHECKOUT_EXPIRED: 'CHECKOUT_EXPIRED',
  PAYMENT_DECLINED: 'PAYMENT_DECLINED',
  WEBHOOK_SIGNATURE_INVALID: null,
  NOT_REFUNDABLE: 'NOT_REFUNDABLE',
  REFUND_EXCEEDS_BALANCE: 'REFUND_EXCEEDS_BALANCE',
  PROVIDER_UNAVAILABLE: null,
  TAKEN_DOWN: 'TAKEN_DOWN',
  NOT_IN_TERRITORY: 'NOT_IN_TERRITORY',
  REDOWNLOAD_WITHDRAWN: 'REDOWNLOAD_WITHDRAWN',
  NOTICE_INCOMPLETE: null,
  ALREADY_DECIDED: null,
  NAME_TAKEN: null,
  REFUNDED: null,
  STORE_DB_UNAVAILABLE: null,
  STORE_DB_BUSY: null,
  INTERNAL: null,
};

/** For codes this client does not know (a newer store, a proxy), the status still says enough. */
const STATUS_CODES: Record<number, ErrorCode> = {
  401: 'UNAUTHORIZED',
  402: 'INSUFFICIENT_BALANCE',
  404: 'NOT_FOUND',
  429: 'RATE_LIMITED',
  // Unavailable For Legal Reasons: a takedown is the usual one.
  451: 'TAKEN_DOWN',
};

/**
 * The target of the first `Link: <…>; rel="blocked-by"` (RFC 7725), resolved against the request's
 * URL; only http(s) targets, so a hostile store cannot hand the UI a javascript: link.
 */
export function blockedByLink(header: string | string[] | undefined, base: string): string | undefined {
  const values = Array.isArray(header) ? header : header ? [header] : [];
  for (const value of values) {
    for (const m of value.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
      const rels =
        /;\s*rel\s*=\s*"?([^";,]+)"?/i
          .exec(m[2] ?? '')?.[1]
          ?.toLowerCase()
          .split(/\s+/) ?? [];
      if (!rels.includes('blocked-by')) continue;
      try {
        const url = new URL(m[1]!, base);
        if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
      } catch {
        // Not a URL: ignore the link, keep the error.
      }
    }
  }
  return undefined;
}

/** An error answer from the store: JSON {"error": {code, message}} or, from a proxy, anything else. */
export function errorFromResponse(
  status: number,
  body: string,
  headers: Record<string, string | string[] | undefined>,
  requestUrl?: string,
) {
  const retryAfterMs = parseRetryAfter(headers['retry-after']);
  let serverCode: string | undefined;
  let message: string | undefined;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown; detail?: unknown } };
    if (typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string') {
      serverCode = parsed.error.code;
      // The store words `message` in the language asked for and keeps its English in `detail`: the
      // technical text stays English; the reader gets the catalog's text for the code.
      message = typeof parsed.error.detail === 'string' ? parsed.error.detail : parsed.error.message;
    }
  } catch {
    // Not JSON: an HTML error page from a proxy, or a truncated body.
  }
  const retryable =
    status >= 500 || status === 408 || status === 429 || serverCode === 'IDEMPOTENCY_IN_PROGRESS';
  if (!serverCode) {
    const kind = /<html|<!doctype/i.test(body) ? 'an HTML page' : 'an unreadable body';
    return new MegadiscError(
      retryable ? 'STORE_ERROR' : 'BAD_RESPONSE',
      `the store answered ${status} with ${kind}`,
      {
        status,
        retryable,
        retryAfterMs,
      },
    );
  }
  const known = isStoreErrorCode(serverCode) ? SERVER_CODES[serverCode] : null;
  const code = known ?? STATUS_CODES[status] ?? 'STORE_ERROR';
  const link = requestUrl ? blockedByLink(headers.link, requestUrl) : undefined;
  return new MegadiscError(code, `${message} (${serverCode})`, { status, retryable, retryAfterMs, link });
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

export function networkError(error: unknown, url: string): MegadiscError {
  const code = (error as { code?: string }).code;
  const name = (error as { name?: string }).name;
  // Timeouts, resets and refusals mean the store is out of reach; anything else is our own bug.
  if ((code && NETWORK_CODES.has(code)) || name === 'TimeoutError' || name === 'ReadError') {
    return new MegadiscError(
      'STORE_UNREACHABLE',
      `cannot reach the store at ${new URL(url).origin}: ${code ?? name}`,
      {
        cause: error,
        retryable: true,
      },
    );
  }
  return new MegadiscError('INTERNAL', `request to the store failed: ${(error as Error).message}`, {
    cause: error,
  });
}
