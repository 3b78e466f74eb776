// What the account spent, from the settled entries of the local ledger mirror: by month and by artist.
import type { Money } from '../../../api/schemas/common.ts';
import type { SpendReport, SpendRow } from '../../shared/app-api/views.ts';
import type { ProfileDb } from '../profile/open-profile.ts';

interface SettledRow {
  month: string;
  artist: string;
  bytes: number;
}

function rows(totals: Map<string, number>, perMb: Money | null): SpendRow[] {
  return [...totals].map(([key, bytes]) => ({
    key,
    bytes,
    micros: perMb ? Math.round((bytes * perMb.micros) / 1_000_000) : 0,
  }));
}

export function spendReport(
  db: ProfileDb,
  scope: { store: string; accountId: number },
  perMb: Money | null,
): SpendReport {
  // A settle entry debits the balance (amount < 0) for one delivered item of an order; the order
  // leads to the local purchase and its artist. Orders placed elsewhere (another device) are "Other".
  const settled = db
    .prepare(
      `SELECT substr(e.created_at, 1, 7) AS month,
              COALESCE((SELECT p.artist_name FROM purchases p WHERE p.order_id = e.order_id LIMIT 1), 'Other')
                AS artist,
              -SUM(e.amount_bytes) AS bytes
       FROM ledger_entries e
       WHERE e.store = ? AND e.account_id = ? AND e.kind = 'settle'
       GROUP BY month, artist`,
    )
    .all(scope.store, scope.accountId) as unknown as SettledRow[];
  const byMonth = new Map<string, number>();
  const byArtist = new Map<string, number>();
  let totalBytes = 0;
  for (const r of settled) {
    byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + r.bytes);
    byArtist.set(r.artist, (byArtist.get(r.artist) ?? 0) + r.bytes);
    totalBytes += r.bytes;
  }
  return {
    perMb,
    byMonth: rows(byMonth, perMb).sort((a, b) => a.key.localeCompare(b.key)),
    byArtist: rows(byArtist, perMb).sort((a, b) => b.bytes - a.bytes || a.key.localeCompare(b.key)),
    totalBytes,
  };
}
