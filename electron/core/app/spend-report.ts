// What the account spent, from the settled entries of the local ledger mirror: by month and by
// artist, in megabytes, at the store's list price, and in the money actually paid for them.
import type { Money } from '../../../api/schemas/common.ts';
import type { SpendReport, SpendRow } from '../../shared/app-api/views.ts';
import { moneyOfCharges } from '../ledger/money-spent.ts';
import { spendEntries } from '../ledger/spend-entries.ts';
import type { ProfileDb } from '../profile/open-profile.ts';

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
  const entries = spendEntries(db, scope);
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
