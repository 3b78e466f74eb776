// How a price quote reads: exact sizes as they are, estimates with "≈" and their range, and what
// the listener is charged (owned and free selections say so instead of "0.0 MB"), in the UI's
// language.
import type { EncodingQuote } from '../../../electron/shared/app-api/domain.ts';
import type { Translator } from '../../../i18n/index.ts';

const MB = 1_000_000;
const ONE_DIGIT = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;

/** "41.2 MB" when exact, "≈ 41.2 MB (38.0–44.5)" while the store has not encoded it yet. */
export function formatQuoteSize(
  quote: Pick<EncodingQuote, 'bytes' | 'exact' | 'lowBytes' | 'highBytes'>,
  i18n: Translator,
): string {
  if (quote.exact) return i18n.mb(quote.bytes);
  return i18n.t('store.quote.estimate', {
    size: i18n.mb(quote.bytes),
    low: i18n.number(quote.lowBytes / MB, ONE_DIGIT),
    high: i18n.number(quote.highBytes / MB, ONE_DIGIT),
  });
}

/** The megabytes this purchase takes from the balance. */
export function formatCharge(quote: EncodingQuote, i18n: Translator): string {
  if (quote.ownedAll) return i18n.t('store.quote.owned');
  if (quote.chargeBytes === 0) return i18n.t('store.quote.free');
  const size = i18n.mb(quote.chargeBytes);
  return quote.exact ? size : i18n.t('store.quote.approx', { size });
}

/** The money figure, for listeners who think in currency, in the UI's language. */
export function formatCost(quote: EncodingQuote, i18n: Translator): string {
  if (quote.ownedAll) return i18n.t('store.quote.owned');
  if (quote.chargeBytes === 0) return i18n.t('store.quote.free');
  return i18n.money(quote.chargeMoney.micros, quote.chargeMoney.currency);
}

/** Signed MB for the balance after a purchase: a minus sign (not a hyphen) when it goes below zero. */
export function formatBalanceAfter(quote: EncodingQuote, i18n: Translator): string {
  const text = i18n.mb(Math.abs(quote.balanceAfterBytes));
  const size = quote.balanceAfterBytes < 0 ? `−${text}` : text;
  return quote.exact || quote.chargeBytes === 0 ? size : i18n.t('store.quote.approx', { size });
}

/** Whether a quote can be bought at all. */
export function isBuyable(quote: EncodingQuote): boolean {
  return quote.available && !quote.ownedAll && quote.fits;
}
