// Choosing and buying: the encoding table for the current selection, the buy button, the
// confirmation, and what happens after (a toast, the balance refreshed, the way to Downloads).
import { useCallback, useState } from 'react';
import type { Album } from '../../../api/schemas/catalog.ts';
import type { EncodingQuote } from '../../../electron/shared/app-api/domain.ts';
import { useAppStatus } from '../../app/app-status.tsx';
import { useI18n } from '../../app/i18n-context.tsx';
import { hrefOf } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useToasts } from '../../components/Toasts.tsx';
import { BuyDialog } from './BuyDialog.tsx';
import { EncodingTable } from './EncodingTable.tsx';
import { formatCost, formatQuoteSize, isBuyable } from './quote-format.ts';
import { useBuy } from './use-buy.ts';
import { useEncodingChoice } from './use-encoding-choice.ts';
import { useQuotes } from './use-quotes.ts';
import type { TrackSelection } from './use-track-selection.ts';

/** What was just bought, for the notice under the table. */
interface Bought {
  artist: string;
  album: string;
  encoding: string;
}

export function PurchasePanel({ album, selection }: { album: Album; selection: TrackSelection }) {
  const i18n = useI18n();
  const { trackIds } = selection;
  const quotes = useQuotes(album.id, trackIds);
  // A table for another album or selection may still be on screen while the next one loads.
  const table = quotes.data?.album.id === album.id ? quotes.data : undefined;
  const { encoding, choose } = useEncodingChoice(table?.quotes);
  const { buy, buying, error, clearError } = useBuy();
  const status = useAppStatus();
  const toasts = useToasts();
  const [confirming, setConfirming] = useState(false);
  const [bought, setBought] = useState<Bought | null>(null);

  const count = trackIds?.length ?? null;
  const quote = table?.quotes.find((q) => q.encoding === encoding);
  const nothingSelected = count === 0;
  const stale = quotes.loading || table === undefined;
  const closeDialog = useCallback(() => {
    setConfirming(false);
    clearError();
  }, [clearError]);

  const confirm = async () => {
    if (!quote) return;
    const result = await buy({
      albumId: album.id,
      encoding: quote.encoding,
      ...(trackIds ? { trackIds } : {}),
    });
    if (!result) return;
    const what: Bought = { artist: album.artist.name, album: album.title, encoding: quote.label };
    setConfirming(false);
    setBought(what);
    toasts.push('success', (t) => t.t('store.purchase.toast', { ...what }));
    status.refresh();
    quotes.reload();
  };

  const buyLabel =
    count === null
      ? i18n.t('store.purchase.buyAlbum')
      : count === 0
        ? i18n.t('store.purchase.buyNothing')
        : i18n.t('store.purchase.buyTracks', { count });
  return (
    <section className="store-purchase" aria-labelledby="store-purchase-title">
      <h2 id="store-purchase-title">{i18n.t('store.purchase.title')}</h2>
      {nothingSelected ? (
        <p className="notice notice-warn">{i18n.t('store.purchase.selectSome')}</p>
      ) : quotes.error && !table ? (
        <ErrorNotice error={quotes.error} onRetry={quotes.reload} />
      ) : !table ? (
        <Loading label={i18n.t('store.purchase.loading')} />
      ) : (
        <>
          {quotes.error ? <ErrorNotice error={quotes.error} onRetry={quotes.reload} /> : null}
          <EncodingTable table={table} chosen={encoding} onChoose={choose} busy={quotes.loading} />
          <p className="hint muted store-quote-legend">
            {i18n.t('store.purchase.legend', { mb: i18n.mb(1_000_000, 0), bytes: i18n.number(1_000_000) })}
          </p>
        </>
      )}
      {/* Docked to the bottom of the view while the table scrolls, with the outcome right above. */}
      <div className="store-buy-dock">
        {bought ? (
          <div className="notice notice-ok store-bought" role="status">
            <p>{i18n.t('store.purchase.bought', { ...bought })}</p>
            <a className="button" href={hrefOf({ view: 'downloads' })}>
              {i18n.t('store.goToDownloads')}
            </a>
          </div>
        ) : null}
        <div className="store-buy-bar">
          <div className="store-buy-summary" aria-live="polite">
            {quote && !nothingSelected ? (
              <>
                <strong>{quote.label}</strong>
                {quote.available ? (
                  <span>
                    {' '}
                    · {formatQuoteSize(quote, i18n)} · {formatCost(quote, i18n)}
                  </span>
                ) : null}
                <BuyHint quote={quote} />
              </>
            ) : null}
          </div>
          <button
            type="button"
            className="button button-primary store-buy-button"
            disabled={nothingSelected || stale || buying || !quote || !isBuyable(quote)}
            onClick={() => setConfirming(true)}
          >
            {buying ? i18n.t('store.purchase.buying') : buyLabel}
          </button>
        </div>
      </div>
      {confirming && quote && table ? (
        <BuyDialog
          album={album}
          quote={quote}
          trackCount={count}
          balance={table.balance}
          buying={buying}
          error={error}
          onConfirm={confirm}
          onClose={closeDialog}
        />
      ) : null}
    </section>
  );
}

function BuyHint({ quote }: { quote: EncodingQuote }) {
  const i18n = useI18n();
  if (quote.ownedAll) return <span className="store-buy-hint">{i18n.t('store.purchase.ownedAll')}</span>;
  if (!quote.fits) {
    return (
      <span className="store-buy-hint store-negative">
        {i18n.t('store.purchase.notEnough')} <a href={hrefOf({ view: 'account' })}>{i18n.t('store.topUp')}</a>
      </span>
    );
  }
  return null;
}
