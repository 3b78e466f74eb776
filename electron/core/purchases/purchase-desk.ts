// Purchases: the encoding table before buying, a balance-aware check, and orders whose
// Idempotency-Key is stored before the first send, so no crash or retry ever buys twice.
import { randomUUID } from 'node:crypto';
import { ENCODINGS, type EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { Order, OrderItem } from '../../../api/schemas/orders.ts';
import type { EncodingQuote, EncodingTable } from '../../shared/app-api/domain.ts';
import { asMegadiscError } from '../../shared/as-megadisc-error.ts';
import { MegadiscError } from '../../shared/errors.ts';
import type { EngineEvents } from '../events/engine-events.ts';
import type { LedgerMirror } from '../ledger/ledger-mirror.ts';
import { inTransaction, type ProfileDb } from '../profile/open-profile.ts';
import { routes, type StoreClient } from '../store-client/store-client.ts';
import { findPurchase, type PurchaseRow } from './purchase-records.ts';

export type { EncodingQuote, EncodingTable, PurchaseRow };

/** What a sent order does to the download queue (the JobStore): declared here, since downloads
 * depend on purchases and not the other way round. */
export interface OrderJobs {
  addForOrder(purchaseId: number, orderId: string, items: OrderItem[]): void;
  applyOrderItem(item: OrderItem): void;
}

/** What buying did, once the purchase is recorded (before that, place and buy throw: nothing was bought). */
export type PlacedPurchase =
  | { outcome: 'ordered'; purchase: PurchaseRow }
  | {
      /**
       * sendLater: the store did not answer (out of reach, 5xx), so the purchase stays pending and is
       * sent again with the same key; refused: the store refused the order for good (the purchase is
       * failed), or recording its order failed.
       */
      outcome: 'sendLater' | 'refused';
      purchase: PurchaseRow;
      error: unknown;
    };

/** Whether a send that failed leaves the purchase pending, to be sent again with the same key. */
export function sendsAgainLater(error: unknown): boolean {
  return error instanceof MegadiscError && (error.retryable || error.code === 'STORE_UNREACHABLE');
}

const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

export class PurchaseDesk {
  readonly #db: ProfileDb;
  readonly #client: StoreClient;
  readonly #jobs: OrderJobs;
  readonly #ledger: LedgerMirror;
  readonly #events: EngineEvents;
  readonly #scope: { store: string; accountId: number };

  constructor(opts: {
    db: ProfileDb;
    client: StoreClient;
    jobs: OrderJobs;
    ledger: LedgerMirror;
    events: EngineEvents;
    scope: { store: string; accountId: number };
  }) {
    this.#db = opts.db;
    this.#client = opts.client;
    this.#jobs = opts.jobs;
    this.#ledger = opts.ledger;
    this.#events = opts.events;
    this.#scope = opts.scope;
  }

  /** Bytes that local purchases not yet accepted by the store may still reserve. */
  heldByQueue(): number {
    const row = this.#db
      .prepare(
        `SELECT COALESCE(SUM(high_bytes), 0) AS held FROM purchases WHERE state = 'pending' AND store = ? AND account_id = ?`,
      )
      .get(this.#scope.store, this.#scope.accountId) as { held: number };
    return row.held;
  }

  async encodingTable(albumId: number, trackIds?: number[]): Promise<EncodingTable> {
    const album = await this.#client.call(routes.album, { params: { id: albumId } });
    const ids = trackIds ?? album.discs.flatMap((d) => d.tracks.map((t) => t.id));
    const [prices, balance] = await Promise.all([
      this.#client.call(routes.prices, {
        params: { id: albumId },
        query: trackIds ? { trackIds: ids.join(',') } : {},
      }),
      this.#ledger.sync(this.#client),
    ]);
    const held = this.heldByQueue();
    const free = balance.availableBytes - held;
    const quotes = prices.encodings.map((p) => ({
      encoding: p.encoding,
      label: ENCODINGS[p.encoding].label,
      available: p.available,
      unavailableReason: p.unavailableReason,
      bytes: p.bytes,
      exact: p.exact,
      lowBytes: p.lowBytes,
      highBytes: p.highBytes,
      price: p.price.display,
      chargeBytes: p.chargeBytes,
      chargeHighBytes: p.chargeHighBytes,
      chargePrice: p.chargePrice.display,
      chargeMoney: { micros: p.chargePrice.micros, currency: p.chargePrice.currency },
      ownedAll: p.tracks.every((t) => t.owned),
      balanceAfterBytes: free - p.chargeBytes,
      fits: p.chargeHighBytes <= free,
    }));
    return { album, trackIds: ids, balance, heldByQueueBytes: held, quotes };
  }

  /** place, for a caller that wants the ordered purchase or a thrown error (the CLI). */
  async buy(albumId: number, encoding: EncodingId, trackIds?: number[]): Promise<PurchaseRow> {
    const placed = await this.place(albumId, encoding, trackIds);
    if (placed.outcome !== 'ordered') throw placed.error;
    return placed.purchase;
  }

  /** Checks the balance, records the purchase with its key, then sends it, and says what came of it. */
  async place(albumId: number, encoding: EncodingId, trackIds?: number[]): Promise<PlacedPurchase> {
    const recorded = await this.#record(albumId, encoding, trackIds);
    try {
      return { outcome: 'ordered', purchase: await this.send(recorded) };
    } catch (error) {
      const purchase = this.get(recorded.id);
      if (purchase.state === 'pending' && sendsAgainLater(error))
        return { outcome: 'sendLater', purchase, error };
      return { outcome: 'refused', purchase, error };
    }
  }

  /** The pending purchase with its Idempotency-Key, once the quote is available and fits the balance. */
  async #record(albumId: number, encoding: EncodingId, trackIds?: number[]): Promise<PurchaseRow> {
    const table = await this.encodingTable(albumId, trackIds);
    const quote = table.quotes.find((q) => q.encoding === encoding)!;
    if (!quote.available) {
      throw new MegadiscError(
        'ENCODING_UNAVAILABLE',
        `${encoding} is not available: ${quote.unavailableReason}`,
      );
    }
    if (!quote.fits) {
      const held =
        table.heldByQueueBytes > 0 ? ` (${mb(table.heldByQueueBytes)} is held by queued purchases)` : '';
      throw new MegadiscError(
        'INSUFFICIENT_BALANCE',
        `this purchase may cost up to ${mb(quote.chargeHighBytes)} but only ` +
          `${mb(table.balance.availableBytes - table.heldByQueueBytes)} is available${held}; top up with a voucher`,
      );
    }
    const id = Number(
      this.#db
        .prepare(
          `INSERT INTO purchases (store, account_id, idempotency_key, album_id, album_title, artist_name, encoding,
             track_ids, high_bytes, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
        )
        .run(
          this.#scope.store,
          this.#scope.accountId,
          randomUUID(),
          albumId,
          table.album.title,
          table.album.artist.name,
          encoding,
          trackIds ? JSON.stringify(trackIds) : null,
          quote.chargeHighBytes,
          new Date().toISOString(),
        ).lastInsertRowid,
    );
    this.#events.emit('purchase-state', { purchaseId: id, state: 'pending', orderId: null });
    return this.get(id);
  }

  get(id: number): PurchaseRow {
    const row = findPurchase(this.#db, id);
    if (!row) throw new MegadiscError('NOT_FOUND', `no purchase ${id}`);
    return row;
  }

  pending(): PurchaseRow[] {
    return this.#db
      .prepare(`SELECT * FROM purchases WHERE state = 'pending' AND store = ? AND account_id = ? ORDER BY id`)
      .all(this.#scope.store, this.#scope.accountId) as unknown as PurchaseRow[];
  }

  /** Sends a pending purchase with its stored key: a repeat after a crash gets the first answer back. */
  async send(purchase: PurchaseRow): Promise<PurchaseRow> {
    if (purchase.state !== 'pending') return purchase;
    let order: Order;
    try {
      order = await this.#client.call(routes.createOrder, {
        body: {
          albumId: purchase.album_id,
          encoding: purchase.encoding,
          ...(purchase.track_ids ? { trackIds: JSON.parse(purchase.track_ids) as number[] } : {}),
        },
        headers: { 'idempotency-key': purchase.idempotency_key },
      });
    } catch (error) {
      const e = asMegadiscError(error);
      // Unreachable store or a 5xx: the purchase stays pending and is sent again with the same key.
      if (sendsAgainLater(e)) throw e;
      this.#db
        .prepare(`UPDATE purchases SET state = 'failed', error_code = ?, error_message = ? WHERE id = ?`)
        .run(e.code, e.message, purchase.id);
      this.#events.emit('purchase-state', {
        purchaseId: purchase.id,
        state: 'failed',
        orderId: null,
        error: e.message,
      });
      throw e;
    }
    inTransaction(this.#db, () => {
      this.#db
        .prepare(`UPDATE purchases SET state = 'ordered', order_id = ? WHERE id = ?`)
        .run(order.id, purchase.id);
      this.#jobs.addForOrder(purchase.id, order.id, order.items);
      for (const item of order.items) this.#jobs.applyOrderItem(item);
    });
    this.#events.emit('purchase-state', { purchaseId: purchase.id, state: 'ordered', orderId: order.id });
    return this.get(purchase.id);
  }
}
