// The books of an order's items: settling an encoded item at its exact size (with its royalty and
// ownership), failing one, and finishing an order once no item is left to encode. Each is one
// transaction guarded by a claim, so whichever worker or node gets there twice changes nothing.
import type { EncodingId } from '../../api/schemas/encoding-catalog.ts';
import type { Ledger } from '../accounts/ledger.ts';
import type { Database } from '../db/sql/port.ts';
import { toStoredPath } from '../db/stored-path.ts';
import type { RoyaltyBook } from '../royalties/royalty-book.ts';
import type { EncodeRecord } from '../transcode/index.ts';
import type { ItemRow, OrderRow } from './order-rows.ts';

export interface ItemBooksOptions {
  db: Database;
  dataDir: string;
  ledger: Ledger;
  royalties?: RoyaltyBook;
  currency?: string;
}

export class ItemBooks {
  readonly #db: Database;
  readonly #dataDir: string;
  readonly #ledger: Ledger;
  readonly #royalties: RoyaltyBook | undefined;
  readonly #currency: string;

  constructor(opts: ItemBooksOptions) {
    this.#db = opts.db;
    this.#dataDir = opts.dataDir;
    this.#ledger = opts.ledger;
    this.#royalties = opts.royalties;
    this.#currency = opts.currency ?? 'USD';
  }

  /**
   * Charges the item and publishes its file, once: the first statement claims the item for this
   * attempt (still 'encoding', still this attempt), so a stale or second attempt charges nothing.
   * Returns whether this attempt settled it.
   */
  settle(order: OrderRow, item: ItemRow, attempt: number, record: EncodeRecord): Promise<boolean> {
    return this.#db.tx(async (q) => {
      const claimed = await q.run(
        `UPDATE order_items SET state = 'ready', bytes = ?, sha256 = ?, file_path = ?, ready_at = ?
         WHERE id = ? AND state = 'encoding' AND attempt = ?`,
        record.bytes,
        record.sha256,
        toStoredPath(this.#dataDir, record.path),
        new Date().toISOString(),
        item.id,
        attempt,
      );
      if (claimed.changes !== 1) return false;
      let charged = 0;
      if (item.already_owned === 0) {
        const account = (await q.get<{ balance_bytes: number; reserved_bytes: number; country: string }>(
          'SELECT balance_bytes, reserved_bytes, country FROM accounts WHERE id = ?',
          order.account_id,
        ))!;
        // The reservation is generous, so the exact size fits it; should an encode ever outgrow it,
        // the excess comes from the free balance, and what the buyer cannot cover is on the store.
        const free = account.balance_bytes - account.reserved_bytes;
        charged = Math.min(record.bytes, item.reserved_bytes + Math.max(0, free));
        const consumed = Math.min(charged, item.reserved_bytes);
        const settled = await this.#ledger.apply(q, {
          accountId: order.account_id,
          kind: 'settle',
          amountBytes: -charged,
          reservedDeltaBytes: -consumed,
          orderId: order.id,
          itemId: item.id,
          note: charged < record.bytes ? `capped: file is ${record.bytes} bytes` : undefined,
        });
        // The royalty on the money value of exactly these bytes, in the same transaction.
        if (charged > 0)
          await this.#royalties?.record(q, {
            ledgerId: settled.id,
            orderId: order.id,
            itemId: item.id,
            trackId: item.track_id,
            territory: order.territory ?? account.country ?? 'ZZ',
            units: 1,
            bytes: charged,
            revenueMicros: settled.takes.reduce((sum, t) => sum + t.micros, 0),
            currency: this.#currency,
            createdAt: settled.createdAt,
          });
      }
      await q.run('UPDATE order_items SET charged_bytes = ? WHERE id = ?', charged, item.id);
      await q.run('UPDATE orders SET charged_bytes = charged_bytes + ? WHERE id = ?', charged, order.id);
      await q.run(
        `INSERT INTO ownership (account_id, track_id, encoding, item_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        order.account_id,
        item.track_id,
        order.encoding as EncodingId,
        item.id,
      );
      return true;
    });
  }

  /** Records that the item could not be encoded, if this attempt still holds it. */
  async fail(item: ItemRow, attempt: number, code: string, message: string): Promise<boolean> {
    const failed = await this.#db.run(
      `UPDATE order_items SET state = 'failed', error_code = ?, error_message = ?
       WHERE id = ? AND state = 'encoding' AND attempt = ?`,
      code,
      message.slice(0, 500),
      item.id,
      attempt,
    );
    return failed.changes === 1;
  }

  /**
   * Once no item is left to encode: the order's state, and the unused reservation released. Once
   * only: a second finisher (another worker) finds the order no longer processing. Returns whether
   * this call finished it.
   */
  finish(order: OrderRow): Promise<boolean> {
    return this.#db.tx(async (q) => {
      const items = await q.all<ItemRow>('SELECT * FROM order_items WHERE order_id = ?', order.id);
      if (items.some((i) => i.state === 'queued' || i.state === 'encoding')) return false;
      const consumed = items
        .filter((i) => i.state === 'ready')
        .reduce((sum, i) => sum + Math.min(i.charged_bytes ?? 0, i.reserved_bytes), 0);
      const leftover = order.reserved_bytes - consumed;
      const ready = items.filter((i) => i.state === 'ready').length;
      const state = ready === items.length ? 'complete' : ready === 0 ? 'failed' : 'partial';
      const finished = await q.run(
        `UPDATE orders SET state = ?, completed_at = ? WHERE id = ? AND state = 'processing'`,
        state,
        new Date().toISOString(),
        order.id,
      );
      if (finished.changes !== 1) return false;
      if (leftover > 0) {
        await this.#ledger.apply(q, {
          accountId: order.account_id,
          kind: 'release',
          amountBytes: 0,
          reservedDeltaBytes: -leftover,
          orderId: order.id,
          note: 'unused reservation',
        });
      }
      return true;
    });
  }
}
