// Number formats used across screens: megabytes as the store counts them (10^6 bytes), speeds,
// durations and times. Text a person reads goes through the Translator (i18n/translator.ts); the
// fixed English formatters below remain for callers not yet moved to it.
import type { Translator } from '../../i18n/index.ts';

const MB = 1_000_000;

// toLocaleString with options builds a new formatter on every call; the track list formats a
// whole window of sizes per frame while scrolling, so formatters are made once per digit count.
const mbFormats = new Map<number, Intl.NumberFormat>();

export function formatMB(bytes: number, digits = 1): string {
  let format = mbFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    mbFormats.set(digits, format);
  }
  return `${format.format(bytes / MB)} MB`;
}

/** Bytes with a unit that fits: B, kB, MB, GB (decimal, like the store's prices). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < MB) return `${(bytes / 1000).toFixed(0)} kB`;
  if (bytes < 1000 * MB) return formatMB(bytes);
  return `${(bytes / (1000 * MB)).toFixed(2)} GB`;
}

export function formatSpeed(bytesPerSecond: number): string {
  return `${formatBytes(Math.round(bytesPerSecond))}/s`;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** Money in millionths of a unit, e.g. 1_234_567 USD micros → "$1.23". */
export function formatMicros(micros: number, currency = 'USD'): string {
  return (micros / 1_000_000).toLocaleString('en-US', { style: 'currency', currency });
}

export function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Time left in the unit that fits, in the UI's language: "5 sec", "3 min", "1.5 hr"; a dash when unknown. */
export function etaText(i18n: Translator, seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return i18n.t('common.none');
  if (seconds < 60) return i18n.unit(Math.max(1, Math.round(seconds)), 'second');
  if (seconds < 3600) return i18n.unit(Math.round(seconds / 60), 'minute');
  return i18n.unit(seconds / 3600, 'hour', 1);
}
