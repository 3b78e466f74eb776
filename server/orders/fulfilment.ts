// Drives orders to completion: encodes each item, settles it at the exact size, then releases
// whatever is left of the order's reservation. Resumes unfinished orders after a restart.
import type { EncodingId } from '../../api/encodings.ts';
import type { Ledger } from '../accounts/ledger.ts';
import type { CatalogQueries } from '../catalog/catalog-queries.ts';
import type { Database } from '../db/sql/port.ts';
import { toStoredPath } from '../db/stored-path.ts';
import { StoreError } from '../errors.ts';
import type { RoyaltyBook } from '../royalties/royalty-book.ts';
import type { EncodeRecord, EncodeRequest } from '../transcode/index.ts';
import type { OrderChanges } from './order-changes.ts';
import type { ItemRow, OrderRow } from './order-rows.ts';

export interface Encoder {
  ensure(req: EncodeRequest, onProgress?: (fraction: number) => void): Promise<EncodeRecord>;
}

export class Fulfilment {
  readonly #db: Database;
  readonly #ledger: Ledger;
  readonly #catalog: CatalogQueries;
  readonly #encoder: Encoder;
  readonly #running = new Map<string, Promise<void>>();
  readonly #log: (msg: string) => void;
  readonly #dataDir: string;
  readonly #royalties: RoyaltyBook | undefined;
  readonly #currency: string;
  readonly #changes: OrderChanges | undefined;
  #stopping = false;

  constructor(opts: {
    db: Database;
    dataDir: string;
    ledger: Ledger;
    catalog: CatalogQueries;
    encoder: Encoder;
    royalties?: RoyaltyBook;
    currency?: string;
    /** Told after each item is settled or failed and when an order finishes (long-polling readers). */
    changes?: OrderChanges;
    log?: (msg: string) => void;
  }) {
    this.#db = opts.db;
    this.#dataDir = opts.dataDir;
    this.#ledger = opts.ledger;
    this.#catalog = opts.catalog;
    this.#encoder = opts.encoder;
    this.#royalties = opts.royalties;
    this.#currency = opts.currency ?? 'USD';
    this.#changes = opts.changes;
    this.#log = opts.log ?? (() => {});
  }

  /** Starts (or joins) the work on one order; resolves when every item is ready or failed. */
  start(orderId: string): Promise<void> {
    let run = this.#running.get(orderId);
    if (!run) {
      run = this.#run(orderId).finally(() => this.#running.delete(orderId));
      this.#running.set(orderId, run);
    }
    return run;
  }

  /** After a restart: items caught mid-encode go back to the queue and their orders carry on. */
  async resumeUnfinished(): Promise<string[]> {
    const ids = await this.#db.all<{ id: string }>(`SELECT id FROM orders WHERE state = 'processing'`);
    await this.#db.run(`UPDATE order_items SET state = 'queued' WHERE state = 'encoding'`);
    for (const { id } of ids) void this.start(id);
    return ids.map((r) => r.id);
  }

  /** Shutdown: encodes interrupted from now on go back to the queue instead of failing. */
  stop(): void {
    this.#stopping = true;
  }

  /** Waits for every order in flight (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running.values()]);
  }

  async #run(orderId: string): Promise<void> {
    const order = await this.#db.get<OrderRow>('SELECT * FROM orders WHERE id = ?', orderId);
    if (!order) return;
    const tracks = new Map((await this.#catalog.trackRows(order.album_id)).map((t) => [t.id, t]));
    const items = await this.#db.all<ItemRow>(
      `SELECT * FROM order_items WHERE order_id = ? AND state = 'queued' ORDER BY position`,
      orderId,
    );
    await Promise.all(
      items.map(async (item) => {
        const track = tracks.get(item.track_id)!;
        // Taken only if still queued: another run of this order (another node) may have it.
        const taken = await this.#db.run(
          `UPDATE order_items SET state = 'encoding' WHERE id = ? AND state = 'queued'`,
          item.id,
        );
        if (taken.changes !== 1) return;
        try {
          const record = await this.#encoder.ensure({
            trackId: track.id,
            masterPath: track.master_path,
            durationMs: track.duration_ms,
            encoding: order.encoding,
          });
          await this.#settle(order, item, record);
          this.#changes?.notify(orderId);
        } catch (error) {
          if (this.#stopping) {
            await this.#db
              .run(`UPDATE order_items SET state = 'queued' WHERE id = ? AND state = 'encoding'`, item.id)
              .catch(() => {});
            return;
          }
          const code = error instanceof StoreError ? error.code : 'ENCODE_FAILED';
          const message = error instanceof Error ? error.message : String(error);
          this.#log(`order ${orderId} item ${item.id}: ${code} ${message}`);
          await this.#db.run(
            `UPDATE order_items SET state = 'failed', error_code = ?, error_message = ?
             WHERE id = ? AND state = 'encoding'`,
            code,
            message.slice(0, 500),
            item.id,
          );
          this.#changes?.notify(orderId);
        }
      }),
    );
    if (!this.#stopping) {
      await this.#finish(order);
      this.#changes?.notify(orderId);
    }
  }

  /**
   * Charges the item and publishes its file, once: the claim on the item (still 'encoding') is the
   * first statement, so a second attempt at the same item changes nothing and charges nothing.
   */
  async #settle(order: OrderRow, item: ItemRow, record: EncodeRecord): Promise<void> {
    await this.#db.tx(async (q) => {
      const claimed = await q.run(
        `UPDATE order_items SET state = 'ready', bytes = ?, sha256 = ?, file_path = ?, ready_at = ?
         WHERE id = ? AND state = 'encoding'`,
        record.bytes,
        record.sha256,
        toStoredPath(this.#dataDir, record.path),
        new Date().toISOString(),
        item.id,
      );
      if (claimed.changes !== 1) return;
      let charged = 0;
      if (item.already_owned === 0) {
        const account = (await q.get<{ balance_bytes: number; reserved_bytes: number }>(
          'SELECT balance_bytes, reserved_bytes FROM accounts WHERE id = ?',
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
            territory: order.territory ?? (await this.#countryOf(order.account_id)),
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
    });
  }

  async #countryOf(accountId: number): Promise<string> {
    const row = await this.#db.get<{ country: string }>(
      'SELECT country FROM accounts WHERE id = ?',
      accountId,
    );
    return row?.country ?? 'ZZ';
  }

  async #finish(order: OrderRow): Promise<void> {
    await this.#db.tx(async (q) => {
      const items = await q.all<ItemRow>('SELECT * FROM order_items WHERE order_id = ?', order.id);
      if (items.some((i) => i.state === 'queued' || i.state === 'encoding')) return;
      const consumed = items
        .filter((i) => i.state === 'ready')
        .reduce((sum, i) => sum + Math.min(i.charged_bytes ?? 0, i.reserved_bytes), 0);
      const leftover = order.reserved_bytes - consumed;
      const ready = items.filter((i) => i.state === 'ready').length;
      const state = ready === items.length ? 'complete' : ready === 0 ? 'failed' : 'partial';
      // Once: a second finisher (another node) finds the order no longer processing.
      const finished = await q.run(
        `UPDATE orders SET state = ?, completed_at = ? WHERE id = ? AND state = 'processing'`,
        state,
        new Date().toISOString(),
        order.id,
      );
      if (finished.changes !== 1) return;
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
    });
  }
}
