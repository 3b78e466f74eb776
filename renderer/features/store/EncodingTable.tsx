// The encoding comparison: size, charge, cost and the balance after for each encoding, one radio
// per row to pick what to buy. Unavailable encodings stay listed, disabled, with the store's reason.
import type { EncodingId } from '../../../api/encodings.ts';
import type { EncodingQuote, EncodingTable as Table } from '../../../electron/shared/app-api/domain.ts';
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
  return (
    <div className="store-quotes-wrap">
      <table className="table store-quotes" aria-busy={busy}>
        <caption className="visually-hidden">Encodings, sizes and prices for the selected tracks</caption>
        <thead>
          <tr>
            <th scope="col">Encoding</th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col" className="num">
              Charge
            </th>
            <th scope="col" className="num">
              Cost
            </th>
            <th scope="col" className="num">
              Balance after
            </th>
            <th scope="col">Fit</th>
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
            {formatQuoteSize(quote)}
            {quote.exact ? <span className="store-exact">exact</span> : null}
          </td>
          <td className="num">{formatCharge(quote)}</td>
          <td className="num">{formatCost(quote)}</td>
          <td className={`num${quote.balanceAfterBytes < 0 ? ' store-negative' : ''}`}>
            {formatBalanceAfter(quote)}
          </td>
          <td>
            {quote.ownedAll ? (
              <span className="tag">Owned</span>
            ) : quote.fits ? (
              <span className="tag tag-ok">
                <span aria-hidden="true">✓ </span>Fits
              </span>
            ) : (
              <span className="tag tag-error">
                <span aria-hidden="true">✕ </span>Over balance
              </span>
            )}
          </td>
        </>
      ) : (
        <td colSpan={5} className="muted">
          Unavailable{quote.unavailableReason ? `: ${quote.unavailableReason}` : ''}
        </td>
      )}
    </tr>
  );
}
