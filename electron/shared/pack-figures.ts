// Figures derived from a pack quote for display (UI and CLI): the saving as a share of the list
// price, basis points as a percentage, and a price per MB with the digits it needs. Money stays in
// integer micros; only the final display string goes through a float.
import type { Money } from '../../api/schemas/common.ts';
import type { PackQuote } from '../../api/schemas/payments.ts';

/** The saving against buying the megabytes one by one, in whole percent, rounded down. */
export function savingPercent(quote: Pick<PackQuote, 'saving' | 'listPrice'>): number {
  if (quote.listPrice.micros <= 0 || quote.saving.micros <= 0) return 0;
  return Math.floor((quote.saving.micros * 100) / quote.listPrice.micros);
}

/** 1000 bp → "10%", 750 bp → "7.5%", 1 bp → "0.01%". */
export function percentOf(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const rest = basisPoints % 100;
  if (rest === 0) return `${whole}%`;
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

/** A price per MB with up to four decimals: $0.018 reads differently from $0.02. */
export function formatPerMb(price: Money): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: price.currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  }).format(price.micros / 1_000_000);
}

/** "500 MB" for whole megabytes, "12.5 MB" otherwise (the store's MB is 10^6 bytes). */
export function packSize(bytes: number): string {
  const mb = bytes / 1_000_000;
  return Number.isInteger(mb) ? `${mb.toLocaleString('en-US')} MB` : `${mb.toFixed(1)} MB`;
}
