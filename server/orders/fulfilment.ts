// Drives orders to completion: the store's encode worker. It claims queued items from the encode
// queue (server/orders/encode-queue.ts) as many at a time as it may encode, encodes each (the
// transcoder's cache answers at once for what is already encoded), settles it at the exact size and
// finishes the order once nothing is left to encode (item-books.ts). Every process that encodes
// runs one: the store's own (unless it serves only) and each `megadisc server worker`.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { CatalogQueries } from '../catalog/catalog-queries.ts';
import { DbError } from '../db/sql/db-error.ts';
import type { Database, Dialect, NoticeChannel } from '../db/sql/port.ts';
import { StoreError } from '../errors/store-error.ts';
import type { EncodeRecord, EncodeRequest } from '../transcode/index.ts';
import type { Claim, EncodeQueue } from './encode-queue.ts';
import type { ItemBooks } from './item-books.ts';
import type { OrderChanges } from './order-changes.ts';

export interface Encoder {
  ensure(req: EncodeRequest, onProgress?: (fraction: number) => void): Promise<EncodeRecord>;
}

export interface FulfilmentOptions {
  queue: EncodeQueue;
  books: ItemBooks;
  catalog: CatalogQueries;
  encoder: Encoder;
  /** Which engine holds the queue: a SQLite store is one node, so what it was encoding when it stopped is its own. */
  dialect: Dialect;
  /** Items encoded at once (default 2). */
  slots?: number;
  /** This worker's name in the queue; default host/pid/random. */
  worker?: string;
  heartbeatMs?: number;
  /** A claim without a heartbeat for this long goes back to the queue. */
  staleMs?: number;
  /** How often an idle worker looks for work that other processes queued. */
  pollMs?: number;
  /** Told after each item is settled or failed and when an order finishes (long-polling readers). */
  changes?: OrderChanges;
  /**
   * Notices between processes on one database (PostgreSQL): new work wakes idle workers elsewhere
   * at once, and a settled item wakes the long polls of the other nodes. Without them, pollMs.
   */
  notices?: Pick<Database, 'notify' | 'listen'>;
  log?: (msg: string) => void;
}

export const DEFAULT_HEARTBEAT_MS = 1000;
export const DEFAULT_STALE_MS = 5000;

export class Fulfilment {
  readonly #o: Required<Omit<FulfilmentOptions, 'changes' | 'notices' | 'log'>> &
    Pick<FulfilmentOptions, 'changes' | 'notices'>;
  #unlisten: Promise<(() => Promise<void>) | undefined> | undefined;
  readonly #log: (msg: string) => void;
  readonly #running = new Set<Promise<void>>();
  #loop: Promise<void> | undefined;
  #nudge: (() => void) | undefined;
  #stopping = false;

  constructor(opts: FulfilmentOptions) {
    this.#o = {
      slots: 2,
      worker: `${hostname()}/${process.pid}/${randomBytes(3).toString('hex')}`,
      heartbeatMs: DEFAULT_HEARTBEAT_MS,
      staleMs: DEFAULT_STALE_MS,
      pollMs: 500,
      ...opts,
    };
    this.#log = opts.log ?? (() => {});
  }

  /** This worker's name in the queue. */
  get worker(): string {
    return this.#o.worker;
  }

  /** New work was queued in this process: look now rather than at the next poll, and say so to the others. */
  start(_orderId?: string): void {
    this.#nudge?.();
    this.#tell('megadisc_work', '');
  }

  #tell(channel: NoticeChannel, payload: string): void {
    this.#o.notices?.notify?.(channel, payload).catch(() => {});
  }

  /**
   * Recovers and starts working: items caught mid-encode go back to the queue (on SQLite all of
   * them; on PostgreSQL those whose worker stopped sending heartbeats), orders left with nothing to
   * encode are finished, and the claiming loop begins. Returns the orders still processing.
   */
  async resumeUnfinished(): Promise<string[]> {
    const { queue } = this.#o;
    await queue.requeueStale(this.#o.dialect === 'sqlite' ? undefined : this.#o.staleMs);
    const processing = await queue.processingOrders();
    for (const order of processing) await this.#o.books.finish(order);
    // Work queued by other processes wakes this worker at once (the poll stays, for lost notices).
    this.#unlisten ??= this.#o.notices
      ?.listen?.('megadisc_work', () => this.#nudge?.())
      .catch((error: Error) => {
        this.#log(`encode queue: not listening for new work (${error.message}); polling`);
        return undefined;
      });
    // Listening before the first look: work queued from here on is heard, or found by that look.
    await this.#unlisten;
    this.#loop ??= this.#claimLoop();
    return processing.map((o) => o.id);
  }

  /** Shutdown: no new claims; encodes interrupted from now on go back to the queue instead of failing. */
  stop(): void {
    this.#stopping = true;
    this.#nudge?.();
  }

  /** Waits for the loop and every item in flight (shutdown, after stop()). */
  async idle(): Promise<void> {
    await (await this.#unlisten)?.();
    await this.#loop;
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  async #claimLoop(): Promise<void> {
    let lastReap = 0;
    while (!this.#stopping) {
      try {
        if (performance.now() - lastReap >= this.#o.staleMs / 2) {
          lastReap = performance.now();
          const back = await this.#o.queue.requeueStale(this.#o.staleMs);
          if (back > 0) {
            this.#log(`${back} item(s) of stopped workers back in the queue`);
            this.#tell('megadisc_work', '');
          }
        }
        while (!this.#stopping && this.#running.size < this.#o.slots) {
          const claim = await this.#o.queue.claim(this.#o.worker);
          if (!claim) break;
          const work = this.#work(claim).finally(() => {
            this.#running.delete(work);
            this.#nudge?.();
          });
          this.#running.add(work);
        }
      } catch (error) {
        // The database is away (a restart, a failover): keep the claims in flight, try again later.
        this.#log(`encode queue: ${(error as Error).message}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(wake, this.#o.pollMs);
        function wake() {
          clearTimeout(timer);
          resolve();
        }
        this.#nudge = wake;
      });
      this.#nudge = undefined;
    }
  }

  async #work({ order, item, attempt }: Claim): Promise<void> {
    const { books, queue } = this.#o;
    // Heartbeats keep the claim; a failed one (database away) is retried at the next beat.
    const beat = setInterval(
      () => void queue.heartbeat(item.id, attempt).catch(() => {}),
      this.#o.heartbeatMs,
    );
    try {
      const track = (await this.#o.catalog.trackRows(order.album_id)).find((t) => t.id === item.track_id);
      if (!track) throw new StoreError('MASTER_MISSING', 500, `track ${item.track_id} is not in the catalog`);
      const record = await this.#o.encoder.ensure({
        trackId: track.id,
        masterPath: track.master_path,
        durationMs: track.duration_ms,
        encoding: order.encoding,
      });
      await books.settle(order, item, attempt, record);
    } catch (error) {
      // Shutting down, or the database went away mid-settle: the item is not at fault, so it goes
      // back to the queue (or, if even that cannot be written, to the reaper).
      if (this.#stopping || error instanceof DbError) {
        await queue.release(item.id, attempt).catch(() => {});
        if (this.#stopping) return;
      }
      const code = error instanceof StoreError ? error.code : 'ENCODE_FAILED';
      const message = error instanceof Error ? error.message : String(error);
      this.#log(`order ${order.id} item ${item.id}: ${code} ${message}`);
      if (!(error instanceof DbError))
        await books.fail(item, attempt, code, message).catch((e: Error) => {
          // Left 'encoding': the reaper gives it to another attempt once the database is back.
          this.#log(`order ${order.id} item ${item.id}: could not record the failure: ${e.message}`);
        });
    } finally {
      clearInterval(beat);
    }
    this.#changed(order.id);
    if (await books.finish(order).catch(() => false)) this.#changed(order.id);
  }

  /** An order changed: its long polls here, and on the other nodes, look again. */
  #changed(orderId: string): void {
    this.#o.changes?.notify(orderId);
    this.#tell('megadisc_orders', orderId);
  }
}
