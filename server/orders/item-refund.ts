// The operator refunds one settled item: its bytes return to the balance and to the lots they came
// from, ownership ends, and the royalty on it is reversed by a negative line. Nothing is edited.
import type { Ledger } from '../accounts/ledger.ts';
import { type Db, transaction } from '../db/open-database.ts';
import { StoreError } from '../errors.ts';
import type { RoyaltyBook } from '../royalties/royalty-book.ts';
import type { ItemRow, OrderRow } from './order-rows.ts';

export interface ItemRefund {
  orderId: string;
  itemId: string;
  refundedBytes: number;
  revenueMicros: number;
  royaltyMicros: number;
  balanceAfterBytes: number;
}

export function refundItem(
  deps: { db: Db; ledger: Ledger; royalties: RoyaltyBook; currency: string },
  orderId: string,
  itemId: string,
  reason?: string,
): ItemRefund {
  const { db, ledger, royalties } = deps;
  return transaction(db, () => {
    const order = db.prepare('SELECT * FROM orders WHERE id = ?').get(orderId) as OrderRow | undefined;
    const item = db.prepare('SELECT * FROM order_items WHERE id = ? AND order_id = ?').get(itemId, orderId) as
      | ItemRow
      | undefined;
    if (!order || !item) throw new StoreError('NOT_FOUND', 404, 'no such order item');
    if (item.reversed_at) throw new StoreError('NOT_REFUNDABLE', 409, 'this item has already been refunded');
    const settle = db
      .prepare(`SELECT id FROM ledger WHERE item_id = ? AND kind = 'settle' ORDER BY id LIMIT 1`)
      .get(itemId) as { id: number } | undefined;
    if (item.state !== 'ready' || !settle || !item.charged_bytes)
      throw new StoreError('NOT_REFUNDABLE', 409, 'only a delivered, charged item can be refunded');
    const entry = ledger.apply({
      accountId: order.account_id,
      kind: 'refund',
      amountBytes: item.charged_bytes,
      reservedDeltaBytes: 0,
      orderId,
      itemId,
      reverses: settle.id,
      note: reason ? `item refund: ${reason}` : 'item refund',
    });
    const revenue = entry.takes.reduce((sum, t) => sum + t.micros, 0);
    const royalty = royalties.record({
      ledgerId: entry.id,
      orderId,
      itemId,
      trackId: item.track_id,
      territory: order.territory ?? 'ZZ',
      units: -1,
      bytes: -item.charged_bytes,
      revenueMicros: revenue,
      currency: deps.currency,
      createdAt: entry.createdAt,
    });
    db.prepare('UPDATE order_items SET reversed_at = ? WHERE id = ?').run(entry.createdAt, itemId);
    db.prepare('DELETE FROM ownership WHERE account_id = ? AND item_id = ?').run(order.account_id, itemId);
    return {
      orderId,
      itemId,
      refundedBytes: item.charged_bytes,
      revenueMicros: revenue,
      royaltyMicros: royalty?.royaltyMicros ?? 0,
      balanceAfterBytes: entry.balanceAfterBytes,
    };
  });
}
