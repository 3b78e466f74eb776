// What the account spent, from the settled entries of the local ledger mirror: by month and by
// artist, in megabytes, at the store's list price, and in the money actually paid for them.
import type { Money } from '../../../api/schemas/common.ts';
import type { SpendReport, SpendRow } from '../../shared/app-api/views.ts';
import { moneyOfCharges } from '../ledger/money-spent.ts';
import type { ProfileDb } from '../profile/open-profile.ts';

interface EntryRow {
  id: number;
  kind: string;
  amount_bytes: number;
  payment_id: string | null;
  paid_micros: number | null;
  paid_currency: string | null;
  month: string;
  artist: string | null;
}

interface Totals {
  bytes: number;
  paidMicros: number;
}

function rows(totals: Map<string, Totals>, perMb: Money | null): SpendRow[] {
  return [...totals].map(([key, t]) => ({
    key,
    bytes: t.bytes,
    micros: perMb ? Math.round((t.bytes * perMb.micros) / 1_000_000) : 0,
    paidMicros: t.paidMicros,
  }));
}

function add(totals: Map<string, Totals>, key: string, bytes: number, paidMicros: number): void {
  const t = totals.get(key) ?? { bytes: 0, paidMicros: 0 };
  t.bytes += bytes;
  t.paidMicros += paidMicros;
  totals.set(key, t);
}

export function spendReport(
  db: ProfileDb,
  scope: { store: string; accountId: number },
  perMb: Money | null,
): SpendReport {
  // A settle entry debits the balance (amount < 0) for one delivered item of an order; the order
  // leads to the local purchase and its artist. Orders placed elsewhere (another device) are "Other".
  // Top-ups and refunds come along: they say what the megabytes of each charge cost.
  const entries = db
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
    .all(scope.store, scope.accountId) as unknown as EntryRow[];
  const paid = moneyOfCharges(
    entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      amountBytes: e.amount_bytes,
      paymentId: e.payment_id,
      paidMicros: e.paid_micros,
    })),
  );
  const byMonth = new Map<string, Totals>();
  const byArtist = new Map<string, Totals>();
  let totalBytes = 0;
  let totalPaidMicros = 0;
  for (const e of entries) {
    if (e.kind !== 'settle') continue;
    const bytes = -e.amount_bytes;
    const micros = paid.get(e.id) ?? 0;
    add(byMonth, e.month, bytes, micros);
    add(byArtist, e.artist ?? 'Other', bytes, micros);
    totalBytes += bytes;
    totalPaidMicros += micros;
  }
  const paidCurrency = entries.find((e) => e.paid_currency)?.paid_currency ?? perMb?.currency ?? null;
  return {
    perMb,
    paidCurrency,
    byMonth: rows(byMonth, perMb).sort((a, b) => a.key.localeCompare(b.key)),
    byArtist: rows(byArtist, perMb).sort((a, b) => b.bytes - a.bytes || a.key.localeCompare(b.key)),
    totalBytes,
    totalPaidMicros,
  };
}
