// The ledger mirror's entries that make up the spend report: settled charges with the artist of the
// local purchase they paid for, and the top-ups and refunds that say what those megabytes cost.
import type { ProfileDb } from '../profile/open-profile.ts';

export interface SpendEntry {
  id: number;
  kind: string;
  amount_bytes: number;
  payment_id: string | null;
  paid_micros: number | null;
  paid_currency: string | null;
  month: string;
  artist: string | null;
}

export function spendEntries(db: ProfileDb, scope: { store: string; accountId: number }): SpendEntry[] {
  // A settle entry debits the balance (amount < 0) for one delivered item of an order; the order
  // leads to the local purchase and its artist. Orders placed elsewhere (another device) are "Other".
  return db
    .prepare(
      `SELECT e.id, e.kind, e.amount_bytes, e.payment_id, e.paid_micros, e.paid_currency,
              substr(e.created_at, 1, 7) AS month,
              CASE WHEN e.kind = 'settle' THEN
                COALESCE((SELECT p.artist_name FROM purchases p WHERE p.order_id = e.order_id LIMIT 1), 'Other')
              END AS artist
       FROM ledger_entries e
       WHERE e.store = ? AND e.account_id = ? AND e.kind IN ('topup', 'settle', 'refund')
       ORDER BY e.id`,
    )
    .all(scope.store, scope.accountId) as unknown as SpendEntry[];
}
