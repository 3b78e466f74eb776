// Drives orders to completion: encodes each item, settles it at the exact size, then releases
// whatever is left of the order's reservation. Resumes unfinished orders after a restart.
import type { EncodingId } from '../../api/encodings.ts';
import type { Ledger } from '../accounts/ledger.ts';
import type { CatalogQueries } from '../catalog/catalog-queries.ts';
import { type Db, transaction } from '../db/open-database.ts';
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
  readonly #db: Db;
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
    db: Db;
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
  resumeUnfinished(): string[] {
    const ids = this.#db.prepare(`SELECT id FROM orders WHERE state = 'processing'`).all() as {
      id: string;
    }[];
    this.#db.prepare(`UPDATE order_items SET state = 'queued' WHERE state = 'encoding'`).run();
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
    const order = this.#db.prepare('SELECT * FROM orders WHERE id = ?').get(orderId) as OrderRow | undefined;
    if (!order) return;
    const tracks = new Map(this.#catalog.trackRows(order.album_id).map((t) => [t.id, t]));
    const items = this.#db
      .prepare(`SELECT * FROM order_items WHERE order_id = ? AND state = 'queued' ORDER BY position`)
      .all(orderId) as unknown as ItemRow[];
    await Promise.all(
      items.map(async (item) => {
        const track = tracks.get(item.track_id)!;
        this.#db.prepare(`UPDATE order_items SET state = 'encoding' WHERE id = ?`).run(item.id);
        try {
          const record = await this.#encoder.ensure({
            trackId: track.id,
            masterPath: track.master_path,
            durationMs: track.duration_ms,
            encoding: order.encoding,
          });
          this.#settle(order, item, record);
          this.#changes?.notify(orderId);
        } catch (error) {
          if (this.#stopping) {
            this.#db.prepare(`UPDATE order_items SET state = 'queued' WHERE id = ?`).run(item.id);
            return;
          }
          const code = error instanceof StoreError ? error.code : 'ENCODE_FAILED';
          const message = error instanceof Error ? error.message : String(error);
          this.#log(`order ${orderId} item ${item.id}: ${code} ${message}`);
          this.#db
            .prepare(
              `UPDATE order_items SET state = 'failed', error_code = ?, error_message = ? WHERE id = ?`,
            )
            .run(code, message.slice(0, 500), item.id);
          this.#changes?.notify(orderId);
        }
      }),
    );
    if (!this.#stopping) {
      this.#finish(order);
      this.#changes?.notify(orderId);
    }
  }

  #settle(order: OrderRow, item: ItemRow, record: EncodeRecord): void {
    const db = this.#db;
    transaction(db, () => {
      let charged = 0;
      if (item.already_owned === 0) {
        const account = db
          .prepare('SELECT balance_bytes, reserved_bytes FROM accounts WHERE id = ?')
          .get(order.account_id) as { balance_bytes: number; reserved_bytes: number };
        // The reservation is generous, so the exact size fits it; should an encode ever outgrow it,
        // the excess comes from the free balance, and what the buyer cannot cover is on the store.
        const free = account.balance_bytes - account.reserved_bytes;
        charged = Math.min(record.bytes, item.reserved_bytes + Math.max(0, free));
        const consumed = Math.min(charged, item.reserved_bytes);
        const settled = this.#ledger.apply({
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
          this.#royalties?.record({
            ledgerId: settled.id,
            orderId: order.id,
            itemId: item.id,
            trackId: item.track_id,
            territory: order.territory ?? this.#countryOf(order.account_id),
            units: 1,
            bytes: charged,
            revenueMicros: settled.takes.reduce((sum, t) => sum + t.micros, 0),
            currency: this.#currency,
            createdAt: settled.createdAt,
          });
      }
      db.prepare(
        `UPDATE order_items SET state = 'ready', bytes = ?, sha256 = ?, file_path = ?, charged_bytes = ?, ready_at = ?
         WHERE id = ?`,
      ).run(
        record.bytes,
        record.sha256,
        toStoredPath(this.#dataDir, record.path),
        charged,
        new Date().toISOString(),
        item.id,
      );
      db.prepare('UPDATE orders SET charged_bytes = charged_bytes + ? WHERE id = ?').run(charged, order.id);
      db.prepare(
        `INSERT OR IGNORE INTO ownership (account_id, track_id, encoding, item_id) VALUES (?, ?, ?, ?)`,
      ).run(order.account_id, item.track_id, order.encoding as EncodingId, item.id);
    });
  }

  #countryOf(accountId: number): string {
    const row = this.#db.prepare('SELECT country FROM accounts WHERE id = ?').get(accountId) as
      | { country: string }
      | undefined;
    return row?.country ?? 'ZZ';
  }

  #finish(order: OrderRow): void {
    const db = this.#db;
    transaction(db, () => {
      const items = db
        .prepare('SELECT * FROM order_items WHERE order_id = ?')
        .all(order.id) as unknown as ItemRow[];
      if (items.some((i) => i.state === 'queued' || i.state === 'encoding')) return;
      const consumed = items
        .filter((i) => i.state === 'ready')
        .reduce((sum, i) => sum + Math.min(i.charged_bytes ?? 0, i.reserved_bytes), 0);
      const leftover = order.reserved_bytes - consumed;
      if (leftover > 0) {
        this.#ledger.apply({
          accountId: order.account_id,
          kind: 'release',
          amountBytes: 0,
          reservedDeltaBytes: -leftover,
          orderId: order.id,
          note: 'unused reservation',
        });
      }
      const ready = items.filter((i) => i.state === 'ready').length;
      const state = ready === items.length ? 'complete' : ready === 0 ? 'failed' : 'partial';
      db.prepare('UPDATE orders SET state = ?, completed_at = ? WHERE id = ?').run(
        state,
        new Date().toISOString(),
        order.id,
      );
    });
  }
}
