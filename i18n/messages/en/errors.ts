// What each client error code means to a listener (electron/shared/errors.ts); the code itself
// stays visible for support.
export const errors = {
  'error.STORE_UNREACHABLE':
    'The store is not answering. Your library and last known balance are still here.',
  'error.STORE_ERROR': 'The store could not do that right now. Try again in a moment.',
  'error.BAD_RESPONSE': 'The store sent an answer Megadisc cannot read. Nothing was changed.',
  'error.NOT_LOGGED_IN': 'You are not logged in to a store.',
  'error.UNAUTHORIZED': 'The store did not accept your session. Log in again.',
  'error.NOT_FOUND': 'That item is not in the catalog.',
  'error.RATE_LIMITED': 'Too many attempts. Wait a moment and try again.',
  'error.INSUFFICIENT_BALANCE':
    'Not enough megabytes for this purchase. Top up with a voucher, or pick a smaller encoding.',
  'error.LEDGER_MISMATCH':
    'Your local ledger does not match the store. Nothing was changed; the store’s figures are shown.',
  'error.VOUCHER_INVALID': 'That voucher code is not valid, or it was already used.',
  'error.PAYMENT_DECLINED':
    'The payment was declined. Nothing was charged; try again, perhaps with another card.',
  'error.CHECKOUT_EXPIRED': 'The checkout expired before it was paid. Nothing was charged; start a new one.',
  'error.PAYMENT_PENDING':
    'The payment has not been confirmed yet. If you paid, the megabytes arrive shortly.',
  'error.NOT_REFUNDABLE': 'That payment cannot be refunded: some of its megabytes were already spent.',
  'error.REFUND_EXCEEDS_BALANCE': 'A refund cannot take back more megabytes than the balance holds.',
  'error.TAKEN_DOWN': 'Not for sale: this release was taken down. Nothing was charged.',
  'error.NOT_IN_TERRITORY':
    'Not available in your country: this release is not licensed where your account is.',
  'error.REDOWNLOAD_WITHDRAWN':
    'The store no longer serves this release again, not even to its owners. The files you have stay in your library.',
  'error.HTTP_STATUS': 'The store answered with an error. The download will be retried.',
  'error.STALLED': 'The download stalled. It will resume from where it stopped.',
  'error.NETWORK': 'The connection dropped. The download resumes from its last checkpoint.',
  'error.RANGE_MISMATCH':
    'The store sent a different part of the file than asked. The download restarts that file.',
  'error.SIZE_MISMATCH':
    'The file arrived with the wrong size. Nothing was filed; retry to download it again.',
  'error.CHECKSUM_MISMATCH': 'The file arrived damaged twice. Nothing was filed; retry to download it again.',
  'error.DISK_FULL': 'The disk is full. Free some space, then retry.',
  'error.PERMISSION_DENIED':
    'Megadisc may not write to the library folder. Check its permissions in Settings.',
  'error.ABORTED': 'Stopped.',
  'error.INVALID_ARGUMENT': 'That value is not valid.',
  'error.INVALID_STATE': 'That cannot be done right now.',
  'error.ENCODING_UNAVAILABLE': 'The store cannot produce that encoding right now.',
  'error.INTERNAL': 'Something went wrong inside Megadisc. Nothing was charged.',
} as const;
