// Human formats for the CLI, in the CLI's language: sizes in MB (10^6 bytes, as the store charges),
// rates and dates through the translator (money and shares: i18n.money, i18n.basisPoints); durations; text tables.
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

export function formatRate(i18n: Translator, bytesPerSecond: number): string {
  return i18n.speed(bytesPerSecond);
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
