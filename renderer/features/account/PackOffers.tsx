// The packs as a table: size, the listener's own price (after discounts), price per MB, the saving
// against buying the megabytes one by one, and a Buy button naming what it buys.
import type { PackQuote, PackTable } from '../../../api/schemas/payments.ts';
import { savingPercent } from '../../../electron/shared/pack-figures.ts';
import type { Translator } from '../../../i18n/index.ts';
import { useI18n } from '../../app/i18n-context.tsx';

function discountNote(i18n: Translator, quote: PackQuote): string | null {
  const parts = quote.discounts
    .filter((d) => d.amount.micros > 0)
    .map((d) =>
      i18n.t(d.kind === 'volume' ? 'account.packs.discount.volume' : 'account.packs.discount.loyalty', {
        percent: i18n.basisPoints(d.basisPoints),
      }),
    );
  return parts.length > 0 ? i18n.t('account.packs.discounts', { parts: i18n.list(parts) }) : null;
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
  const i18n = useI18n();
  return (
    <div className="table-scroll">
      <table className="table pack-table" data-testid="pack-table">
        <caption className="visually-hidden">{i18n.t('account.packs.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('account.packs.pack')}</th>
            <th scope="col" className="num">
              {i18n.t('account.packs.price')}
            </th>
            <th scope="col" className="num">
              {i18n.t('account.packs.perMb')}
            </th>
            <th scope="col">{i18n.t('account.packs.saving')}</th>
            <th scope="col">
              <span className="visually-hidden">{i18n.t('account.packs.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {table.packs.map((quote) => {
            const size = i18n.mb(quote.bytes, 'fit');
            const price = i18n.money(quote.price.micros, quote.price.currency);
            const discounted = quote.price.micros < quote.listPrice.micros;
            const note = discountNote(i18n, quote);
            return (
              <tr key={quote.id} data-pack={quote.id}>
                <th scope="row" className="pack-size">
                  {size}
                </th>
                <td className="num">
                  <strong className="pack-price">{price}</strong>
                  {discounted ? (
                    <s className="muted pack-list-price">
                      <span className="visually-hidden">{i18n.t('account.packs.insteadOf')} </span>
                      {i18n.money(quote.listPrice.micros, quote.listPrice.currency)}
                    </s>
                  ) : null}
                  {note ? <span className="hint pack-discounts">{note}</span> : null}
                </td>
                <td className="num">
                  {i18n.money(quote.pricePerMb.micros, quote.pricePerMb.currency, { maxDigits: 4 })}
                </td>
                <td>
                  {quote.saving.micros > 0 ? (
                    <span className="tag tag-ok">
                      {i18n.t('account.packs.save', {
                        percent: i18n.number(savingPercent(quote) / 100, { style: 'percent' }),
                        amount: i18n.money(quote.saving.micros, quote.saving.currency),
                      })}
                    </span>
                  ) : (
                    <span className="muted">{i18n.t('common.none')}</span>
                  )}
                </td>
                <td className="pack-action">
                  <button
                    type="button"
                    className="button button-primary"
                    aria-label={i18n.t('account.packs.buyLabel', { size, price })}
                    disabled={disabled}
                    onClick={() => onBuy(quote.id)}
                  >
                    {i18n.t('account.packs.buy')}
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
