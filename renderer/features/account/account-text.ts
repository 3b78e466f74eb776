// Account figures in words, in the UI's language: the store's money, the price of one megabyte with
// the digits it needs, discounts from basis points, and pack sizes.
import type { Money } from '../../../api/schemas/common.ts';
import type { Translator } from '../../../i18n/index.ts';

const MB = 1_000_000;

/** An amount the store sent, formatted here rather than with its English `display`: "$9.00" / "9,00 $". */
export function moneyText(i18n: Translator, money: Money): string {
  return i18n.money(money.micros, money.currency);
}

/** A price per MB with up to four decimals: $0.018 reads differently from $0.02. */
export function perMbText(i18n: Translator, price: Money): string {
  return i18n.number(price.micros / MB, {
    style: 'currency',
    currency: price.currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  });
}

/** 1000 bp → "10%", 750 bp → "7.5%" (Russian: "7,5 %"). */
export function percentText(i18n: Translator, basisPoints: number): string {
  return i18n.number(basisPoints / 10_000, { style: 'percent', maximumFractionDigits: 2 });
}

/** "500 MB" for whole megabytes, "12.5 MB" otherwise (the store's MB is 10^6 bytes). */
export function packSizeText(i18n: Translator, bytes: number): string {
  return i18n.mb(bytes, Number.isInteger(bytes / MB) ? 0 : 1);
}

/** The store's reason as a clause: "Your card was declined." → "Your card was declined". */
export function clause(text: string | null): string {
  return text ? text.trim().replace(/[.!\s]+$/, '') : '';
}
