// What the account spent: the total, per month and per artist, or a pointer to the store when
// nothing was bought yet.
import type { SpendReport } from '../../../electron/shared/app-api/views.ts';
import type { MegadiscError } from '../../../electron/shared/errors.ts';
import { hrefOf } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatMB } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { approxMoney } from './money.ts';
import { SpendByArtist } from './SpendByArtist.tsx';
import { SpendByMonth } from './SpendByMonth.tsx';

export function SpendSection({
  spend,
  error,
  onRetry,
}: {
  spend: SpendReport | undefined;
  error: MegadiscError | null;
  onRetry: () => void;
}) {
  const currency = spend?.perMb?.currency ?? null;
  return (
    <section className="card spend-card" aria-labelledby="spend-heading">
      <div className="card-head">
        <h2 id="spend-heading">Spending</h2>
        {spend && spend.totalBytes > 0 ? (
          <p className="spend-total" data-testid="spend-total">
            <strong>{formatMB(spend.totalBytes)}</strong>{' '}
            <span className="muted">{approxMoney(spend.totalBytes, spend.perMb)} in total</span>
          </p>
        ) : null}
      </div>
      {error && !spend ? <ErrorNotice error={error} onRetry={onRetry} /> : null}
      {!spend && !error ? <Loading label="Adding up what you spent…" /> : null}
      {spend && spend.totalBytes === 0 ? (
        <div className="spend-empty">
          <p>Nothing bought yet. What you spend shows up here by month and by artist.</p>
          <a href={hrefOf({ view: 'store', page: 'home' })}>Find something in the store</a>
        </div>
      ) : null}
      {spend && spend.totalBytes > 0 ? (
        <div className="spend-grid">
          <SpendByMonth rows={spend.byMonth} currency={currency} />
          <SpendByArtist rows={spend.byArtist} currency={currency} />
        </div>
      ) : null}
    </section>
  );
}
