// Top up with a voucher code: a labelled field, the result in a live region, errors in words.
import { type FormEvent, useRef, useState } from 'react';
import type { Money } from '../../../api/schemas/common.ts';
import { useAppStatus } from '../../app/app-status.tsx';
import { useI18n } from '../../app/i18n-context.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { moneyOf } from './money.ts';
import { useTopup } from './use-topup.ts';

export function TopupForm({
  perMb,
  onCredited,
}: {
  perMb: Money | null | undefined;
  onCredited: () => void;
}) {
  const i18n = useI18n();
  const { info, online } = useAppStatus();
  const [code, setCode] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const topup = useTopup(onCredited);

  const addedText = (credited: number, available: number) => {
    const size = i18n.mb(credited);
    const amount = moneyOf(i18n, credited, perMb);
    return amount
      ? i18n.t('account.topup.addedPriced', { size, amount, available: i18n.mb(available) })
      : i18n.t('account.topup.added', { size, available: i18n.mb(available) });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) return;
    if (await topup.redeem(code)) setCode('');
    else input.current?.focus();
  };

  return (
    <section className="card topup-card" aria-labelledby="topup-heading">
      <h2 id="topup-heading">{i18n.t('account.topup.title')}</h2>
      <form onSubmit={submit} className="topup-form">
        <div className="field">
          <label htmlFor="voucher-code">{i18n.t('account.topup.code')}</label>
          <div className="row topup-row">
            <input
              ref={input}
              id="voucher-code"
              type="text"
              className="voucher-input"
              value={code}
              placeholder={i18n.t('account.topup.placeholder')}
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
              {topup.busy ? i18n.t('account.topup.redeeming') : i18n.t('account.topup.redeem')}
            </button>
          </div>
          <span id="voucher-hint" className="hint">
            {online ? i18n.t('account.topup.hint') : i18n.t('account.topup.offline')}
            {info?.demoStoreUrl ? ` ${i18n.t('account.topup.demo')}` : null}
          </span>
        </div>
      </form>
      <div aria-live="polite">
        {topup.redeemed ? (
          <p className="notice notice-ok">
            {addedText(topup.redeemed.creditedBytes, topup.redeemed.account.availableBytes)}
          </p>
        ) : null}
      </div>
      {topup.error ? <ErrorNotice error={topup.error} /> : null}
    </section>
  );
}
