// The fake store's packs and checkouts: a pack table priced like the real store's (volume discount
// per pack, loyalty discount by lifetime spend), and checkouts a test settles when it wants.
import type { Money } from '../../../api/schemas/common.ts';
import type {
  Checkout,
  CheckoutState,
  DiscountLine,
  PackQuote,
  PackTable,
} from '../../../api/schemas/payments.ts';

const MB = 1_000_000;
export const FAKE_PER_MB_MICROS = 20_000;

export function usd(micros: number): Money {
  return { currency: 'USD', micros, display: `$${(Math.ceil(micros / 10_000) / 100).toFixed(2)}` };
}

/** Pack size in MB → the pack's own price in micros (before loyalty). */
const PACKS: [number, number][] = [
  [100, 2_000_000],
  [500, 9_000_000],
  [2000, 30_000_000],
];

/** Loyalty tiers: lifetime spend (micros) from which a discount (basis points) applies. */
export const FAKE_TIERS: [number, number][] = [
  [0, 0],
  [10_000_000, 1000],
  [50_000_000, 1500],
];

function loyaltyOf(spentMicros: number) {
  let basisPoints = 0;
  let next: { basisPoints: number; spendMore: Money } | null = null;
  for (const [from, bp] of FAKE_TIERS) {
    if (spentMicros >= from) basisPoints = bp;
    else if (!next) next = { basisPoints: bp, spendMore: usd(from - spentMicros) };
  }
  return { basisPoints, next };
}

function quote(megabytes: number, packMicros: number, loyaltyBp: number): PackQuote {
  const list = megabytes * FAKE_PER_MB_MICROS;
  const discounts: DiscountLine[] = [];
  if (packMicros < list) {
    const amount = list - packMicros;
    discounts.push({
      kind: 'volume',
      basisPoints: Math.floor((amount * 10_000) / list),
      amount: usd(amount),
    });
  }
  // Loyalty comes off the pack price, and the price is whole cents, as the store rounds it.
  const loyalty = Math.floor((packMicros * loyaltyBp) / 10_000 / 10_000) * 10_000;
  if (loyalty > 0) discounts.push({ kind: 'loyalty', basisPoints: loyaltyBp, amount: usd(loyalty) });
  const price = packMicros - loyalty;
  return {
    id: `${megabytes}MB`,
    megabytes,
    bytes: megabytes * MB,
    listPrice: usd(list),
    packPrice: usd(packMicros),
    discounts,
    price: usd(price),
    pricePerMb: usd(Math.ceil(price / megabytes)),
    saving: usd(list - price),
  };
}

export function fakePackTable(lifetimeSpentMicros: number): PackTable {
  const loyalty = loyaltyOf(lifetimeSpentMicros);
  return {
    currency: 'USD',
    perMb: usd(FAKE_PER_MB_MICROS),
    packs: PACKS.map(([mb, micros]) => quote(mb, micros, loyalty.basisPoints)),
    loyalty: {
      lifetimeSpent: usd(lifetimeSpentMicros),
      basisPoints: loyalty.basisPoints,
      tiers: FAKE_TIERS.map(([from, bp]) => ({ fromSpent: usd(from), basisPoints: bp })),
      next: loyalty.next,
    },
  };
}

export function fakeCheckout(seq: number, packQuote: PackQuote, now = Date.now()): Checkout {
  const id = `pay_fake${String(seq).padStart(8, '0')}`;
  return {
    id,
    state: 'pending',
    provider: 'test',
    packId: packQuote.id,
    bytes: packQuote.bytes,
    quote: packQuote,
    amount: packQuote.price,
    payUrl: `http://127.0.0.1:8700/test-provider/pay/${id}`,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 30 * 60_000).toISOString(),
    paidAt: null,
    creditedBytes: 0,
    failure: null,
  };
}

const FAILURES: Partial<Record<CheckoutState, string>> = {
  declined: 'Your card was declined.',
  expired: 'The payment was not completed within 30 minutes.',
};

/** The checkout after the provider's word: paid (credited), declined or expired. */
export function settled(
  checkout: Checkout,
  state: Exclude<CheckoutState, 'pending'>,
  failure?: string,
): Checkout {
  return {
    ...checkout,
    state,
    payUrl: null,
    paidAt: state === 'paid' ? new Date().toISOString() : null,
    creditedBytes: state === 'paid' ? checkout.bytes : 0,
    failure: state === 'paid' ? null : (failure ?? FAILURES[state] ?? null),
  };
}
