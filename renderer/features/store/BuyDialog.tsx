// The last step before money moves: what is bought, in which encoding, what it costs, and the
// balance before and after. A refusal for lack of balance stays in the dialog, with the way out.
import type { Album } from '../../../api/schemas/catalog.ts';
import type { BalanceView, EncodingQuote } from '../../../electron/shared/app-api/domain.ts';
import type { MegadiscError } from '../../../electron/shared/errors.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { hrefOf } from '../../app/router.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { describeError } from '../../components/error-messages.ts';
import { richText } from '../../components/rich-text.tsx';
import { formatBalanceAfter, formatCost } from './quote-format.ts';

export function BuyDialog({
  album,
  quote,
  trackCount,
  balance,
  buying,
  error,
  onConfirm,
  onClose,
}: {
  album: Album;
  quote: EncodingQuote;
  /** Null when the whole album is bought. */
  trackCount: number | null;
  balance: BalanceView;
  buying: boolean;
  error: MegadiscError | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const title =
    trackCount === null
      ? i18n.t('store.buy.titleAlbum')
      : i18n.t('store.buy.titleTracks', { count: trackCount });
  return (
    <Dialog title={title} onClose={onClose}>
      <dl className="store-buy-facts">
        <dt>{i18n.t('store.buy.album')}</dt>
        <dd>
          {album.artist.name} — {album.title}
        </dd>
        <dt>{i18n.t('store.buy.tracks')}</dt>
        <dd>
          {trackCount === null
            ? i18n.t('store.buy.tracksAll', { count: album.trackCount })
            : i18n.t('store.buy.tracksSome', { count: trackCount, total: album.trackCount })}
        </dd>
        <dt>{i18n.t('store.buy.encoding')}</dt>
        <dd>{quote.label}</dd>
        <dt>{i18n.t('store.buy.charge')}</dt>
        <dd className="store-buy-charge" data-testid="buy-charge">
          {richText(i18n, quote.exact ? 'store.buy.chargeExact' : 'store.buy.chargeEstimate', {
            size: <strong>{i18n.mb(quote.chargeBytes)}</strong>,
            cost: formatCost(quote, i18n),
          })}
        </dd>
        <dt>{i18n.t('store.buy.balanceNow')}</dt>
        <dd className="num">{i18n.mb(balance.availableBytes)}</dd>
        <dt>{i18n.t('store.buy.balanceAfter')}</dt>
        <dd className="num">{formatBalanceAfter(quote, i18n)}</dd>
      </dl>
      <p className="hint muted">
        {quote.exact
          ? i18n.t('store.buy.exactHint')
          : i18n.t('store.buy.estimateHint', { size: i18n.mb(quote.chargeHighBytes) })}
      </p>
      {error?.code === 'INSUFFICIENT_BALANCE' ? (
        <div className="notice notice-error" role="alert">
          <p>
            {describeError(error, i18n)}{' '}
            <a href={hrefOf({ view: 'account' })} onClick={onClose}>
              {i18n.t('store.topUp')}
            </a>
          </p>
        </div>
      ) : error ? (
        <ErrorNotice error={error} />
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {i18n.t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button-primary"
          // aria-disabled rather than disabled: a disabled button would drop the focus out of the dialog.
          onClick={buying ? undefined : onConfirm}
          aria-disabled={buying}
          data-autofocus
        >
          {buying ? i18n.t('store.buy.buying') : i18n.t('store.buy.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
