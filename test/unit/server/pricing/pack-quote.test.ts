import { describe, expect, it } from 'vitest';
import { parseRate } from '../../../../server/pricing/money.ts';
import {
  loyaltyBasisPoints,
  MAX_LOYALTY_BP,
  nextTier,
  quotePack,
} from '../../../../server/pricing/pack-quote.ts';

const rate = parseRate('0.02');
const tiers = [
  { fromMicros: 25_000_000, basisPoints: 500 },
  { fromMicros: 50_000_000, basisPoints: 1000 },
  { fromMicros: 500_000_000, basisPoints: 5000 },
];

describe('pack quotes', () => {
  it('shows list price, the volume discount and the price per MB', () => {
    const q = quotePack({ id: '2000MB', bytes: 2_000_000_000, priceMicros: 18_000_000 }, rate, 0);
    expect(q.listPrice.micros).toBe(40_000_000);
    expect(q.discounts).toEqual([
      {
        kind: 'volume',
        basisPoints: 5500,
        amount: { currency: 'USD', micros: 22_000_000, display: '$22.00' },
      },
    ]);
    expect(q.price.micros).toBe(18_000_000);
    expect(q.pricePerMb).toEqual({ currency: 'USD', micros: 9_000, display: '$0.009' });
    expect(q.saving.micros).toBe(22_000_000);
  });

  it('rounds the loyalty discount down to a whole cent, so the price is whole cents', () => {
    // 33.33% of $2.99 is 99.6567 cents: the buyer gets 99 cents off and pays $2.00.
    const q = quotePack({ id: '100MB', bytes: 100_000_000, priceMicros: 2_990_000 }, rate, 3333);
    expect(q.discounts.find((d) => d.kind === 'loyalty')?.amount.micros).toBe(990_000);
    expect(q.price.micros).toBe(2_000_000);
    expect(q.price.micros % 10_000).toBe(0);
    // Every integer price in cents, at every tier, stays whole cents and never below two thirds.
    for (let cents = 1; cents <= 5_000; cents += 7) {
      for (const bp of [0, 500, 1000, 2500, 3333]) {
        const p = quotePack({ id: '100MB', bytes: 100_000_000, priceMicros: cents * 10_000 }, rate, bp);
        expect(p.price.micros % 10_000).toBe(0);
        expect(p.price.micros * 3).toBeGreaterThanOrEqual(cents * 10_000 * 2);
      }
    }
  });

  it('never takes more than a third off, even when a tier says so', () => {
    expect(loyaltyBasisPoints(tiers, 0)).toBe(0);
    expect(loyaltyBasisPoints(tiers, 24_999_999)).toBe(0);
    expect(loyaltyBasisPoints(tiers, 25_000_000)).toBe(500);
    expect(loyaltyBasisPoints(tiers, 60_000_000)).toBe(1000);
    expect(loyaltyBasisPoints(tiers, 600_000_000)).toBe(MAX_LOYALTY_BP);
    const q = quotePack({ id: '500MB', bytes: 500_000_000, priceMicros: 5_000_000 }, rate, 9000);
    expect(q.discounts.find((d) => d.kind === 'loyalty')?.basisPoints).toBe(3333);
    expect(q.price.micros).toBe(3_340_000);
  });

  it('names the next tier up', () => {
    expect(nextTier(tiers, 17_500_000)).toEqual({ fromMicros: 25_000_000, basisPoints: 500 });
    expect(nextTier(tiers, 600_000_000)).toBeNull();
  });
});
