// Client error codes, shared by core, CLI, main, preload and renderer (no Node, no DOM here).

export const ERROR_CODES = [
  // Store and network
  'STORE_UNREACHABLE',
  'STORE_ERROR',
  'BAD_RESPONSE',
  'NOT_LOGGED_IN',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'RATE_LIMITED',
  // Money
  'INSUFFICIENT_BALANCE',
  'LEDGER_MISMATCH',
  'VOUCHER_INVALID',
  'PAYMENT_DECLINED',
  'CHECKOUT_EXPIRED',
  /** A checkout still waiting for its payment when the caller stopped waiting. */
  'PAYMENT_PENDING',
  'NOT_REFUNDABLE',
  'REFUND_EXCEEDS_BALANCE',
  // Rights: the store answered 451 Unavailable For Legal Reasons
  /** The release was taken down after a notice: not for sale to anyone. */
  'TAKEN_DOWN',
  /** The release is not licensed in the listener's country (territory). */
  'NOT_IN_TERRITORY',
  /** The store no longer serves owned files of a taken-down release again. */
  'REDOWNLOAD_WITHDRAWN',
  // Downloads
  'HTTP_STATUS',
  'STALLED',
  'NETWORK',
  'RANGE_MISMATCH',
  'SIZE_MISMATCH',
  'CHECKSUM_MISMATCH',
  'DISK_FULL',
  'PERMISSION_DENIED',
  'ABORTED',
  // Input and state
  'INVALID_ARGUMENT',
  'INVALID_STATE',
  'ENCODING_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class MegadiscError extends Error {
  readonly code: ErrorCode;
  /** Whether trying again later may succeed (network trouble, 5xx, stalls). */
  readonly retryable: boolean;
  /** Server-requested wait before a retry, in ms (from Retry-After). */
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;
  /** A page that explains the refusal: the store's blocked-by link of a 451 (the takedown notice). */
  readonly link: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      cause?: unknown;
      retryable?: boolean;
      retryAfterMs?: number;
      status?: number;
      link?: string;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'MegadiscError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
    this.status = options.status;
    this.link = options.link;
  }
}

export function isMegadiscError(error: unknown): error is MegadiscError {
  return error instanceof MegadiscError;
}
