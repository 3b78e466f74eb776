// The balance as a gauge: what is available, what orders being encoded hold, and how fresh it is.
import type { Money } from '../../../api/schemas/common.ts';
import type { BalanceView } from '../../../electron/shared/app-api/domain.ts';
import { formatDate, formatMB } from '../../components/format.ts';
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
  const available = Math.max(0, balance.availableBytes);
  const reserved = Math.max(0, balance.reservedBytes);
  const whole = available + reserved;
  const share = (bytes: number) => (whole > 0 ? (bytes / whole) * 100 : 0);
  const offline = balance.offline || !online;

  return (
    <section className="card balance-card" aria-label="Account balance">
      <div className="card-head">
        <h2>Balance</h2>
        {offline ? (
          <span className="tag tag-warn" data-testid="balance-offline">
            Offline · last known figures
          </span>
        ) : null}
      </div>
      <div
        className="gauge"
        role="img"
        aria-label={`${formatMB(available)} available and ${formatMB(reserved)} reserved, of ${formatMB(balance.balanceBytes)}`}
      >
        <div className="gauge-available" style={{ width: `${share(available)}%` }} />
        <div className="gauge-reserved" style={{ width: `${share(reserved)}%` }} />
      </div>
      <dl className="gauge-legend">
        <div>
          <dt>
            <span className="swatch swatch-available" aria-hidden="true" /> Available
          </dt>
          <dd data-testid="gauge-available">
            <strong>{formatMB(balance.availableBytes)}</strong>
            <span className="muted">{approxMoney(balance.availableBytes, perMb)}</span>
          </dd>
        </div>
        <div>
          <dt>
            <span className="swatch swatch-reserved" aria-hidden="true" /> Reserved
          </dt>
          <dd data-testid="gauge-reserved">
            <strong>{formatMB(balance.reservedBytes)}</strong>
            <span className="muted">{approxMoney(balance.reservedBytes, perMb)}</span>
          </dd>
        </div>
        <div>
          <dt>Balance</dt>
          <dd data-testid="gauge-balance">
            <strong>{formatMB(balance.balanceBytes)}</strong>
            <span className="muted">{approxMoney(balance.balanceBytes, perMb)}</span>
          </dd>
        </div>
      </dl>
      <p className="muted balance-note">
        As of {formatDate(balance.asOf)}
        {perMb ? ` · 1 MB costs ${perMb.display}` : ''}. Reserved megabytes are held for orders the store is
        still encoding; what a file does not use comes back.
      </p>
      {balance.mismatch ? (
        <div className="notice notice-warn" role="alert">
          <p>
            Your local ledger does not add up to the store’s balance: {balance.mismatch}. The store’s figures
            are shown.
          </p>
        </div>
      ) : null}
    </section>
  );
}
