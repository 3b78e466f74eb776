// The spend report over a real profile database: settled bytes by month and by artist, priced per MB
// and at what was paid for them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spendReport } from '../../../../../electron/core/app/spend-report.ts';
import { openProfile, type ProfileDb } from '../../../../../electron/core/profile/open-profile.ts';

let home: string;
let db: ProfileDb;
let nextId = 1;
const scope = { store: 'http://store.test', accountId: 7 };

function entry(
  kind: string,
  amount: number,
  createdAt: string,
  orderId: string | null,
  store = scope.store,
  payment: { id: string; micros: number } | null = null,
) {
  db.prepare(
    `INSERT INTO ledger_entries (store, account_id, id, kind, amount_bytes, reserved_delta_bytes, balance_after,
       reserved_after, order_id, payment_id, paid_micros, paid_currency, paid_display, created_at)
       VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?, ?)`,
  ).run(
    store,
    scope.accountId,
    nextId++,
    kind,
    amount,
    orderId,
    payment?.id ?? null,
    payment?.micros ?? null,
    payment ? 'USD' : null,
    payment ? `$${(payment.micros / 1e6).toFixed(2)}` : null,
    createdAt,
  );
}

function purchase(orderId: string, artist: string) {
  db.prepare(
    `INSERT INTO purchases (store, account_id, idempotency_key, album_id, album_title, artist_name, encoding,
       high_bytes, state, order_id, created_at) VALUES (?, ?, ?, 1, 'A', ?, 'flac', 0, 'ordered', ?, 'now')`,
  ).run(scope.store, scope.accountId, `k-${orderId}`, artist, orderId);
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'megadisc-spend-'));
  db = openProfile(home);
});
afterEach(() => {
  db.close();
  rmSync(home, { recursive: true, force: true });
});

describe('spendReport', () => {
  it('sums settled bytes by month and by artist, priced at the store rate', () => {
    purchase('ord_a', 'Zed');
    purchase('ord_b', 'Amy');
    entry('topup', 500_000_000, '2026-01-01T00:00:00.000Z', null);
    entry('reserve', 0, '2026-01-02T00:00:00.000Z', 'ord_a');
    entry('settle', -3_000_000, '2026-01-02T00:00:00.000Z', 'ord_a');
    entry('settle', -1_500_000, '2026-02-03T00:00:00.000Z', 'ord_a');
    entry('settle', -2_250_001, '2026-02-04T00:00:00.000Z', 'ord_b');
    entry('settle', -1_000_000, '2026-02-05T00:00:00.000Z', 'ord_elsewhere');
    entry('release', 0, '2026-02-05T00:00:00.000Z', 'ord_b');
    // Another store's entries are not this account's spending.
    entry('settle', -9_000_000, '2026-02-05T00:00:00.000Z', 'ord_a', 'http://other.test');
    const perMb = { currency: 'USD', micros: 20_000, display: '$0.02' };
    const report = spendReport(db, scope, perMb);
    expect(report.totalBytes).toBe(7_750_001);
    expect(report.perMb).toEqual(perMb);
    // Everything came out of a voucher's megabytes: nothing was paid for them.
    expect(report.byMonth).toEqual([
      { key: '2026-01', bytes: 3_000_000, micros: 60_000, paidMicros: 0 },
      { key: '2026-02', bytes: 4_750_001, micros: 95_000, paidMicros: 0 },
    ]);
    expect(report.byArtist).toEqual([
      { key: 'Zed', bytes: 4_500_000, micros: 90_000, paidMicros: 0 },
      { key: 'Amy', bytes: 2_250_001, micros: 45_000, paidMicros: 0 },
      { key: 'Other', bytes: 1_000_000, micros: 20_000, paidMicros: 0 },
    ]);
    expect(report.paidCurrency).toBe('USD');
    expect(report.totalPaidMicros).toBe(0);
  });

  it('reports bytes without money when the rate is unknown, and nothing for a fresh profile', () => {
    expect(spendReport(db, scope, null)).toEqual({
      perMb: null,
      paidCurrency: null,
      byMonth: [],
      byArtist: [],
      totalBytes: 0,
      totalPaidMicros: 0,
    });
    entry('settle', -1_000_000, '2026-03-01T00:00:00.000Z', null);
    expect(spendReport(db, scope, null).byArtist).toEqual([
      { key: 'Other', bytes: 1_000_000, micros: 0, paidMicros: 0 },
    ]);
  });

  it('values each charge at what was paid for the oldest megabytes left, as the store does', () => {
    purchase('ord_a', 'Zed');
    // 100 MB free, then 500 MB bought for $9.00 ($0.018 per MB).
    entry('topup', 100_000_000, '2026-01-01T00:00:00.000Z', null);
    entry('topup', 500_000_000, '2026-01-02T00:00:00.000Z', null, scope.store, {
      id: 'pay_a',
      micros: 9_000_000,
    });
    // 150 MB: the free 100 MB first, then 50 MB of the pack.
    entry('settle', -150_000_000, '2026-01-03T00:00:00.000Z', 'ord_a');
    entry('settle', -100_000_000, '2026-02-03T00:00:00.000Z', 'ord_a');
    const report = spendReport(db, scope, { currency: 'USD', micros: 20_000, display: '$0.02' });
    expect(report.byMonth.map((r) => [r.key, r.paidMicros])).toEqual([
      ['2026-01', 900_000],
      ['2026-02', 1_800_000],
    ]);
    expect(report.totalPaidMicros).toBe(2_700_000);
    expect(report.paidCurrency).toBe('USD');
  });
});
