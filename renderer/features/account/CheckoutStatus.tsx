// Where a pack purchase stands: waiting for the payment (with the page to reopen and a way to stop
// waiting), credited, or declined / expired in words. Announced through live regions.
import type { Checkout } from '../../../api/schemas/payments.ts';
import { packSize } from '../../../electron/shared/pack-figures.ts';
import { CHECKOUT_TEXT } from './account-text.ts';
import type { CheckoutProgress } from './use-checkout.ts';

function failureText(checkout: Checkout, noAnswer?: boolean): string {
  if (noAnswer) return CHECKOUT_TEXT.noAnswer;
  switch (checkout.state) {
    case 'declined':
      return CHECKOUT_TEXT.declined(checkout.failure);
    case 'expired':
      return CHECKOUT_TEXT.expired(checkout.failure);
    case 'refunded':
      return CHECKOUT_TEXT.refunded;
    default:
      return CHECKOUT_TEXT.noAnswer;
  }
}

export function CheckoutStatus({
  progress,
  starting,
  onStop,
  onDismiss,
}: {
  progress: CheckoutProgress;
  starting: boolean;
  onStop: () => void;
  onDismiss: () => void;
}) {
  return (
    <>
      <div role="status" aria-live="polite" className="checkout-status" data-testid="checkout-status">
        {starting ? <p className="muted">{CHECKOUT_TEXT.starting}</p> : null}
        {progress.phase === 'waiting' ? (
          <div className="notice checkout-waiting">
            <p>
              <span className="spinner" aria-hidden="true" /> <strong>{CHECKOUT_TEXT.waiting}</strong>{' '}
              {CHECKOUT_TEXT.amount(packSize(progress.checkout.bytes), progress.checkout.amount.display)}
            </p>
            {progress.trouble ? <p className="muted">{CHECKOUT_TEXT.trouble}</p> : null}
          </div>
        ) : null}
        {progress.phase === 'paid' ? (
          <p className="notice notice-ok">
            {CHECKOUT_TEXT.paid(packSize(progress.checkout.creditedBytes || progress.checkout.bytes))}
          </p>
        ) : null}
        {progress.phase === 'stopped' ? <p className="notice">{CHECKOUT_TEXT.stopped}</p> : null}
      </div>
      {progress.phase === 'waiting' ? (
        <div className="row checkout-actions">
          {progress.checkout.payUrl ? (
            <a className="button" href={progress.checkout.payUrl} target="_blank" rel="noopener noreferrer">
              {CHECKOUT_TEXT.reopen}
            </a>
          ) : null}
          <button type="button" className="button" onClick={onStop}>
            {CHECKOUT_TEXT.stopWaiting}
          </button>
        </div>
      ) : null}
      {progress.phase === 'failed' ? (
        <div className="notice notice-error" role="alert">
          <p>{failureText(progress.checkout, progress.noAnswer)}</p>
          <button type="button" className="button" onClick={onDismiss}>
            {CHECKOUT_TEXT.dismiss}
          </button>
        </div>
      ) : null}
    </>
  );
}
