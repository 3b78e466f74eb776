// The money value of charges: oldest top-up first, at its price; refunds take back a whole lot.
import { describe, expect, it } from 'vitest';
import { type LedgerMovement, moneyOfCharges } from '../../../../../electron/core/ledger/money-spent.ts';

let id = 0;
const topup = (
  bytes: number,
  paidMicros: number | null,
  paymentId: string | null = null,
): LedgerMovement => ({
  id: ++id,
  kind: 'topup',
  amountBytes: bytes,
  paymentId,
  paidMicros,
});
const settle = (bytes: number): LedgerMovement => ({
  id: ++id,
  kind: 'settle',
  amountBytes: -bytes,
  paymentId: null,
  paidMicros: null,
});
const refund = (bytes: number, paymentId: string): LedgerMovement => ({
  id: ++id,
  kind: 'refund',
  amountBytes: -bytes,
  paymentId,
  paidMicros: null,
});

describe('moneyOfCharges', () => {
  it('spends a lot across several charges to exactly its price, whatever the split', () => {
    const entries = [topup(3, 100, 'pay_a'), settle(1), settle(1), settle(1)];
    const money = moneyOfCharges(entries);
    // floor(100 × used / 3): 33, 66, 100 → charges of 33, 33, 34.
    expect([...money.values()]).toEqual([33, 33, 34]);
  });

  it('takes the oldest megabytes first: free credit, then the packs in the order bought', () => {
    const entries = [
      topup(100_000_000, null),
      topup(500_000_000, 9_000_000, 'pay_a'),
      topup(1_000_000_000, 15_000_000, 'pay_b'),
      settle(150_000_000),
      settle(500_000_000),
    ];
    const [first, second] = [...moneyOfCharges(entries).values()];
    expect(first).toBe(900_000); // 100 MB free + 50 MB at $0.018
    expect(second).toBe(8_100_000 + 750_000); // 450 MB at $0.018 + 50 MB at $0.015
  });

  it('skips what a refund took back, and values charges beyond every lot at nothing', () => {
    const entries = [topup(100, 1000, 'pay_a'), topup(100, 5000, 'pay_b'), refund(100, 'pay_a'), settle(150)];
    expect([...moneyOfCharges(entries).values()]).toEqual([5000]);
  });

  it('handles money × bytes past 2^53 exactly', () => {
    const entries = [topup(10_000_000_000_000, 9_007_199_254_740, 'pay_big'), settle(3_333_333_333_333)];
    expect([...moneyOfCharges(entries).values()]).toEqual([
      Number((9_007_199_254_740n * 3_333_333_333_333n) / 10_000_000_000_000n),
    ]);
  });
});
