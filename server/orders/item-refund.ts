// The operator refunds one settled item: its bytes return to the balance and to the lots they came
// from, ownership ends, and the royalty on it is reversed by a negative line. Nothing is edited.
import type { Ledger } from '../accounts/ledger.ts';
import type { Database } from '../db/sql/port.ts';
import { StoreError } from '../errors/store-error.ts';
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
  deps: { db: Database; ledger: Ledger; royalties: RoyaltyBook; currency: string },
  orderId: string,
  itemId: string,
  reason?: string,
): Promise<ItemRefund> {
  const { db, ledger, royalties } = deps;
  return db.tx(async (q) => {
    const order = await q.get<OrderRow>('SELECT * FROM orders WHERE id = ?', orderId);
    const item = await q.get<ItemRow>(
      'SELECT * FROM order_items WHERE id = ? AND order_id = ?',
      itemId,
      orderId,
    );
    if (!order || !item) throw new StoreError('NOT_FOUND', 404, 'no such order item');
    if (item.reversed_at) throw new StoreError('NOT_REFUNDABLE', 409, 'this item has already been refunded');
    const settle = await q.get<{ id: number }>(
      `SELECT id FROM ledger WHERE item_id = ? AND kind = 'settle' ORDER BY id LIMIT 1`,
      itemId,
    );
    if (item.state !== 'ready' || !settle || !item.charged_bytes)
      throw new StoreError('NOT_REFUNDABLE', 409, 'only a delivered, charged item can be refunded');
    const entry = await ledger.apply(q, {
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
    const royalty = await royalties.record(q, {
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
    await q.run('UPDATE order_items SET reversed_at = ? WHERE id = ?', entry.createdAt, itemId);
    await q.run('DELETE FROM ownership WHERE account_id = ? AND item_id = ?', order.account_id, itemId);
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
