// Prices a top-up pack for one buyer: list price, the pack's volume discount, the loyalty discount
// earned by lifetime spend, and the final price. Integers only.
//
// Rounding, in one place:
// - the list price is megabytes × the per-MB price, exact in micros;
// - the loyalty discount is packPrice × basis points / 10 000, rounded DOWN to a whole cent, so the
//   buyer pays whole cents and never gets more off than the stated percentage;
// - the price per MB is price / megabytes rounded UP to a micro (display only);
// - shown percentages are rounded down to a basis point.
import type { LoyaltyTier, PackQuote } from '../../api/schemas/payments.ts';
import { BYTES_PER_MB, fineMoney, money, type Rate } from './money.ts';

export const MICROS_PER_CENT = 10_000;
/** Loyalty never takes more than a third off. */
export const MAX_LOYALTY_BP = 3333;

export interface Pack {
  id: string;
  bytes: number;
  priceMicros: number;
}

export interface Tier {
  fromMicros: number;
  basisPoints: number;
}

/** The highest tier whose threshold the lifetime spend has reached (0 bp below the first). */
export function loyaltyBasisPoints(tiers: Tier[], lifetimeMicros: number): number {
  let bp = 0;
  for (const t of tiers) if (lifetimeMicros >= t.fromMicros) bp = Math.max(bp, t.basisPoints);
  return Math.min(bp, MAX_LOYALTY_BP);
}

export function nextTier(tiers: Tier[], lifetimeMicros: number): Tier | null {
  const current = loyaltyBasisPoints(tiers, lifetimeMicros);
  const ahead = tiers
    .filter((t) => t.fromMicros > lifetimeMicros && Math.min(t.basisPoints, MAX_LOYALTY_BP) > current)
    .sort((a, b) => a.fromMicros - b.fromMicros);
  return ahead[0] ?? null;
}

function shareBp(part: number, whole: number): number {
  return whole > 0 ? Math.floor((part * 10_000) / whole) : 0;
}

export function quotePack(pack: Pack, rate: Rate, loyaltyBp: number): PackQuote {
  const cur = rate.currency;
  const megabytes = pack.bytes / BYTES_PER_MB;
  const listMicros = megabytes * rate.microsPerMb;
  const volumeMicros = Math.max(0, listMicros - pack.priceMicros);
  const bp = Math.min(Math.max(0, loyaltyBp), MAX_LOYALTY_BP);
  const loyaltyMicros = Math.floor((pack.priceMicros * bp) / 10_000 / MICROS_PER_CENT) * MICROS_PER_CENT;
  const price = pack.priceMicros - loyaltyMicros;
  const discounts: PackQuote['discounts'] = [];
  if (volumeMicros > 0)
    discounts.push({
      kind: 'volume',
      basisPoints: shareBp(volumeMicros, listMicros),
      amount: money(volumeMicros, cur),
    });
  if (loyaltyMicros > 0)
    discounts.push({ kind: 'loyalty', basisPoints: bp, amount: money(loyaltyMicros, cur) });
  return {
    id: pack.id,
    megabytes,
    bytes: pack.bytes,
    listPrice: money(listMicros, cur),
    packPrice: money(pack.priceMicros, cur),
    discounts,
    price: money(price, cur),
    pricePerMb: fineMoney(Math.ceil(price / megabytes), cur),
    saving: money(Math.max(0, listMicros - price), cur),
  };
}

export function tierView(t: Tier, currency: string): LoyaltyTier {
  return { fromSpent: money(t.fromMicros, currency), basisPoints: Math.min(t.basisPoints, MAX_LOYALTY_BP) };
}
