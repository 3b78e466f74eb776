// The packs as a table: size, the listener's own price (after discounts), price per MB, the saving
// against buying the megabytes one by one, and a Buy button naming what it buys.
import type { PackQuote, PackTable } from '../../../api/schemas/payments.ts';
import { formatPerMb, packSize, percentOf, savingPercent } from '../../../electron/shared/pack-figures.ts';
import { PACK_TEXT } from './account-text.ts';

function discountNote(quote: PackQuote): string | null {
  const parts = quote.discounts
    .filter((d) => d.amount.micros > 0)
    .map((d) => `${percentOf(d.basisPoints)} ${d.kind === 'volume' ? PACK_TEXT.volume : PACK_TEXT.loyalty}`);
  return parts.length > 0 ? PACK_TEXT.discounts(parts) : null;
}

export function PackOffers({
  table,
  disabled,
  onBuy,
}: {
  table: PackTable;
  disabled: boolean;
  onBuy: (packId: string) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="table pack-table" data-testid="pack-table">
        <caption className="visually-hidden">{PACK_TEXT.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{PACK_TEXT.pack}</th>
            <th scope="col" className="num">
              {PACK_TEXT.price}
            </th>
            <th scope="col" className="num">
              {PACK_TEXT.perMb}
            </th>
            <th scope="col">{PACK_TEXT.saving}</th>
            <th scope="col">
              <span className="visually-hidden">{PACK_TEXT.action}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {table.packs.map((quote) => {
            const size = packSize(quote.bytes);
            const discounted = quote.price.micros < quote.listPrice.micros;
            const note = discountNote(quote);
            return (
              <tr key={quote.id} data-pack={quote.id}>
                <th scope="row" className="pack-size">
                  {size}
                </th>
                <td className="num">
                  <strong className="pack-price">{quote.price.display}</strong>
                  {discounted ? (
                    <s className="muted pack-list-price">
                      <span className="visually-hidden">{PACK_TEXT.insteadOf} </span>
                      {quote.listPrice.display}
                    </s>
                  ) : null}
                  {note ? <span className="hint pack-discounts">{note}</span> : null}
                </td>
                <td className="num">{formatPerMb(quote.pricePerMb)}</td>
                <td>
                  {quote.saving.micros > 0 ? (
                    <span className="tag tag-ok">
                      {PACK_TEXT.save(savingPercent(quote))} · {quote.saving.display}
                    </span>
                  ) : (
                    <span className="muted">{PACK_TEXT.noSaving}</span>
                  )}
                </td>
                <td className="pack-action">
                  <button
                    type="button"
                    className="button button-primary"
                    aria-label={PACK_TEXT.buyLabel(size, quote.price.display)}
                    disabled={disabled}
                    onClick={() => onBuy(quote.id)}
                  >
                    {PACK_TEXT.buy}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
