// What the store last said about selling each album, kept in the profile: the library marks owned
// albums that are no longer sold, even with the store out of reach.
import type { AlbumAvailability, KnownAvailability } from '../../shared/app-api/domain.ts';
import type { OwnedAvailability } from '../../shared/app-api/views.ts';
import { inTransaction, type ProfileDb } from '../profile/open-profile.ts';
import type { StoreClient } from '../store-client/store-client.ts';
import { fromStore } from './from-store.ts';

interface Row {
  state: KnownAvailability['state'];
  reason: string | null;
  notice_url: string | null;
  redownload: number;
  checked_at: string;
}

const COLUMNS = 'v.state, v.reason, v.notice_url, v.redownload, v.checked_at';

export function toKnownAvailability(row: Row | undefined | null): KnownAvailability | null {
  if (!row?.state) return null;
  return {
    state: row.state,
    reason: row.reason,
    noticeUrl: row.notice_url,
    redownload: row.redownload === 1,
    checkedAt: row.checked_at,
  };
}

export class AvailabilityBook {
  readonly #db: ProfileDb;

  constructor(db: ProfileDb) {
    this.#db = db;
  }

  /** Records the store's answers; returns how many differ from what was known before. */
  record(
    store: string,
    answers: Map<number, AlbumAvailability>,
    checkedAt = new Date().toISOString(),
  ): number {
    return inTransaction(this.#db, () => {
      let changed = 0;
      for (const [albumId, a] of answers) {
        const before = this.get(store, albumId);
        if (
          !before ||
          before.state !== a.state ||
          before.reason !== a.reason ||
          before.noticeUrl !== a.noticeUrl ||
          before.redownload !== a.redownload
        ) {
          changed++;
        }
        this.#db
          .prepare(
            `INSERT INTO album_availability (store, store_album_id, state, reason, notice_url, redownload, checked_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (store, store_album_id) DO UPDATE SET state = excluded.state, reason = excluded.reason,
               notice_url = excluded.notice_url, redownload = excluded.redownload, checked_at = excluded.checked_at`,
          )
          .run(store, albumId, a.state, a.reason, a.noticeUrl, a.redownload ? 1 : 0, checkedAt);
      }
      return changed;
    });
  }

  get(store: string, storeAlbumId: number): KnownAvailability | null {
    const row = this.#db
      .prepare(`SELECT ${COLUMNS} FROM album_availability v WHERE v.store = ? AND v.store_album_id = ?`)
      .get(store, storeAlbumId) as Row | undefined;
    return toKnownAvailability(row);
  }

  /** Every library album the store has answered for, by library album id. */
  owned(): OwnedAvailability[] {
    const rows = this.#db
      .prepare(
        `SELECT a.id, a.store_album_id, a.title, a.album_artist, ${COLUMNS}
         FROM library_albums a JOIN album_availability v ON v.store = a.store AND v.store_album_id = a.store_album_id
         ORDER BY a.id`,
      )
      .all() as unknown as (Row & {
      id: number;
      store_album_id: number;
      title: string;
      album_artist: string;
    })[];
    return rows.map((r) => ({
      ...toKnownAvailability(r)!,
      albumId: r.id,
      storeAlbumId: r.store_album_id,
      title: r.title,
      albumArtist: r.album_artist,
    }));
  }

  /** Asks the store about every library album bought from it; returns how many answers changed. */
  async refreshLibrary(client: StoreClient, signal?: AbortSignal): Promise<number> {
    const ids = (
      this.#db
        .prepare('SELECT store_album_id FROM library_albums WHERE store = ? ORDER BY store_album_id')
        .all(client.baseUrl) as { store_album_id: number }[]
    ).map((r) => r.store_album_id);
    if (ids.length === 0) return 0;
    const answers = await client.availability(ids, signal);
    return this.record(client.baseUrl, new Map(answers.map((a) => [a.albumId, fromStore(client, a)])));
  }
}
