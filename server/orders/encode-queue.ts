// The encode queue: order items are the jobs, enqueued by the order's own transaction (they are
// inserted 'queued'). A worker claims one item at a time as a numbered attempt, keeps the claim with
// heartbeats, and settles or fails it only while that attempt is still its own: an attempt a reaper
// gave away (its worker stopped sending heartbeats) can never settle, fail or publish anything.
//
// On PostgreSQL the claim is SELECT … FOR UPDATE SKIP LOCKED: workers take different items without
// waiting on each other's row locks (a SERIALIZABLE conflict between two claims is re-run by the
// port). SQLite has one writer at a time, so its claim needs no lock of its own.
import type { Database } from '../db/sql/port.ts';
import type { ItemRow, OrderRow } from './order-rows.ts';

export interface Claim {
  order: OrderRow;
  item: ItemRow;
  /** The attempt this claim is; settling and failing name it. */
  attempt: number;
}

export class EncodeQueue {
  readonly #db: Database;
  readonly #now: () => number;

  constructor(db: Database, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  #iso(ms = this.#now()): string {
    return new Date(ms).toISOString();
  }

  /** The next queued item, oldest order first, as a new attempt of `worker`; none when nothing waits. */
  claim(worker: string): Promise<Claim | undefined> {
    const lock = this.#db.dialect === 'postgres' ? ' FOR UPDATE OF i SKIP LOCKED' : '';
    return this.#db.tx(async (q) => {
      const next = await q.get<{ id: string }>(
        `SELECT i.id FROM order_items i JOIN orders o ON o.id = i.order_id
         WHERE i.state = 'queued' ORDER BY o.seq, i.position LIMIT 1${lock}`,
      );
      if (!next) return undefined;
      const item = await q.get<ItemRow & { attempt: number }>(
        `UPDATE order_items SET state = 'encoding', attempt = attempt + 1, worker = ?, heartbeat_at = ?
         WHERE id = ? AND state = 'queued' RETURNING *`,
        worker,
        this.#iso(),
        next.id,
      );
      if (!item) return undefined;
      const order = (await q.get<OrderRow>('SELECT * FROM orders WHERE id = ?', item.order_id))!;
      return { order, item, attempt: item.attempt };
    });
  }

  /** Keeps a claim alive; false when the attempt is no longer this worker's (given away, settled). */
  async heartbeat(itemId: string, attempt: number): Promise<boolean> {
    const kept = await this.#db.run(
      `UPDATE order_items SET heartbeat_at = ? WHERE id = ? AND attempt = ? AND state = 'encoding'`,
      this.#iso(),
      itemId,
      attempt,
    );
    return kept.changes === 1;
  }

  /** Puts an attempt back in the queue (its worker is shutting down), unless it has moved on. */
  async release(itemId: string, attempt: number): Promise<void> {
    await this.#db.run(
      `UPDATE order_items SET state = 'queued', worker = NULL WHERE id = ? AND attempt = ? AND state = 'encoding'`,
      itemId,
      attempt,
    );
  }

  /**
   * Gives the items of workers that stopped sending heartbeats (killed, hung, cut off) back to the
   * queue; with no cutoff, every item being encoded (one node alone on its database, just started).
   * Returns how many went back.
   */
  async requeueStale(staleMs?: number): Promise<number> {
    const requeued =
      staleMs === undefined
        ? await this.#db.run(
            `UPDATE order_items SET state = 'queued', worker = NULL WHERE state = 'encoding'`,
          )
        : await this.#db.run(
            `UPDATE order_items SET state = 'queued', worker = NULL
             WHERE state = 'encoding' AND (heartbeat_at IS NULL OR heartbeat_at < ?)`,
            this.#iso(this.#now() - staleMs),
          );
    return requeued.changes;
  }

  /** Orders still processing, oldest first (a worker that starts finishes those whose items are all done). */
  async processingOrders(): Promise<OrderRow[]> {
    return this.#db.all<OrderRow>(`SELECT * FROM orders WHERE state = 'processing' ORDER BY seq`);
  }
}
