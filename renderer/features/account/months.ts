// Calendar months for the spend chart: "2026-11" keys, gaps filled, short labels.
import type { SpendRow } from '../../../electron/shared/app-api/views.ts';
import type { Translator } from '../../../i18n/index.ts';

function nextMonth(key: string): string {
  const [y, m] = key.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The months from the first to the last with spending, empty ones included, at most the last `limit`. */
export function fillMonths(rows: SpendRow[], limit = 12): SpendRow[] {
  const sorted = [...rows]
    .filter((r) => /^\d{4}-\d{2}$/.test(r.key))
    .sort((a, b) => a.key.localeCompare(b.key));
  if (sorted.length === 0) return [];
  const byKey = new Map(sorted.map((r) => [r.key, r]));
  const out: SpendRow[] = [];
  const last = sorted.at(-1)!.key;
  for (let key = sorted[0]!.key; key <= last; key = nextMonth(key)) {
    out.push(byKey.get(key) ?? { key, bytes: 0, micros: 0, paidMicros: 0 });
  }
  return out.slice(-limit);
}

/** "Nov 2026" / "нояб. 2026 г.", or the month alone when the year goes without saying. */
export function monthLabel(i18n: Translator, key: string, withYear = true): string {
  const [y, m] = key.split('-').map(Number) as [number, number];
  return i18n.date(Date.UTC(y, m - 1, 1), {
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
}
