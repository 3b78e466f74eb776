// The spend report over a real profile database: settled bytes by month and by artist, priced per MB.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spendReport } from '../../../electron/core/app/spend-report.ts';
import { openProfile, type ProfileDb } from '../../../electron/core/profile/open-profile.ts';

let home: string;
let db: ProfileDb;
let nextId = 1;
const scope = { store: 'http://store.test', accountId: 7 };

function entry(kind: string, amount: number, createdAt: string, orderId: string | null, store = scope.store) {
  db.prepare(
    `INSERT INTO ledger_entries (store, account_id, id, kind, amount_bytes, reserved_delta_bytes, balance_after,
       reserved_after, order_id, created_at) VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?, ?)`,
  ).run(store, scope.accountId, nextId++, kind, amount, orderId, createdAt);
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
    expect(report.byMonth).toEqual([
      { key: '2026-01', bytes: 3_000_000, micros: 60_000 },
      { key: '2026-02', bytes: 4_750_001, micros: 95_000 },
    ]);
    expect(report.byArtist).toEqual([
      { key: 'Zed', bytes: 4_500_000, micros: 90_000 },
      { key: 'Amy', bytes: 2_250_001, micros: 45_000 },
      { key: 'Other', bytes: 1_000_000, micros: 20_000 },
    ]);
  });

  it('reports bytes without money when the rate is unknown, and nothing for a fresh profile', () => {
    expect(spendReport(db, scope, null)).toEqual({ perMb: null, byMonth: [], byArtist: [], totalBytes: 0 });
    entry('settle', -1_000_000, '2026-03-01T00:00:00.000Z', null);
    expect(spendReport(db, scope, null).byArtist).toEqual([{ key: 'Other', bytes: 1_000_000, micros: 0 }]);
  });
});
