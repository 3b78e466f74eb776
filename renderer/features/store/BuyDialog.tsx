// The last step before money moves: what is bought, in which encoding, what it costs, and the
// balance before and after. A refusal for lack of balance stays in the dialog, with the way out.
import type { Album } from '../../../api/schemas/catalog.ts';
import type { BalanceView, EncodingQuote } from '../../../electron/shared/app-api/domain.ts';
import type { MegadiscError } from '../../../electron/shared/errors.ts';
import { hrefOf } from '../../app/router.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { describeError } from '../../components/error-messages.ts';
import { formatMB } from '../../components/format.ts';
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
  const what = trackCount === null ? 'album' : trackCount === 1 ? '1 track' : `${trackCount} tracks`;
  return (
    <Dialog title={`Buy ${what}?`} onClose={onClose}>
      <dl className="store-buy-facts">
        <dt>Album</dt>
        <dd>
          {album.artist.name} — {album.title}
        </dd>
        <dt>Tracks</dt>
        <dd>{trackCount === null ? `All ${album.trackCount}` : `${trackCount} of ${album.trackCount}`}</dd>
        <dt>Encoding</dt>
        <dd>{quote.label}</dd>
        <dt>Charge</dt>
        <dd className="store-buy-charge" data-testid="buy-charge">
          {quote.exact ? '' : 'about '}
          <strong>{formatMB(quote.chargeBytes)}</strong> ({formatCost(quote)})
        </dd>
        <dt>Balance now</dt>
        <dd className="num">{formatMB(balance.availableBytes)}</dd>
        <dt>Balance after</dt>
        <dd className="num">{formatBalanceAfter(quote)}</dd>
      </dl>
      {quote.exact ? (
        <p className="hint muted">These files are encoded already: this is the exact charge.</p>
      ) : (
        <p className="hint muted">
          This is an estimate: you are charged the exact size of the encoded files; at most{' '}
          {formatMB(quote.chargeHighBytes)} is reserved until they are ready.
        </p>
      )}
      {error?.code === 'INSUFFICIENT_BALANCE' ? (
        <div className="notice notice-error" role="alert">
          <p>
            {describeError(error)}{' '}
            <a href={hrefOf({ view: 'account' })} onClick={onClose}>
              Top up in Account
            </a>
          </p>
        </div>
      ) : error ? (
        <ErrorNotice error={error} />
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          // aria-disabled rather than disabled: a disabled button would drop the focus out of the dialog.
          onClick={buying ? undefined : onConfirm}
          aria-disabled={buying}
          data-autofocus
        >
          {buying ? 'Buying…' : 'Confirm purchase'}
        </button>
      </div>
    </Dialog>
  );
}
