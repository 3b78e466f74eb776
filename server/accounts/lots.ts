// Lots: every credit's bytes and the money received for them. Settles take bytes from the oldest open
// lots and record their money value; a refund takes back one whole unspent lot.
import type { Sql } from '../db/sql/port.ts';
import { StoreError } from '../errors/store-error.ts';

/** Where a credit's money came from. A grant (demo credit, old balances) and a promotional voucher are worth 0. */
export interface Funding {
  source: 'payment' | 'voucher' | 'grant';
  moneyMicros: number;
  currency: string;
  paymentId?: string;
  voucher?: string;
}

export interface LotRow {
  id: number;
  account_id: number;
  source: Funding['source'];
  payment_id: string | null;
  voucher: string | null;
  bytes: number;
  money_micros: number;
  currency: string;
  consumed_bytes: number;
  consumed_micros: number;
  refunded_bytes: number;
  refunded_micros: number;
  created_at: string;
}

/**
 * Money value of the first `consumed` bytes of a lot: floor(money × consumed / bytes), in BigInt
 * because money × bytes passes 2^53. Each settle is charged the difference between the values
 * before and after it, so however a lot is split, its settles add up to exactly its money.
 */
export function valueOfFirst(lot: { bytes: number; money_micros: number }, consumed: number): number {
  return Number((BigInt(lot.money_micros) * BigInt(consumed)) / BigInt(lot.bytes));
}

export interface LotTake {
  lotId: number;
  bytes: number;
  micros: number;
}

/**
 * The lots of every account. Each method runs in the caller's transaction (`q`), together with the
 * ledger entry that moves the bytes.
 */
export class Lots {
  async open(q: Sql, accountId: number, bytes: number, funding: Funding, createdAt: string): Promise<number> {
    const row = await q.get<{ id: number }>(
      `INSERT INTO lots (account_id, source, payment_id, voucher, bytes, money_micros, currency, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      accountId,
      funding.source,
      funding.paymentId ?? null,
      funding.voucher ?? null,
      bytes,
      funding.moneyMicros,
      funding.currency,
      createdAt,
    );
    return row!.id;
  }

  /** Takes `bytes` from the account's open lots, oldest first, recording each take against the ledger entry. */
  async consume(
    q: Sql,
    accountId: number,
    bytes: number,
    ledgerId: number,
    createdAt: string,
  ): Promise<LotTake[]> {
    const open = await q.all<LotRow>(
      'SELECT * FROM lots WHERE account_id = ? AND consumed_bytes + refunded_bytes < bytes ORDER BY id',
      accountId,
    );
    const takes: LotTake[] = [];
    let left = bytes;
    for (const lot of open) {
      if (left === 0) break;
      const take = Math.min(left, lot.bytes - lot.consumed_bytes - lot.refunded_bytes);
      const after = lot.consumed_bytes + take;
      const micros = valueOfFirst(lot, after) - valueOfFirst(lot, lot.consumed_bytes);
      takes.push({ lotId: lot.id, bytes: take, micros });
      left -= take;
    }
    // The balance is the sum of the open lots, so this only happens if that invariant is broken.
    if (left > 0)
      throw new StoreError('INTERNAL', 500, `lots of account ${accountId} are short by ${left} bytes`);
    for (const t of takes) {
      await q.run(
        'UPDATE lots SET consumed_bytes = consumed_bytes + ?, consumed_micros = consumed_micros + ? WHERE id = ?',
        t.bytes,
        t.micros,
        t.lotId,
      );
      await q.run(
        `INSERT INTO lot_moves (ledger_id, lot_id, kind, bytes, micros, created_at) VALUES (?, ?, 'settle', ?, ?, ?)`,
        ledgerId,
        t.lotId,
        t.bytes,
        t.micros,
        createdAt,
      );
    }
    return takes;
  }

  /**
   * Gives back to their lots the bytes a settle took (an item refunded after it was settled). Each
   * lot's value is taken off its cumulative value, so its settles still add up to exactly its money.
   */
  async giveBack(q: Sql, settleLedgerId: number, ledgerId: number, createdAt: string): Promise<LotTake[]> {
    const moves = await q.all<{ lot_id: number; bytes: number }>(
      `SELECT m.lot_id, SUM(m.bytes) AS bytes FROM lot_moves m
       WHERE m.ledger_id = ? AND m.kind = 'settle' GROUP BY m.lot_id ORDER BY m.lot_id`,
      settleLedgerId,
    );
    const gives: LotTake[] = [];
    for (const move of moves) {
      const lot = (await q.get<LotRow>('SELECT * FROM lots WHERE id = ?', move.lot_id))!;
      const micros =
        valueOfFirst(lot, lot.consumed_bytes) - valueOfFirst(lot, lot.consumed_bytes - move.bytes);
      await q.run(
        'UPDATE lots SET consumed_bytes = consumed_bytes - ?, consumed_micros = consumed_micros - ? WHERE id = ?',
        move.bytes,
        micros,
        lot.id,
      );
      await q.run(
        `INSERT INTO lot_moves (ledger_id, lot_id, kind, bytes, micros, created_at) VALUES (?, ?, 'settle', ?, ?, ?)`,
        ledgerId,
        lot.id,
        -move.bytes,
        -micros,
        createdAt,
      );
      gives.push({ lotId: lot.id, bytes: -move.bytes, micros: -micros });
    }
    return gives;
  }

  /** The lot a payment opened. */
  ofPayment(q: Sql, paymentId: string): Promise<LotRow | undefined> {
    return q.get<LotRow>('SELECT * FROM lots WHERE payment_id = ?', paymentId);
  }

  /** Closes a whole unspent lot: its bytes and money go back. Callers check that it is unspent. */
  async refund(q: Sql, lot: LotRow, ledgerId: number, createdAt: string): Promise<void> {
    const done = await q.run(
      `UPDATE lots SET refunded_bytes = bytes, refunded_micros = money_micros
       WHERE id = ? AND consumed_bytes = 0 AND refunded_bytes = 0`,
      lot.id,
    );
    if (done.changes !== 1)
      throw new StoreError('NOT_REFUNDABLE', 409, 'this pack has already been spent or refunded');
    await q.run(
      `INSERT INTO lot_moves (ledger_id, lot_id, kind, bytes, micros, created_at) VALUES (?, ?, 'refund', ?, ?, ?)`,
      ledgerId,
      lot.id,
      lot.bytes,
      lot.money_micros,
      createdAt,
    );
  }
}
