// Where a pack purchase stands: waiting for the payment (with the page to reopen and a way to stop
// waiting), credited, or declined / expired in words. Announced through live regions.
import type { Checkout } from '../../../api/schemas/payments.ts';
import type { Translator } from '../../../i18n/index.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { clause } from './account-text.ts';
import type { CheckoutProgress } from './use-checkout.ts';

function failureText(i18n: Translator, checkout: Checkout, noAnswer?: boolean): string {
  if (noAnswer) return i18n.t('account.checkout.noAnswer');
  // The store's reason (the payment provider's words) is quoted as it came.
  const reason = clause(checkout.failure);
  switch (checkout.state) {
    case 'declined':
      return reason
        ? i18n.t('account.checkout.declinedBecause', { reason })
        : i18n.t('account.checkout.declined');
    case 'expired':
      return reason
        ? i18n.t('account.checkout.expiredBecause', { reason })
        : i18n.t('account.checkout.expired');
    case 'refunded':
      return i18n.t('account.checkout.refunded');
    default:
      return i18n.t('account.checkout.noAnswer');
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
  const i18n = useI18n();
  return (
    <>
      <div role="status" aria-live="polite" className="checkout-status" data-testid="checkout-status">
        {starting ? <p className="muted">{i18n.t('account.checkout.starting')}</p> : null}
        {progress.phase === 'waiting' ? (
          <div className="notice checkout-waiting">
            <p>
              <span className="spinner" aria-hidden="true" />{' '}
              <strong>{i18n.t('account.checkout.waiting')}</strong>{' '}
              {i18n.t('account.checkout.amount', {
                size: i18n.mb(progress.checkout.bytes, 'fit'),
                price: i18n.money(progress.checkout.amount.micros, progress.checkout.amount.currency),
              })}
            </p>
            {progress.trouble ? <p className="muted">{i18n.t('account.checkout.trouble')}</p> : null}
          </div>
        ) : null}
        {progress.phase === 'paid' ? (
          <p className="notice notice-ok">
            {i18n.t('account.checkout.paid', {
              size: i18n.mb(progress.checkout.creditedBytes || progress.checkout.bytes, 'fit'),
            })}
          </p>
        ) : null}
        {progress.phase === 'stopped' ? <p className="notice">{i18n.t('account.checkout.stopped')}</p> : null}
      </div>
      {progress.phase === 'waiting' ? (
        <div className="row checkout-actions">
          {progress.checkout.payUrl ? (
            <a className="button" href={progress.checkout.payUrl} target="_blank" rel="noopener noreferrer">
              {i18n.t('account.checkout.reopen')}
            </a>
          ) : null}
          <button type="button" className="button" onClick={onStop}>
            {i18n.t('account.checkout.stopWaiting')}
          </button>
        </div>
      ) : null}
      {progress.phase === 'failed' ? (
        <div className="notice notice-error" role="alert">
          <p>{failureText(i18n, progress.checkout, progress.noAnswer)}</p>
          <button type="button" className="button" onClick={onDismiss}>
            {i18n.t('account.checkout.dismiss')}
          </button>
        </div>
      ) : null}
    </>
  );
}
