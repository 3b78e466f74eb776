// Assertions about an account's money, read through the public API.
import { expect } from 'vitest';
import type { StoreApi } from './store-api.ts';

export async function allLedgerEntries(api: StoreApi): Promise<any[]> {
  const entries: any[] = [];
  let cursor = '';
  for (;;) {
    const res = await api.get(`/v1/account/ledger?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    entries.push(...res.body.items);
    if (res.body.items.length === 0) return entries;
    cursor = res.body.nextCursor;
  }
}

/** The entries sum to the balance and to the reserved figure the account shows. */
export async function expectLedgerBalances(api: StoreApi): Promise<{ entries: any[]; account: any }> {
  const entries = await allLedgerEntries(api);
  const account = (await api.get('/v1/account')).body;
  const sum = (key: string) => entries.reduce((s, e) => s + e[key], 0);
  expect(sum('amountBytes')).toBe(account.balanceBytes);
  expect(sum('reservedDeltaBytes')).toBe(account.reservedBytes);
  expect(account.availableBytes).toBe(account.balanceBytes - account.reservedBytes);
  return { entries, account };
}
