// Top-up packs, their quotes with discounts, checkouts paid through a payment provider, and refunds.
import { z } from 'zod';
import { IsoDate, IsoDateTime, Money } from './common.ts';

/** A pack id names its size, e.g. "500MB": stable across price changes. */
export const PackId = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9]{1,7}MB$/, 'a pack id is a size in MB such as 500MB');

/** Basis points: 1% = 100 bp, so percentages stay integers. */
export const BasisPoints = z.number().int().min(0).max(10_000);

export const DiscountLine = z
  .object({
    kind: z.enum(['volume', 'loyalty']),
    /** The discount as a share of the list price, in basis points (rounded down for display). */
    basisPoints: BasisPoints,
    amount: Money,
  })
  .meta({ id: 'DiscountLine' });
export type DiscountLine = z.infer<typeof DiscountLine>;

export const PackQuote = z
  .object({
    id: PackId,
    megabytes: z.number().int().positive(),
    bytes: z.number().int().positive(),
    /** megabytes × the store's per-MB price: what the bytes would cost one by one. */
    listPrice: Money,
    /** The pack's own price, before the loyalty discount. */
    packPrice: Money,
    discounts: z.array(DiscountLine),
    /** What the buyer pays: whole cents (minor units), never more than packPrice. */
    price: Money,
    /** price / megabytes, rounded up to the micro. */
    pricePerMb: Money,
    /** listPrice - price. */
    saving: Money,
  })
  .meta({ id: 'PackQuote' });
export type PackQuote = z.infer<typeof PackQuote>;

export const LoyaltyTier = z
  .object({ fromSpent: Money, basisPoints: BasisPoints })
  .meta({ id: 'LoyaltyTier' });
export type LoyaltyTier = z.infer<typeof LoyaltyTier>;

export const PackTable = z
  .object({
    currency: z.string().length(3),
    perMb: Money,
    packs: z.array(PackQuote),
    loyalty: z.object({
      /** Money paid for packs over the account's life, net of refunds (zero without a token). */
      lifetimeSpent: Money,
      basisPoints: BasisPoints,
      tiers: z.array(LoyaltyTier),
      /** The next tier up and what is left to spend to reach it; null at the top. */
      next: z.object({ basisPoints: BasisPoints, spendMore: Money }).nullable(),
    }),
  })
  .meta({ id: 'PackTable' });
export type PackTable = z.infer<typeof PackTable>;

export const CheckoutBody = z.object({ packId: PackId }).strict();
export type CheckoutBody = z.infer<typeof CheckoutBody>;

export const CheckoutState = z.enum(['pending', 'paid', 'declined', 'expired', 'refunded']);
export type CheckoutState = z.infer<typeof CheckoutState>;

export const Checkout = z
  .object({
    id: z.string(),
    state: CheckoutState,
    provider: z.string(),
    packId: PackId,
    bytes: z.number().int().positive(),
    /** The quote as it stood when the checkout was made; later price changes never alter it. */
    quote: PackQuote,
    amount: Money,
    /** Where the buyer pays (the provider's page); null once the checkout is settled. */
    payUrl: z.string().nullable(),
    createdAt: IsoDateTime,
    expiresAt: IsoDateTime,
    paidAt: IsoDateTime.nullable(),
    /** Bytes credited to the balance by this payment (0 until the provider confirms). */
    creditedBytes: z.number().int().nonnegative(),
    /** Why a checkout was declined or expired, in words a buyer understands. */
    failure: z.string().nullable(),
  })
  .meta({ id: 'Checkout' });
export type Checkout = z.infer<typeof Checkout>;

export const CheckoutParams = z.object({ id: z.string().regex(/^pay_[A-Za-z0-9]{10,40}$/) });

export const WebhookParams = z.object({ provider: z.enum(['test', 'stripe']) });

export const WebhookAck = z
  .object({ received: z.literal(true), duplicate: z.boolean() })
  .meta({ id: 'WebhookAck' });
export type WebhookAck = z.infer<typeof WebhookAck>;

export const RefundBody = z.object({ reason: z.string().trim().min(1).max(500).optional() }).strict();

export const Refund = z
  .object({
    paymentId: z.string(),
    refundedBytes: z.number().int().positive(),
    amount: Money,
    balanceAfterBytes: z.number().int().nonnegative(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'Refund' });
export type Refund = z.infer<typeof Refund>;

export const RevenueQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  group: z.enum(['day', 'month']).default('day'),
  format: z.enum(['json', 'csv']).default('json'),
});

export const RevenueReport = z
  .object({
    currency: z.string().length(3),
    from: z.string().nullable(),
    to: z.string().nullable(),
    group: z.enum(['day', 'month']),
    /** Revenue recognised when megabytes were spent (settled), per period. */
    recognised: z.array(z.object({ period: z.string(), bytes: z.number().int(), micros: z.number().int() })),
    /** Money received for megabytes not yet spent: owed to listeners as balance. */
    deferred: z.object({ bytes: z.number().int(), micros: z.number().int() }),
    received: z.object({ micros: z.number().int(), refundedMicros: z.number().int() }),
    packs: z.array(
      z.object({
        packId: z.string(),
        sold: z.number().int(),
        refunded: z.number().int(),
        micros: z.number().int(),
      }),
    ),
    discounts: z.object({ volumeMicros: z.number().int(), loyaltyMicros: z.number().int() }),
  })
  .meta({ id: 'RevenueReport' });
export type RevenueReport = z.infer<typeof RevenueReport>;

export const LedgerCheck = z
  .object({
    ok: z.boolean(),
    accounts: z.number().int(),
    problems: z.array(z.string()),
    totals: z.object({
      receivedMicros: z.number().int(),
      recognisedMicros: z.number().int(),
      deferredMicros: z.number().int(),
      refundedMicros: z.number().int(),
    }),
  })
  .meta({ id: 'LedgerCheck' });
export type LedgerCheck = z.infer<typeof LedgerCheck>;
