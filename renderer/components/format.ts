// Formats that are not words: a track's length (m:ss, the same in every language), and the time
// left of a download in the UI's language. Sizes, money and dates are the Translator's
// (i18n/translator.ts): i18n.mb(), i18n.money(), i18n.dateTime().
import type { Translator } from '../../i18n/index.ts';

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** Time left in the unit that fits, in the UI's language: "5 sec", "3 min", "1.5 hr"; a dash when unknown. */
export function etaText(i18n: Translator, seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return i18n.t('common.none');
  if (seconds < 60) return i18n.unit(Math.max(1, Math.round(seconds)), 'second');
  if (seconds < 3600) return i18n.unit(Math.round(seconds / 60), 'minute');
  return i18n.unit(seconds / 3600, 'hour', 1);
}
