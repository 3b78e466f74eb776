// "Buy megabytes": the packs at the listener's price, the next loyalty tier, and the purchase in
// progress, paid on the provider's page.
import type { PackTable } from '../../../api/schemas/payments.ts';
import { useAppStatus } from '../../app/app-status.tsx';
import { useI18n } from '../../app/i18n-context.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { CheckoutStatus } from './CheckoutStatus.tsx';
import { PackOffers } from './PackOffers.tsx';
import { useCheckout } from './use-checkout.ts';
import { usePacks } from './use-packs.ts';

/** Where the listener stands in the loyalty tiers, and what the next one takes. */
function LoyaltyNote({ table }: { table: PackTable }) {
  const i18n = useI18n();
  const { basisPoints, next } = table.loyalty;
  if (!next) {
    if (basisPoints === 0) return null;
    return (
      <p className="loyalty" data-testid="loyalty">
        <strong>{i18n.t('account.packs.loyaltyTop', { percent: i18n.basisPoints(basisPoints) })}</strong>
      </p>
    );
  }
  return (
    <p className="loyalty" data-testid="loyalty">
      {basisPoints > 0 ? (
        <span className="muted">
          {i18n.t('account.packs.loyaltyNow', { percent: i18n.basisPoints(basisPoints) })}{' '}
        </span>
      ) : null}
      <strong>
        {i18n.t('account.packs.loyaltyNext', {
          amount: i18n.money(next.spendMore.micros, next.spendMore.currency),
          percent: i18n.basisPoints(next.basisPoints),
        })}
      </strong>
    </p>
  );
}

export function BuyPacksSection({ onCredited }: { onCredited: () => void }) {
  const i18n = useI18n();
  const { online } = useAppStatus();
  const packs = usePacks();
  const checkout = useCheckout(() => {
    packs.reload();
    onCredited();
  });
  const table = packs.data;
  const waiting = checkout.progress.phase === 'waiting';

  return (
    <section className="card packs-card" aria-labelledby="packs-heading">
      <div className="card-head">
        <h2 id="packs-heading">{i18n.t('account.packs.title')}</h2>
        {table ? <LoyaltyNote table={table} /> : null}
      </div>
      {table ? (
        <p className="muted packs-intro">
          {i18n.t('account.packs.intro', {
            price: i18n.money(table.perMb.micros, table.perMb.currency, { maxDigits: 4 }),
          })}
        </p>
      ) : null}
      {packs.error && !table ? <ErrorNotice error={packs.error} onRetry={packs.reload} /> : null}
      {!table && !packs.error ? <Loading label={i18n.t('account.packs.loading')} /> : null}
      {table ? (
        <PackOffers
          table={table}
          disabled={!online || checkout.starting || waiting}
          onBuy={(packId) => void checkout.start(packId)}
        />
      ) : null}
      {table && !online ? <p className="hint">{i18n.t('account.packs.offline')}</p> : null}
      <CheckoutStatus
        progress={checkout.progress}
        starting={checkout.starting}
        onStop={checkout.stop}
        onDismiss={checkout.dismiss}
      />
      {checkout.error ? <ErrorNotice error={checkout.error} /> : null}
    </section>
  );
}
