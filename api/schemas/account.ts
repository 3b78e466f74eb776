// Accounts, sessions, the megabyte ledger and vouchers.
import { z } from 'zod';
import { Cursor, IsoDateTime, Limit, Money, page } from './common.ts';
import { Country } from './rights.ts';

const Email = z.string().trim().toLowerCase().email().max(254);

export const RegisterBody = z.object({
  email: Email,
  password: z.string().min(8, 'password must be at least 8 characters').max(1024),
  /** Where the listener buys from (ISO 3166-1 alpha-2): releases are licensed per territory. Default US. */
  country: Country.optional(),
});

export const LoginBody = z.object({
  email: Email,
  password: z.string().min(1).max(1024),
});

export const Session = z
  .object({
    token: z.string(),
    accountId: z.number().int(),
    email: z.string(),
    expiresAt: IsoDateTime,
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof Session>;

export const Account = z
  .object({
    id: z.number().int(),
    email: z.string(),
    /** Bytes credited and not yet spent. */
    balanceBytes: z.number().int(),
    /** Bytes held by orders still being encoded. */
    reservedBytes: z.number().int().nonnegative(),
    /** balance - reserved: what a new order may reserve. */
    availableBytes: z.number().int(),
    /** The account's territory. */
    country: z.string(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'Account' });
export type Account = z.infer<typeof Account>;

export const LedgerKind = z.enum(['topup', 'reserve', 'settle', 'release', 'refund']);
export type LedgerKind = z.infer<typeof LedgerKind>;

export const LedgerEntry = z
  .object({
    id: z.number().int(),
    kind: LedgerKind,
    /** Effect on the balance: + for a top-up, - for a settle or a refund, 0 otherwise. */
    amountBytes: z.number().int(),
    /** Effect on the reserved figure: + reserve, - settle/release. */
    reservedDeltaBytes: z.number().int(),
    balanceAfterBytes: z.number().int(),
    reservedAfterBytes: z.number().int(),
    orderId: z.string().nullable(),
    itemId: z.string().nullable(),
    voucher: z.string().nullable(),
    /** The checkout that paid for a top-up, or that a refund reverses. */
    paymentId: z.string().nullable(),
    /** Money received for a top-up (after discounts; a sold voucher's face value), or given back by a refund; null for free credit. */
    paid: Money.nullable(),
    note: z.string().nullable(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'LedgerEntry' });
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const LedgerPage = page(LedgerEntry).meta({ id: 'LedgerPage' });
export type LedgerPage = z.infer<typeof LedgerPage>;

/** Entries come oldest first; pass nextCursor to fetch what came after. */
export const LedgerQuery = z.object({ cursor: Cursor.optional(), limit: Limit.default(100) });

export const VoucherBody = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{4,64}$/, 'voucher codes are letters, digits and dashes'),
});

export const VoucherRedeemed = z
  .object({
    creditedBytes: z.number().int().positive(),
    /** promotional: no money was received; sold: the voucher was paid for at its face value. */
    kind: z.enum(['promotional', 'sold']),
    account: Account,
    entry: LedgerEntry,
  })
  .meta({ id: 'VoucherRedeemed' });
export type VoucherRedeemed = z.infer<typeof VoucherRedeemed>;
