// Store answers about packs, checkouts and the ledger, as the payments API describes them: for
// client tests that script the store's answers instead of running it.
import type { Account, LedgerEntry } from '../../api/schemas/account.ts';
import type { Money } from '../../api/schemas/common.ts';
import type { Checkout, PackQuote, PackTable } from '../../api/schemas/payments.ts';

export const usd = (micros: number): Money => ({
  currency: 'USD',
  micros,
  display: `$${(Math.ceil(micros / 10_000) / 100).toFixed(2)}`,
});

export function packQuote(megabytes: number, priceMicros: number): PackQuote {
  const list = megabytes * 20_000;
  return {
    id: `${megabytes}MB`,
    megabytes,
    bytes: megabytes * 1_000_000,
    listPrice: usd(list),
    packPrice: usd(priceMicros),
    discounts:
      priceMicros < list
        ? [
            {
              kind: 'volume',
              basisPoints: Math.floor(((list - priceMicros) * 10_000) / list),
              amount: usd(list - priceMicros),
            },
          ]
        : [],
    price: usd(priceMicros),
    pricePerMb: usd(Math.ceil(priceMicros / megabytes)),
    saving: usd(list - priceMicros),
  };
}

export function packTable(): PackTable {
  return {
    currency: 'USD',
    perMb: usd(20_000),
    packs: [packQuote(100, 2_000_000), packQuote(500, 9_000_000), packQuote(2000, 30_000_000)],
    loyalty: {
      lifetimeSpent: usd(2_500_000),
      basisPoints: 0,
      tiers: [
        { fromSpent: usd(0), basisPoints: 0 },
        { fromSpent: usd(10_000_000), basisPoints: 1000 },
      ],
      next: { basisPoints: 1000, spendMore: usd(7_500_000) },
    },
  };
}

export function checkout(overrides: Partial<Checkout> = {}): Checkout {
  const quote = packQuote(500, 9_000_000);
  const id = overrides.id ?? 'pay_test0000000001';
  return {
    id,
    state: 'pending',
    provider: 'test',
    packId: '500MB',
    bytes: quote.bytes,
    quote,
    amount: quote.price,
    payUrl: `http://127.0.0.1:8700/test-provider/pay/${id}`,
    createdAt: '2026-11-23T10:00:00.000Z',
    expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    paidAt: null,
    creditedBytes: 0,
    failure: null,
    ...overrides,
  };
}

export function paidCheckout(overrides: Partial<Checkout> = {}): Checkout {
  return checkout({
    state: 'paid',
    payUrl: null,
    paidAt: '2026-11-23T10:01:00.000Z',
    creditedBytes: 500_000_000,
    ...overrides,
  });
}

export function account(balanceBytes: number): Account {
  return {
    id: 7,
    email: 'a@b.c',
    balanceBytes,
    reservedBytes: 0,
    availableBytes: balanceBytes,
    country: 'US',
    createdAt: '2026-11-23T10:00:00.000Z',
  };
}

export function entry(
  overrides: Partial<LedgerEntry> & Pick<LedgerEntry, 'id' | 'amountBytes'>,
): LedgerEntry {
  return {
    kind: 'topup',
    reservedDeltaBytes: 0,
    balanceAfterBytes: overrides.amountBytes,
    reservedAfterBytes: 0,
    orderId: null,
    itemId: null,
    voucher: null,
    paymentId: null,
    paid: null,
    note: null,
    createdAt: '2026-11-23T10:00:00.000Z',
    ...overrides,
  };
}
