// Builds the API view of an order: item states, live encode progress, tag data and download links.
import { ENCODINGS } from '../../api/schemas/encoding-catalog.ts';
import type { Order, OrderItem, TagData } from '../../api/schemas/orders.ts';
import { type AlbumRow, type CatalogQueries, coverUrl, type TrackRow } from '../catalog/catalog-queries.ts';
import type { Database, Sql } from '../db/sql/port.ts';
import { StoreError } from '../errors/store-error.ts';
import type { ItemRow, OrderRow } from './order-rows.ts';
import type { SignedLinks } from './signed-links.ts';

/** What a download needs to know, in one indexed lookup (items, orders, tracks, albums by key). */
export type DownloadRow = Pick<
  ItemRow,
  'track_id' | 'state' | 'bytes' | 'sha256' | 'file_path' | 'reversed_at'
> & {
  account_id: number;
  album_id: number;
  encoding: OrderRow['encoding'];
  title: string;
  disc_number: number;
  track_number: number;
  disc_count: number;
};

export interface ProgressSource {
  progress(trackId: number, encoding: OrderRow['encoding']): number | undefined;
}

/** A file name that is harmless in a Content-Disposition header; the client does the real naming. */
export function fileName(
  track: Pick<TrackRow, 'title' | 'disc_number' | 'track_number'>,
  discTotal: number,
  extension: string,
): string {
  const title = track.title.replace(/[^\p{L}\p{N} ._()'-]+/gu, '_').slice(0, 120);
  const number = String(track.track_number).padStart(2, '0');
  return `${discTotal > 1 ? `${track.disc_number}-` : ''}${number} ${title}.${extension}`;
}

export class OrderView {
  readonly #db: Database;
  readonly #catalog: CatalogQueries;
  readonly #links: SignedLinks;
  readonly #progress: ProgressSource;

  constructor(db: Database, catalog: CatalogQueries, links: SignedLinks, progress: ProgressSource) {
    this.#db = db;
    this.#catalog = catalog;
    this.#links = links;
    this.#progress = progress;
  }

  async orderRow(accountId: number, orderId: string): Promise<OrderRow> {
    // Another account's order is "not found", never "forbidden": ids must not leak.
    const row = await this.#db.get<OrderRow>(
      'SELECT * FROM orders WHERE id = ? AND account_id = ?',
      orderId,
      accountId,
    );
    if (!row) throw new StoreError('NOT_FOUND', 404, `order ${orderId} not found`);
    return row;
  }

  /** A page of the account's orders, newest first, before the order numbered `before`. */
  listRows(accountId: number, before: number, limit: number): Promise<(OrderRow & { item_count: number })[]> {
    return this.#db.all(
      `SELECT o.*, (SELECT COUNT(*) FROM order_items i WHERE i.order_id = o.id) AS item_count FROM orders o
       WHERE o.account_id = ? AND o.seq < ? ORDER BY o.seq DESC LIMIT ?`,
      accountId,
      before,
      limit,
    );
  }

  /** What serving an item's file needs; a download is the store's hottest request, so one indexed read. */
  downloadRow(itemId: string, orderId: string): Promise<DownloadRow | undefined> {
    return this.#db.get<DownloadRow>(
      `SELECT i.track_id, i.state, i.bytes, i.sha256, i.file_path, i.reversed_at, o.account_id, o.album_id,
         o.encoding, t.title, t.disc_number, t.track_number, a.disc_count
       FROM order_items i JOIN orders o ON o.id = i.order_id JOIN tracks t ON t.id = i.track_id
       JOIN albums a ON a.id = o.album_id
       WHERE i.id = ? AND i.order_id = ?`,
      itemId,
      orderId,
    );
  }

  tagData(album: AlbumRow, track: TrackRow, tracks: TrackRow[], artists: string[], orderId: string): TagData {
    const sizes = JSON.parse(album.cover_sizes) as number[];
    const discTotal = Math.max(...tracks.map((t) => t.disc_number));
    return {
      title: track.title,
      artists,
      album: album.title,
      albumArtist: album.artist_name,
      trackNumber: track.track_number,
      trackTotal: tracks.filter((t) => t.disc_number === track.disc_number).length,
      discNumber: track.disc_number,
      discTotal,
      year: album.year,
      date: album.release_date,
      genres: JSON.parse(album.genres) as string[],
      label: album.label,
      isrc: track.isrc,
      storeIds: { trackId: track.id, albumId: album.id, artistId: album.artist_id, orderId },
      coverUrl: sizes.length > 0 ? coverUrl(album.id, Math.max(...sizes)) : null,
      replayGain: {
        trackGainDb: track.rg_gain,
        trackPeak: track.rg_peak,
        albumGainDb: album.rg_gain,
        albumPeak: album.rg_peak,
      },
    };
  }

  /** The order as the API shows it; `q` reads it inside a transaction that has just changed it. */
  async build(order: OrderRow, q: Sql = this.#db): Promise<Order> {
    const album = await this.#catalog.albumRow(order.album_id, q);
    const tracks = await this.#catalog.trackRows(order.album_id, q);
    const byId = new Map(tracks.map((t) => [t.id, t]));
    const items = await q.all<ItemRow>(
      'SELECT * FROM order_items WHERE order_id = ? ORDER BY position',
      order.id,
    );
    const artists = await this.#catalog.trackArtists(items.map((i) => i.track_id));
    const discTotal = Math.max(...tracks.map((t) => t.disc_number));
    const spec = ENCODINGS[order.encoding];
    return {
      id: order.id,
      albumId: order.album_id,
      encoding: order.encoding,
      state: order.state,
      reservedBytes: order.reserved_bytes,
      chargedBytes: order.charged_bytes,
      createdAt: order.created_at,
      completedAt: order.completed_at,
      items: items.map((item): OrderItem => {
        const track = byId.get(item.track_id)!;
        const url = `/v1/orders/${order.id}/items/${item.id}/file`;
        const link = this.#links.create(item.id);
        return {
          id: item.id,
          trackId: item.track_id,
          state: item.state,
          progress:
            item.state === 'ready'
              ? 1
              : item.state === 'encoding'
                ? (this.#progress.progress(item.track_id, order.encoding) ?? 0)
                : null,
          bytes: item.bytes,
          sha256: item.sha256,
          reservedBytes: item.reserved_bytes,
          chargedBytes: item.charged_bytes,
          alreadyOwned: item.already_owned === 1,
          error: item.error_code ? { code: item.error_code, message: item.error_message ?? '' } : null,
          fileName: fileName(track, discTotal, spec.extension),
          download:
            item.state === 'ready'
              ? {
                  url,
                  signedUrl: `${url}?expires=${link.expires}&sig=${link.sig}`,
                  expiresAt: new Date(link.expires * 1000).toISOString(),
                }
              : null,
          tags: this.tagData(
            album,
            track,
            tracks,
            (artists.get(track.id) ?? []).map((a) => a.name),
            order.id,
          ),
        };
      }),
    };
  }
}
