// Store-side error with a stable code and HTTP status; routes turn it into {"error": {code, message}}.

export type StoreErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'INVALID_JSON'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BODY_TOO_LARGE'
  | 'UNAUTHORIZED'
  | 'INVALID_CREDENTIALS'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'EMAIL_TAKEN'
  | 'RATE_LIMITED'
  | 'VOUCHER_USED'
  | 'IDEMPOTENCY_KEY_REQUIRED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_IN_PROGRESS'
  | 'INSUFFICIENT_BALANCE'
  | 'ENCODING_UNAVAILABLE'
  | 'MASTER_MISSING'
  | 'ENCODE_FAILED'
  | 'NOT_READY'
  | 'LINK_EXPIRED'
  | 'RANGE_NOT_SATISFIABLE'
  | 'CHECKOUT_EXPIRED'
  | 'PAYMENT_DECLINED'
  | 'WEBHOOK_SIGNATURE_INVALID'
  | 'NOT_REFUNDABLE'
  | 'REFUND_EXCEEDS_BALANCE'
  | 'PROVIDER_UNAVAILABLE'
  | 'TAKEN_DOWN'
  | 'NOT_IN_TERRITORY'
  | 'REDOWNLOAD_WITHDRAWN'
  | 'NOTICE_INCOMPLETE'
  | 'ALREADY_DECIDED'
  | 'NAME_TAKEN'
  | 'REFUNDED'
  | 'INTERNAL';

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(
    code: StoreErrorCode,
    status: number,
    message: string,
    options: { cause?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'StoreError';
    this.code = code;
    this.status = status;
    this.headers = options.headers ?? {};
  }
}
