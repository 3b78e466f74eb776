// What the account spent: the total, per month and per artist, in megabytes or in the money paid
// for them, or a pointer to the store when nothing was bought yet.
import { useState } from 'react';
import type { SpendReport } from '../../../electron/shared/app-api/views.ts';
import type { MegadiscError } from '../../../electron/shared/errors.ts';
import { hrefOf } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatMB, formatMicros } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { SPEND_TEXT } from './account-text.ts';
import { approxMoney } from './money.ts';
import { SpendByArtist } from './SpendByArtist.tsx';
import { SpendByMonth } from './SpendByMonth.tsx';
import type { SpendUnit } from './spend-unit.ts';

function UnitToggle({ unit, onChange }: { unit: SpendUnit; onChange: (unit: SpendUnit) => void }) {
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">{SPEND_TEXT.unit}</legend>
      <button type="button" className="button" aria-pressed={unit === 'mb'} onClick={() => onChange('mb')}>
        {SPEND_TEXT.mb}
      </button>
      <button
        type="button"
        className="button"
        aria-pressed={unit === 'money'}
        onClick={() => onChange('money')}
      >
        {SPEND_TEXT.money}
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
  const [chosen, setUnit] = useState<SpendUnit>('mb');
  const currency = spend?.perMb?.currency ?? null;
  const paidCurrency = spend?.paidCurrency ?? null;
  const unit: SpendUnit = paidCurrency ? chosen : 'mb';
  const spentAny = Boolean(spend && spend.totalBytes > 0);
  return (
    <section className="card spend-card" aria-labelledby="spend-heading">
      <div className="card-head">
        <h2 id="spend-heading">Spending</h2>
        {spend && spentAny ? (
          <div className="row spend-head-figures">
            {unit === 'money' && paidCurrency ? (
              <p className="spend-total" data-testid="spend-total">
                <strong>{formatMicros(spend.totalPaidMicros, paidCurrency)}</strong>{' '}
                <span className="muted">
                  {SPEND_TEXT.paidTotal} · {formatMB(spend.totalBytes)}
                </span>
              </p>
            ) : (
              <p className="spend-total" data-testid="spend-total">
                <strong>{formatMB(spend.totalBytes)}</strong>{' '}
                <span className="muted">{approxMoney(spend.totalBytes, spend.perMb)} in total</span>
              </p>
            )}
            {paidCurrency ? <UnitToggle unit={unit} onChange={setUnit} /> : null}
          </div>
        ) : null}
      </div>
      {error && !spend ? <ErrorNotice error={error} onRetry={onRetry} /> : null}
      {!spend && !error ? <Loading label="Adding up what you spent…" /> : null}
      {spend && !spentAny ? (
        <div className="spend-empty">
          <p>Nothing bought yet. What you spend shows up here by month and by artist.</p>
          <a href={hrefOf({ view: 'store', page: 'home' })}>Find something in the store</a>
        </div>
      ) : null}
      {spend && spentAny ? (
        <>
          {unit === 'money' ? <p className="hint spend-note">{SPEND_TEXT.moneyNote}</p> : null}
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
