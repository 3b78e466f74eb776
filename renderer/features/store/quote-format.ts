// How a price quote reads: exact sizes as they are, estimates with "≈" and their range, and what
// the listener is charged (owned and free selections say so instead of "0.0 MB").
import type { EncodingQuote } from '../../../electron/shared/app-api/domain.ts';
import { formatMB } from '../../components/format.ts';

const MB = 1_000_000;

function mb(bytes: number): string {
  return (bytes / MB).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** "41.2 MB" when exact, "≈ 41.2 MB (38.0–44.5)" while the store has not encoded it yet. */
export function formatQuoteSize(
  quote: Pick<EncodingQuote, 'bytes' | 'exact' | 'lowBytes' | 'highBytes'>,
): string {
  if (quote.exact) return formatMB(quote.bytes);
  return `≈ ${formatMB(quote.bytes)} (${mb(quote.lowBytes)}–${mb(quote.highBytes)})`;
}

/** The megabytes this purchase takes from the balance. */
export function formatCharge(quote: EncodingQuote): string {
  if (quote.ownedAll) return 'owned';
  if (quote.chargeBytes === 0) return 'free';
  return `${quote.exact ? '' : '≈ '}${formatMB(quote.chargeBytes)}`;
}

/** The money figure, for listeners who think in currency. */
export function formatCost(quote: EncodingQuote): string {
  if (quote.ownedAll) return 'owned';
  if (quote.chargeBytes === 0) return 'free';
  return quote.chargePrice;
}

/** Signed MB for the balance after a purchase: a minus sign (not a hyphen) when it goes below zero. */
export function formatBalanceAfter(quote: EncodingQuote): string {
  const text = formatMB(Math.abs(quote.balanceAfterBytes));
  const approx = quote.exact || quote.chargeBytes === 0 ? '' : '≈ ';
  return quote.balanceAfterBytes < 0 ? `${approx}−${text}` : `${approx}${text}`;
}

/** Whether a quote can be bought at all. */
export function isBuyable(quote: EncodingQuote): boolean {
  return quote.available && !quote.ownedAll && quote.fits;
}
