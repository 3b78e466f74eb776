// The balance as a gauge: what is available, what orders being encoded hold, and how fresh it is.
import type { Money } from '../../../api/schemas/common.ts';
import type { BalanceView } from '../../../electron/shared/app-api/domain.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { approxMoney } from './money.ts';

export function BalanceGauge({
  balance,
  online,
  perMb,
}: {
  balance: BalanceView;
  online: boolean;
  perMb: Money | null | undefined;
}) {
  const i18n = useI18n();
  const available = Math.max(0, balance.availableBytes);
  const reserved = Math.max(0, balance.reservedBytes);
  const whole = available + reserved;
  const share = (bytes: number) => (whole > 0 ? (bytes / whole) * 100 : 0);
  const offline = balance.offline || !online;
  const date = i18n.dateTime(balance.asOf);

  return (
    <section className="card balance-card" aria-label={i18n.t('account.balance.label')}>
      <div className="card-head">
        <h2>{i18n.t('account.balance.title')}</h2>
        {offline ? (
          <span className="tag tag-warn" data-testid="balance-offline">
            {i18n.t('account.balance.offline')}
          </span>
        ) : null}
      </div>
      <div
        className="gauge"
        role="img"
        aria-label={i18n.t('account.balance.gauge', {
          available: i18n.mb(available),
          reserved: i18n.mb(reserved),
          balance: i18n.mb(balance.balanceBytes),
        })}
      >
        <div className="gauge-available" style={{ width: `${share(available)}%` }} />
        <div className="gauge-reserved" style={{ width: `${share(reserved)}%` }} />
      </div>
      <dl className="gauge-legend">
        <div>
          <dt>
            <span className="swatch swatch-available" aria-hidden="true" />{' '}
            {i18n.t('account.balance.available')}
          </dt>
          <dd data-testid="gauge-available">
            <strong>{i18n.mb(balance.availableBytes)}</strong>
            <span className="muted">{approxMoney(i18n, balance.availableBytes, perMb)}</span>
          </dd>
        </div>
        <div>
          <dt>
            <span className="swatch swatch-reserved" aria-hidden="true" />{' '}
            {i18n.t('account.balance.reserved')}
          </dt>
          <dd data-testid="gauge-reserved">
            <strong>{i18n.mb(balance.reservedBytes)}</strong>
            <span className="muted">{approxMoney(i18n, balance.reservedBytes, perMb)}</span>
          </dd>
        </div>
        <div>
          <dt>{i18n.t('account.balance.total')}</dt>
          <dd data-testid="gauge-balance">
            <strong>{i18n.mb(balance.balanceBytes)}</strong>
            <span className="muted">{approxMoney(i18n, balance.balanceBytes, perMb)}</span>
          </dd>
        </div>
      </dl>
      <p className="muted balance-note">
        {perMb
          ? i18n.t('account.balance.notePriced', {
              date,
              price: i18n.money(perMb.micros, perMb.currency, { maxDigits: 4 }),
            })
          : i18n.t('account.balance.note', { date })}
      </p>
      {balance.mismatch ? (
        <div className="notice notice-warn" role="alert">
          <p>{i18n.t('account.balance.mismatch', { detail: balance.mismatch })}</p>
        </div>
      ) : null}
    </section>
  );
}
