// Human formats for the CLI, in the CLI's language: sizes in MB (10^6 bytes, as the store charges),
// rates, money, percentages and dates through the translator; durations; text tables.
import type { Money } from '../../../api/schemas/common.ts';
import type { Translator } from '../../../i18n/translator.ts';

const MB = 1_000_000;

/** "12.3 MB" / "12,3 МБ"; whole megabytes from 100 MB up. */
export function formatMb(i18n: Translator, bytes: number): string {
  return i18n.mb(bytes, Math.abs(bytes) >= 100 * MB ? 0 : 1);
}

/** "+500 MB" / "-12.3 MB" for ledger movements. */
export function formatSignedMb(i18n: Translator, bytes: number): string {
  return `${bytes > 0 ? '+' : '-'}${formatMb(i18n, Math.abs(bytes))}`;
}

/** A pack's size: "500 MB" for whole megabytes, "12.5 MB" otherwise. */
export function formatPackSize(i18n: Translator, bytes: number): string {
  return i18n.mb(bytes, Number.isInteger(bytes / MB) ? 0 : 1);
}

export function formatRate(i18n: Translator, bytesPerSecond: number): string {
  return i18n.speed(bytesPerSecond);
}

export function formatMoney(i18n: Translator, money: Pick<Money, 'micros' | 'currency'>): string {
  return i18n.money(money.micros, money.currency);
}

/** A price per MB with up to four decimals: $0.018 reads differently from $0.02. */
export function formatPerMb(i18n: Translator, price: Money): string {
  return i18n.number(price.micros / MB, {
    style: 'currency',
    currency: price.currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  });
}

/** 1000 bp → "10%", 750 bp → "7.5%", 1 bp → "0.01%" (with the locale's separators). */
export function formatBasisPoints(i18n: Translator, basisPoints: number): string {
  const digits = basisPoints % 100 === 0 ? 0 : basisPoints % 10 === 0 ? 1 : 2;
  return i18n.unit(basisPoints / 100, 'percent', digits);
}

export function formatPercent(i18n: Translator, percent: number): string {
  return i18n.unit(percent, 'percent');
}

/** A moment from the store or the profile (ISO 8601), as the locale writes dates and times. */
export function formatWhen(i18n: Translator, iso: string): string {
  return i18n.dateTime(iso);
}

/** m:ss, the same in every language. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--:--';
  return formatDuration(seconds * 1000);
}

/** Left-aligned text columns, right-aligned numbers. */
export function table(rows: string[][], rightAligned: number[] = []): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => (rightAligned.includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
