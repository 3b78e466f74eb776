// Long polling of an order: holds a GET until an item the reader has not seen settle is ready or failed.
import type { Database } from '../db/sql/port.ts';
import type { OrderChanges } from './order-changes.ts';

/**
 * Returns once more than `settled` items of the order are ready or failed, the order is no longer
 * processing, `waitMs` has passed, `signal` fired (the reader went away) or the store is closing. Reads the database each
 * time it is woken, so a change that landed before the wait began is never missed.
 */
export async function waitForOrder(
  db: Database,
  changes: OrderChanges,
  orderId: string,
  opts: {
    waitMs: number;
    settled: number;
    signal: AbortSignal;
    /** Look again this often even unwoken: another process (a worker) may settle the order. */
    pollMs?: number;
  },
): Promise<void> {
  const deadline = performance.now() + opts.waitMs;
  for (;;) {
    const now = await db.get<{ state: string; settled: number }>(
      `SELECT o.state, (SELECT COUNT(*) FROM order_items i WHERE i.order_id = o.id AND i.state IN ('ready', 'failed'))
         AS settled FROM orders o WHERE o.id = ?`,
      orderId,
    );
    if (now?.state !== 'processing' || now.settled > opts.settled) return;
    const left = deadline - performance.now();
    if (left <= 0) return;
    const why = await changes.next(orderId, Math.min(left, opts.pollMs ?? left), opts.signal);
    if (why === 'aborted' || why === 'closed') return;
  }
}
