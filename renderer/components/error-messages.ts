// What each error code means to a listener; the code itself stays visible for support.
import type { ErrorCode } from '../../electron/shared/errors.ts';

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  STORE_UNREACHABLE: 'The store is not answering. Your library and last known balance are still here.',
  INSUFFICIENT_BALANCE:
    'Not enough megabytes for this purchase. Top up with a voucher, or pick a smaller encoding.',
  NOT_LOGGED_IN: 'You are not logged in to a store.',
  UNAUTHORIZED: 'The store did not accept your session. Log in again.',
  NOT_FOUND: 'That item is not in the catalog.',
  RATE_LIMITED: 'Too many attempts. Wait a moment and try again.',
  VOUCHER_INVALID: 'That voucher code is not valid, or it was already used.',
  CHECKSUM_MISMATCH: 'The file arrived damaged twice. Nothing was filed; retry to download it again.',
  DISK_FULL: 'The disk is full. Free some space, then retry.',
  PERMISSION_DENIED: 'Megadisc may not write to the library folder. Check its permissions in Settings.',
  STALLED: 'The download stalled. It will resume from where it stopped.',
  NETWORK: 'The connection dropped. The download resumes from its last checkpoint.',
  ENCODING_UNAVAILABLE: 'The store cannot produce that encoding right now.',
  INVALID_ARGUMENT: 'That value is not valid.',
  PAYMENT_DECLINED: 'The payment was declined. Nothing was charged; try again, perhaps with another card.',
  CHECKOUT_EXPIRED: 'The checkout expired before it was paid. Nothing was charged; start a new one.',
  PAYMENT_PENDING: 'The payment has not been confirmed yet. If you paid, the megabytes arrive shortly.',
  NOT_REFUNDABLE: 'That payment cannot be refunded: some of its megabytes were already spent.',
  REFUND_EXCEEDS_BALANCE: 'A refund cannot take back more megabytes than the balance holds.',
  TAKEN_DOWN: 'Not for sale: this release was taken down. Nothing was charged.',
  NOT_IN_TERRITORY: 'Not available in your country: this release is not licensed where your account is.',
  REDOWNLOAD_WITHDRAWN:
    'The store no longer serves this release again, not even to its owners. The files you have stay in your library.',
  LEDGER_MISMATCH:
    'Your local ledger does not match the store. Nothing was changed; the store’s figures are shown.',
};

export function describeError(error: { code?: string; message: string } | null | undefined): string {
  if (!error) return '';
  const known = error.code ? MESSAGES[error.code as ErrorCode] : undefined;
  return known ?? error.message;
}
