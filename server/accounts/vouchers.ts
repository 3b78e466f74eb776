// Single-use vouchers that credit megabytes to an account.
import { randomInt } from 'node:crypto';
import type { VoucherRedeemed } from '../../api/schemas/account.ts';
import type { Database } from '../db/sql/port.ts';
import { StoreError } from '../errors/store-error.ts';
import type { Ledger } from './ledger.ts';
import { type AccountRow, toAccount } from './sessions.ts';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newVoucherCode(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `MD-${group()}-${group()}-${group()}`;
}

export interface VoucherSale {
  /** What the voucher was sold for (its face value), in micros of the store's currency. */
  priceMicros: number;
}

export class Vouchers {
  readonly #db: Database;
  readonly #ledger: Ledger;
  readonly #currency: string;

  constructor(db: Database, ledger: Ledger, currency = 'USD') {
    this.#db = db;
    this.#ledger = ledger;
    this.#currency = currency;
  }

  /** A promotional voucher (no money received), or a sold one when `sale` says what it was paid. */
  async create(bytes: number, code = newVoucherCode(), sale?: VoucherSale): Promise<string> {
    if (sale && (!Number.isSafeInteger(sale.priceMicros) || sale.priceMicros < 0))
      throw new Error('a sold voucher needs a price in whole micros');
    await this.#db.run(
      'INSERT INTO vouchers (code, bytes, created_at, kind, price_micros) VALUES (?, ?, ?, ?, ?)',
      code,
      bytes,
      new Date().toISOString(),
      sale ? 'sold' : 'promotional',
      sale?.priceMicros ?? 0,
    );
    return code;
  }

  redeem(accountId: number, code: string): Promise<VoucherRedeemed> {
    return this.#db.tx(async (q) => {
      // Claim first: the WHERE makes a second redemption match no row, even under concurrency.
      const claimed = await q.get<{ bytes: number; kind: 'promotional' | 'sold'; price_micros: number }>(
        `UPDATE vouchers SET redeemed_by = ?, redeemed_at = ? WHERE code = ? AND redeemed_by IS NULL
         RETURNING bytes, kind, price_micros`,
        accountId,
        new Date().toISOString(),
        code,
      );
      if (!claimed) {
        const exists = await q.get('SELECT 1 FROM vouchers WHERE code = ?', code);
        if (exists) throw new StoreError('VOUCHER_USED', 409, 'this voucher has already been redeemed');
        throw new StoreError('NOT_FOUND', 404, 'no such voucher');
      }
      const entry = await this.#ledger.apply(q, {
        accountId,
        kind: 'topup',
        amountBytes: claimed.bytes,
        reservedDeltaBytes: 0,
        voucher: code,
        note: claimed.kind === 'sold' ? 'voucher (sold)' : 'voucher (promotional)',
        funding: {
          source: 'voucher',
          moneyMicros: claimed.price_micros,
          currency: this.#currency,
          voucher: code,
        },
      });
      const account = (await q.get<AccountRow>('SELECT * FROM accounts WHERE id = ?', accountId))!;
      return { creditedBytes: claimed.bytes, kind: claimed.kind, account: toAccount(account), entry };
    });
  }
}
