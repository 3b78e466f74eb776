// The encoding comparison: size, charge, cost and the balance after for each encoding, one radio
// per row to pick what to buy. Unavailable encodings stay listed, disabled, with the store's reason.
import type { EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { EncodingQuote, EncodingTable as Table } from '../../../electron/shared/app-api/domain.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { formatBalanceAfter, formatCharge, formatCost, formatQuoteSize } from './quote-format.ts';

export function EncodingTable({
  table,
  chosen,
  onChoose,
  busy,
}: {
  table: Table;
  chosen: EncodingId | null;
  onChoose: (encoding: EncodingId) => void;
  busy: boolean;
}) {
  const i18n = useI18n();
  return (
    <div className="store-quotes-wrap">
      <table className="table store-quotes" aria-busy={busy}>
        <caption className="visually-hidden">{i18n.t('store.quotes.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('store.quotes.colEncoding')}</th>
            <th scope="col" className="num">
              {i18n.t('store.quotes.colSize')}
            </th>
            <th scope="col" className="num">
              {i18n.t('store.quotes.colCharge')}
            </th>
            <th scope="col" className="num">
              {i18n.t('store.quotes.colCost')}
            </th>
            <th scope="col" className="num">
              {i18n.t('store.quotes.colBalanceAfter')}
            </th>
            <th scope="col">{i18n.t('store.quotes.colFit')}</th>
          </tr>
        </thead>
        <tbody>
          {table.quotes.map((quote) => (
            <QuoteRow
              key={quote.encoding}
              quote={quote}
              checked={quote.encoding === chosen}
              onChoose={onChoose}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function QuoteRow({
  quote,
  checked,
  onChoose,
}: {
  quote: EncodingQuote;
  checked: boolean;
  onChoose: (encoding: EncodingId) => void;
}) {
  const i18n = useI18n();
  const id = `encoding-${quote.encoding}`;
  const rowClass = `store-quote${checked ? ' store-quote-chosen' : ''}${quote.available ? '' : ' store-quote-unavailable'}`;
  return (
    <tr className={rowClass} data-encoding={quote.encoding}>
      <td>
        <label htmlFor={id} className="store-quote-label">
          <input
            id={id}
            type="radio"
            name="encoding"
            value={quote.encoding}
            checked={checked}
            disabled={!quote.available}
            onChange={() => onChoose(quote.encoding)}
          />
          <span>{quote.label}</span>
        </label>
      </td>
      {quote.available ? (
        <>
          <td className="num">
            {formatQuoteSize(quote, i18n)}
            {quote.exact ? <span className="store-exact">{i18n.t('store.quotes.exact')}</span> : null}
          </td>
          <td className="num">{formatCharge(quote, i18n)}</td>
          <td className="num">{formatCost(quote, i18n)}</td>
          <td className={`num${quote.balanceAfterBytes < 0 ? ' store-negative' : ''}`}>
            {formatBalanceAfter(quote, i18n)}
          </td>
          <td>
            {quote.ownedAll ? (
              <span className="tag">{i18n.t('store.quotes.owned')}</span>
            ) : quote.fits ? (
              <span className="tag tag-ok">
                <span aria-hidden="true">✓ </span>
                {i18n.t('store.quotes.fits')}
              </span>
            ) : (
              <span className="tag tag-error">
                <span aria-hidden="true">✕ </span>
                {i18n.t('store.quotes.overBalance')}
              </span>
            )}
          </td>
        </>
      ) : (
        <td colSpan={5} className="muted">
          {quote.unavailableReason
            ? i18n.t('store.quotes.unavailableBecause', { reason: quote.unavailableReason })
            : i18n.t('store.quotes.unavailable')}
        </td>
      )}
    </tr>
  );
}
