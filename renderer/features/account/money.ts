// Megabytes in money, at the store's price per MB, for "≈ $1.23" next to a figure.
import type { Money } from '../../../api/schemas/common.ts';
import { formatMicros } from '../../components/format.ts';

export function bytesToMicros(bytes: number, perMb: Money): number {
  return Math.round((bytes * perMb.micros) / 1_000_000);
}

/** "≈ $1.23", or an empty string while the price is not known. */
export function approxMoney(bytes: number, perMb: Money | null | undefined): string {
  return perMb ? `≈ ${formatMicros(bytesToMicros(bytes, perMb), perMb.currency)}` : '';
}

/** A signed megabyte change with a real minus sign; an em dash for no change. */
export function signedMB(bytes: number, format: (b: number) => string): string {
  if (bytes === 0) return '—';
  return bytes > 0 ? `+${format(bytes)}` : `−${format(-bytes)}`;
}
