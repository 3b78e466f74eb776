// Megabytes in money, at the store's price per MB, for "≈ $1.23" next to a figure.
import type { Money } from '../../../api/schemas/common.ts';
import type { Translator } from '../../../i18n/index.ts';

export function bytesToMicros(bytes: number, perMb: Money): number {
  return Math.round((bytes * perMb.micros) / 1_000_000);
}

/** The money a number of megabytes is worth, or null while the price is not known. */
export function moneyOf(i18n: Translator, bytes: number, perMb: Money | null | undefined): string | null {
  return perMb ? i18n.money(bytesToMicros(bytes, perMb), perMb.currency) : null;
}

/** "≈ $1.23", or an empty string while the price is not known. */
export function approxMoney(i18n: Translator, bytes: number, perMb: Money | null | undefined): string {
  const amount = moneyOf(i18n, bytes, perMb);
  return amount ? i18n.t('account.balance.approx', { amount }) : '';
}

/** A signed megabyte change with a real minus sign; an em dash for no change. */
export function signedMB(bytes: number, format: (b: number) => string): string {
  if (bytes === 0) return '—';
  return bytes > 0 ? `+${format(bytes)}` : `−${format(-bytes)}`;
}
