// Order creation: claim the idempotency key, check the sale (takedowns, territory) and the masters,
// then reserve the high estimate and create the order and its items in one transaction. Nothing is
// reserved when anything fails.

import { randomBytes } from 'node:crypto';
import { access } from 'node:fs/promises';
import type { EncodingId } from '../../api/schemas/encoding-catalog.ts';
import type { CreateOrderBody, Order } from '../../api/schemas/orders.ts';
import type { Ledger } from '../accounts/ledger.ts';
import type { CatalogQueries, TrackRow } from '../catalog/catalog-queries.ts';
import type { Database } from '../db/sql/port.ts';
import { StoreError } from '../errors/store-error.ts';
import { ownedTracks, trackFigure } from '../pricing/price-table.ts';
import type { SaleGate } from '../takedowns/sale-gate.ts';
import type { EncoderAvailability, ExactSizes } from '../transcode/index.ts';
import { type IdempotencyKeys, requestHash } from './idempotency.ts';
import type { OrderRow } from './order-rows.ts';
import type { OrderView } from './order-view.ts';

export const newId = (prefix: string) =>
  `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;

export interface OrderDeskDeps {
  db: Database;
  catalog: CatalogQueries;
  ledger: Ledger;
  keys: IdempotencyKeys;
  view: OrderView;
  availability: Map<EncodingId, EncoderAvailability>;
  /** Exact sizes of what is already encoded (the transcoder's cache). */
  exact: { exactSizes(trackIds: number[]): Promise<ExactSizes> };
  /** Refuses works off sale or not licensed in the buyer's country (451), and names tracks to leave out. */
  sale: SaleGate;
  /** Called after an order commits, to start its encodes. */
  onCreated: (orderId: string) => void;
}

export class OrderDesk {
  readonly #d: OrderDeskDeps;

  constructor(deps: OrderDeskDeps) {
    this.#d = deps;
  }

  async create(
    accountId: number,
    key: string,
    body: CreateOrderBody,
  ): Promise<{ status: number; body: unknown }> {
    const { keys } = this.#d;
    const canonical = { albumId: body.albumId, encoding: body.encoding, trackIds: body.trackIds ?? null };
    const claim = await keys.claim(accountId, key, requestHash(canonical));
    if (claim.kind === 'replay') return { status: claim.status, body: claim.body };
    try {
      const { tracks, territory } = await this.#selectTracks(accountId, body);
      await this.#preflight(tracks);
      const order = await this.#reserveAndCreate(accountId, key, body, tracks, territory);
      this.#d.onCreated(order.id);
      return { status: 201, body: order };
    } catch (error) {
      // Nothing was reserved or created, so a retry with the same key may run again.
      await keys.abandon(accountId, key);
      throw error;
    }
  }

  /** The tracks to sell: those asked for (or the album's), less any taken down; and the buyer's country. */
  async #selectTracks(
    accountId: number,
    body: CreateOrderBody,
  ): Promise<{ tracks: TrackRow[]; territory: string }> {
    const avail = this.#d.availability.get(body.encoding);
    if (!avail?.available) {
      throw new StoreError(
        'ENCODING_UNAVAILABLE',
        409,
        `${body.encoding} is not available: ${avail?.reason ?? 'unknown'}`,
      );
    }
    await this.#d.catalog.albumRow(body.albumId);
    const all = await this.#d.catalog.trackRows(body.albumId);
    const wanted = body.trackIds ? [...new Set(body.trackIds)] : undefined;
    const byId = new Map(all.map((t) => [t.id, t]));
    const missing = (wanted ?? []).filter((id) => !byId.has(id));
    if (missing.length > 0) {
      throw new StoreError('BAD_REQUEST', 400, `track ${missing.join(', ')} is not on album ${body.albumId}`);
    }
    // 451 for a taken-down album, a release not licensed where the buyer is, or a taken-down track
    // asked for by id; a whole-album order leaves taken-down tracks out.
    const { country, withheld } = await this.#d.sale.checkSale(body.albumId, { accountId }, wanted);
    const tracks = all.filter((t) => (wanted ? wanted.includes(t.id) : !withheld.has(t.id)));
    return { tracks, territory: country! };
  }

  /** Refuses an order whose masters are gone, before any money moves. */
  async #preflight(tracks: TrackRow[]): Promise<void> {
    for (const track of tracks) {
      try {
        await access(track.master_path);
      } catch (cause) {
        throw new StoreError('MASTER_MISSING', 503, `track ${track.id} cannot be encoded right now`, {
          cause,
        });
      }
    }
  }

  async #reserveAndCreate(
    accountId: number,
    key: string,
    body: CreateOrderBody,
    tracks: TrackRow[],
    territory: string,
  ): Promise<Order> {
    const { db, ledger } = this.#d;
    const trackIds = tracks.map((t) => t.id);
    // Read before the transaction: sizes only make the reservation exact, never looser.
    const exact = await this.#d.exact.exactSizes(trackIds);
    return db.tx(async (q) => {
      const owned = (await ownedTracks(q, accountId, trackIds)).get(body.encoding) ?? new Set<number>();
      const figures = tracks.map((t) => ({
        track: t,
        owned: owned.has(t.id),
        reserve: owned.has(t.id) ? 0 : trackFigure(t, body.encoding, exact).highBytes,
      }));
      const reserve = figures.reduce((sum, f) => sum + f.reserve, 0);
      const account = (await q.get<{ balance_bytes: number; reserved_bytes: number }>(
        'SELECT balance_bytes, reserved_bytes FROM accounts WHERE id = ?',
        accountId,
      ))!;
      const available = account.balance_bytes - account.reserved_bytes;
      if (reserve > available) {
        throw new StoreError(
          'INSUFFICIENT_BALANCE',
          402,
          `this order needs up to ${reserve} bytes but only ${available} bytes are available`,
          { params: { neededBytes: reserve, availableBytes: available } },
        );
      }
      const orderId = newId('ord');
      const now = new Date().toISOString();
      await q.run(
        `INSERT INTO orders (id, account_id, album_id, encoding, state, reserved_bytes, created_at, territory)
         VALUES (?, ?, ?, ?, 'processing', ?, ?, ?)`,
        orderId,
        accountId,
        body.albumId,
        body.encoding,
        reserve,
        now,
        territory,
      );
      for (const [position, f] of figures.entries()) {
        await q.run(
          `INSERT INTO order_items (id, order_id, position, track_id, state, reserved_bytes, already_owned)
           VALUES (?, ?, ?, ?, 'queued', ?, ?)`,
          newId('itm'),
          orderId,
          position,
          f.track.id,
          f.reserve,
          f.owned ? 1 : 0,
        );
      }
      if (reserve > 0) {
        await ledger.apply(q, {
          accountId,
          kind: 'reserve',
          amountBytes: 0,
          reservedDeltaBytes: reserve,
          orderId,
          note: body.encoding,
        });
      }
      await q.run('UPDATE albums SET sales = sales + 1 WHERE id = ?', body.albumId);
      const row = (await q.get<OrderRow>('SELECT * FROM orders WHERE id = ?', orderId))!;
      const order = await this.#d.view.build(row, q);
      await this.#d.keys.complete(q, accountId, key, 201, order);
      return order;
    });
  }
}
