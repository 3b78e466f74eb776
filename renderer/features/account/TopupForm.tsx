// Top up with a voucher code: a labelled field, the result in a live region, errors in words.
import { type FormEvent, useRef, useState } from 'react';
import type { Money } from '../../../api/schemas/common.ts';
import { useAppStatus } from '../../app/app-status.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatMB } from '../../components/format.ts';
import { approxMoney } from './money.ts';
import { useTopup } from './use-topup.ts';

export function TopupForm({
  perMb,
  onCredited,
}: {
  perMb: Money | null | undefined;
  onCredited: () => void;
}) {
  const { info, online } = useAppStatus();
  const [code, setCode] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const topup = useTopup(onCredited);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) return;
    if (await topup.redeem(code)) setCode('');
    else input.current?.focus();
  };

  return (
    <section className="card topup-card" aria-labelledby="topup-heading">
      <h2 id="topup-heading">Top up</h2>
      <form onSubmit={submit} className="topup-form">
        <div className="field">
          <label htmlFor="voucher-code">Voucher code</label>
          <div className="row topup-row">
            <input
              ref={input}
              id="voucher-code"
              type="text"
              className="voucher-input"
              value={code}
              placeholder="XXXX-XXXX-XXXX"
              autoComplete="off"
              spellCheck={false}
              aria-describedby="voucher-hint"
              onChange={(e) => setCode(e.target.value)}
            />
            <button
              type="submit"
              className="button button-primary"
              disabled={topup.busy || !code.trim() || !online}
            >
              {topup.busy ? 'Redeeming…' : 'Redeem'}
            </button>
          </div>
          <span id="voucher-hint" className="hint">
            {online
              ? 'Letters, digits and dashes. Each code can be used once.'
              : 'The store is not answering: vouchers can be redeemed once it is back.'}
            {info?.demoStoreUrl
              ? ' The demo store printed unused voucher codes in the terminal when it started.'
              : ''}
          </span>
        </div>
      </form>
      <div aria-live="polite">
        {topup.redeemed ? (
          <p className="notice notice-ok">
            Added {formatMB(topup.redeemed.creditedBytes)} to your balance
            {perMb ? ` (${approxMoney(topup.redeemed.creditedBytes, perMb)})` : ''}. You now have{' '}
            {formatMB(topup.redeemed.account.availableBytes)} available.
          </p>
        ) : null}
      </div>
      {topup.error ? <ErrorNotice error={topup.error} /> : null}
    </section>
  );
}
