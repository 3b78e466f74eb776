// Order creation: claim the idempotency key, check the sale (takedowns, territory) and the masters,
// then reserve the high estimate and create the order and its items in one transaction. Nothing is
// reserved when anything fails.

import { randomBytes } from 'node:crypto';
import { access } from 'node:fs/promises';
import type { EncodingId } from '../../api/encodings.ts';
import type { CreateOrderBody, Order } from '../../api/schemas/orders.ts';
import type { Ledger } from '../accounts/ledger.ts';
import type { CatalogQueries, TrackRow } from '../catalog/catalog-queries.ts';
import { type Db, transaction } from '../db/open-database.ts';
import { StoreError } from '../errors.ts';
import { type ExactSizes, ownedTracks, trackFigure } from '../pricing/price-table.ts';
import type { SaleGate } from '../takedowns/sale-gate.ts';
import type { EncoderAvailability } from '../transcode/index.ts';
import { type IdempotencyKeys, requestHash } from './idempotency.ts';
import type { OrderRow } from './order-rows.ts';
import type { OrderView } from './order-view.ts';

export const newId = (prefix: string) =>
  `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;

export interface OrderDeskDeps {
  db: Db;
  catalog: CatalogQueries;
  ledger: Ledger;
  keys: IdempotencyKeys;
  view: OrderView;
  availability: Map<EncodingId, EncoderAvailability>;
  exact: ExactSizes;
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
    const claim = keys.claim(accountId, key, requestHash(canonical));
    if (claim.kind === 'replay') return { status: claim.status, body: claim.body };
    try {
      const { tracks, territory } = await this.#selectTracks(accountId, body);
      await this.#preflight(tracks);
      const order = this.#reserveAndCreate(accountId, key, body, tracks, territory);
      this.#d.onCreated(order.id);
      return { status: 201, body: order };
    } catch (error) {
      // Nothing was reserved or created, so a retry with the same key may run again.
      keys.abandon(accountId, key);
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
    this.#d.catalog.albumRow(body.albumId);
    const all = this.#d.catalog.trackRows(body.albumId);
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

  #reserveAndCreate(
    accountId: number,
    key: string,
    body: CreateOrderBody,
    tracks: TrackRow[],
    territory: string,
  ): Order {
    const { db, ledger } = this.#d;
    return transaction(db, () => {
      const owned = ownedTracks(
        db,
        accountId,
        body.encoding,
        tracks.map((t) => t.id),
      );
      const figures = tracks.map((t) => ({
        track: t,
        owned: owned.has(t.id),
        reserve: owned.has(t.id) ? 0 : trackFigure(t, body.encoding, this.#d.exact).highBytes,
      }));
      const reserve = figures.reduce((sum, f) => sum + f.reserve, 0);
      const account = db
        .prepare('SELECT balance_bytes, reserved_bytes FROM accounts WHERE id = ?')
        .get(accountId) as {
        balance_bytes: number;
        reserved_bytes: number;
      };
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
      db.prepare(
        `INSERT INTO orders (id, account_id, album_id, encoding, state, reserved_bytes, created_at, territory)
         VALUES (?, ?, ?, ?, 'processing', ?, ?, ?)`,
      ).run(orderId, accountId, body.albumId, body.encoding, reserve, now, territory);
      figures.forEach((f, position) => {
        db.prepare(
          `INSERT INTO order_items (id, order_id, position, track_id, state, reserved_bytes, already_owned)
           VALUES (?, ?, ?, ?, 'queued', ?, ?)`,
        ).run(newId('itm'), orderId, position, f.track.id, f.reserve, f.owned ? 1 : 0);
      });
      if (reserve > 0) {
        ledger.apply({
          accountId,
          kind: 'reserve',
          amountBytes: 0,
          reservedDeltaBytes: reserve,
          orderId,
          note: body.encoding,
        });
      }
      db.prepare('UPDATE albums SET sales = sales + 1 WHERE id = ?').run(body.albumId);
      const row = db.prepare('SELECT * FROM orders WHERE id = ?').get(orderId) as unknown as OrderRow;
      const order = this.#d.view.build(row);
      this.#d.keys.complete(accountId, key, 201, order);
      return order;
    });
  }
}
