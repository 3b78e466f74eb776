// What the account spent: the total, per month and per artist, in megabytes or in the money paid
// for them, or a pointer to the store when nothing was bought yet.
import { useState } from 'react';
import type { SpendReport } from '../../../electron/shared/app-api/views.ts';
import type { MegadiscError } from '../../../electron/shared/errors.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { hrefOf } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { moneyOf } from './money.ts';
import { SpendByArtist } from './SpendByArtist.tsx';
import { SpendByMonth } from './SpendByMonth.tsx';
import type { SpendUnit } from './spend-unit.ts';

function UnitToggle({ unit, onChange }: { unit: SpendUnit; onChange: (unit: SpendUnit) => void }) {
  const i18n = useI18n();
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">{i18n.t('account.spend.unit')}</legend>
      <button type="button" className="button" aria-pressed={unit === 'mb'} onClick={() => onChange('mb')}>
        {i18n.t('account.spend.unit.mb')}
      </button>
      <button
        type="button"
        className="button"
        aria-pressed={unit === 'money'}
        onClick={() => onChange('money')}
      >
        {i18n.t('account.spend.unit.money')}
      </button>
    </fieldset>
  );
}

export function SpendSection({
  spend,
  error,
  onRetry,
}: {
  spend: SpendReport | undefined;
  error: MegadiscError | null;
  onRetry: () => void;
}) {
  const i18n = useI18n();
  const [chosen, setUnit] = useState<SpendUnit>('mb');
  const currency = spend?.perMb?.currency ?? null;
  const paidCurrency = spend?.paidCurrency ?? null;
  const unit: SpendUnit = paidCurrency ? chosen : 'mb';
  const spentAny = Boolean(spend && spend.totalBytes > 0);
  const totalMoney = spend ? moneyOf(i18n, spend.totalBytes, spend.perMb) : null;
  return (
    <section className="card spend-card" aria-labelledby="spend-heading">
      <div className="card-head">
        <h2 id="spend-heading">{i18n.t('account.spend.title')}</h2>
        {spend && spentAny ? (
          <div className="row spend-head-figures">
            {unit === 'money' && paidCurrency ? (
              <p className="spend-total" data-testid="spend-total">
                <strong>{i18n.money(spend.totalPaidMicros, paidCurrency)}</strong>{' '}
                <span className="muted">
                  {i18n.t('account.spend.paidTotal', { size: i18n.mb(spend.totalBytes) })}
                </span>
              </p>
            ) : (
              <p className="spend-total" data-testid="spend-total">
                <strong>{i18n.mb(spend.totalBytes)}</strong>{' '}
                <span className="muted">
                  {totalMoney
                    ? i18n.t('account.spend.inTotalApprox', { amount: totalMoney })
                    : i18n.t('account.spend.inTotal')}
                </span>
              </p>
            )}
            {paidCurrency ? <UnitToggle unit={unit} onChange={setUnit} /> : null}
          </div>
        ) : null}
      </div>
      {error && !spend ? <ErrorNotice error={error} onRetry={onRetry} /> : null}
      {!spend && !error ? <Loading label={i18n.t('account.spend.loading')} /> : null}
      {spend && !spentAny ? (
        <div className="spend-empty">
          <p>{i18n.t('account.spend.empty')}</p>
          <a href={hrefOf({ view: 'store', page: 'home' })}>{i18n.t('account.spend.findSomething')}</a>
        </div>
      ) : null}
      {spend && spentAny ? (
        <>
          {unit === 'money' ? <p className="hint spend-note">{i18n.t('account.spend.moneyNote')}</p> : null}
          <div className="spend-grid">
            <SpendByMonth rows={spend.byMonth} currency={currency} unit={unit} paidCurrency={paidCurrency} />
            <SpendByArtist
              rows={spend.byArtist}
              currency={currency}
              unit={unit}
              paidCurrency={paidCurrency}
            />
          </div>
        </>
      ) : null}
    </section>
  );
}
