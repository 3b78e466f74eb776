// Prices in integer millionths of a currency unit, so no float ever touches money.
import type { Money } from '../../api/schemas/common.ts';

export const BYTES_PER_MB = 1_000_000;

export interface Rate {
  currency: string;
  /** Price of one MB (10^6 bytes) in millionths of the currency unit. */
  microsPerMb: number;
}

export function money(micros: number, currency: string): Money {
  const cents = Math.ceil(micros / 10_000);
  const symbol = currency === 'USD' ? '$' : `${currency} `;
  return { currency, micros, display: `${symbol}${(cents / 100).toFixed(2)}` };
}

/** Micros as a decimal with six places, exact (no floats): 2500 → "0.002500", -1 → "-0.000001". */
export function microsToDecimal(micros: number): string {
  const sign = micros < 0 ? '-' : '';
  const abs = Math.abs(micros);
  return `${sign}${Math.floor(abs / 1_000_000)}.${String(abs % 1_000_000).padStart(6, '0')}`;
}

/** Money shown to a tenth of a cent and beyond when it is not whole cents (prices per MB). */
export function fineMoney(micros: number, currency: string): Money {
  const symbol = currency === 'USD' ? '$' : `${currency} `;
  const [units, fraction] = microsToDecimal(micros).split('.') as [string, string];
  return { currency, micros, display: `${symbol}${units}.${fraction.replace(/0+$/, '').padEnd(2, '0')}` };
}

/** Parses a decimal amount such as "5" or "4.99" into micros without floating-point drift. */
export function parseAmount(text: string): number {
  const match = /^(\d{1,9})(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (!match) throw new Error(`an amount is a decimal number such as 5.00, got "${text}"`);
  return Number(match[1]) * 1_000_000 + Number((match[2] ?? '').padEnd(6, '0'));
}

export function priceOf(bytes: number, rate: Rate): Money {
  return money(Math.ceil((bytes * rate.microsPerMb) / BYTES_PER_MB), rate.currency);
}

/** Parses a decimal rate such as "0.02" into micros without floating-point drift. */
export function parseRate(text: string, currency = 'USD'): Rate {
  const match = /^(\d{1,6})(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (!match) throw new Error(`price per MB must be a decimal number such as 0.02, got "${text}"`);
  const micros = Number(match[1]) * 1_000_000 + Number((match[2] ?? '').padEnd(6, '0'));
  return { currency, microsPerMb: micros };
}
