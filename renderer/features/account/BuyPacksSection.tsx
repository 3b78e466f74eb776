// "Buy megabytes": the packs at the listener's price, the next loyalty tier, and the purchase in
// progress, paid on the provider's page.
import type { PackTable } from '../../../api/schemas/payments.ts';
import { formatPerMb, percentOf } from '../../../electron/shared/pack-figures.ts';
import { useAppStatus } from '../../app/app-status.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PACK_TEXT } from './account-text.ts';
import { CheckoutStatus } from './CheckoutStatus.tsx';
import { PackOffers } from './PackOffers.tsx';
import { useCheckout } from './use-checkout.ts';
import { usePacks } from './use-packs.ts';

/** Where the listener stands in the loyalty tiers, and what the next one takes. */
function LoyaltyNote({ table }: { table: PackTable }) {
  const { basisPoints, next } = table.loyalty;
  if (!next) {
    if (basisPoints === 0) return null;
    return (
      <p className="loyalty" data-testid="loyalty">
        <strong>{PACK_TEXT.loyaltyTop(percentOf(basisPoints))}</strong>
      </p>
    );
  }
  return (
    <p className="loyalty" data-testid="loyalty">
      {basisPoints > 0 ? (
        <span className="muted">{PACK_TEXT.loyaltyNow(percentOf(basisPoints))} </span>
      ) : null}
      <strong>{PACK_TEXT.loyaltyNext(next.spendMore.display, percentOf(next.basisPoints))}</strong>
    </p>
  );
}

export function BuyPacksSection({ onCredited }: { onCredited: () => void }) {
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
        <h2 id="packs-heading">{PACK_TEXT.heading}</h2>
        {table ? <LoyaltyNote table={table} /> : null}
      </div>
      {table ? <p className="muted packs-intro">{PACK_TEXT.intro(formatPerMb(table.perMb))}</p> : null}
      {packs.error && !table ? <ErrorNotice error={packs.error} onRetry={packs.reload} /> : null}
      {!table && !packs.error ? <Loading label={PACK_TEXT.loading} /> : null}
      {table ? (
        <PackOffers
          table={table}
          disabled={!online || checkout.starting || waiting}
          onBuy={(packId) => void checkout.start(packId)}
        />
      ) : null}
      {table && !online ? <p className="hint">{PACK_TEXT.offline}</p> : null}
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
