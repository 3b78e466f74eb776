// Library album cards for the grid: one aggregate row per album, without loading tracks or tags.
import type { EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { LibraryAlbumCard } from '../../shared/app-api/views.ts';
import { toKnownAvailability } from '../availability/availability-book.ts';
import type { ProfileDb } from '../profile/open-profile.ts';
import { albumOrder } from './library-rows.ts';
import { libraryFilter, matchesFilter } from './library-search-key.ts';
import type { AlbumSort } from './library-types.ts';

interface CardRow {
  id: number;
  title: string;
  album_artist: string;
  year: number | null;
  added_at: string;
  track_count: number;
  bytes: number;
  problems: number;
  encodings: string | null;
  state: 'on_sale' | 'taken_down' | 'not_in_territory' | null;
  reason: string | null;
  notice_url: string | null;
  redownload: number;
  checked_at: string;
  search_key: string;
}

export interface CardQuery {
  /** Matches title or album artist, folding case and ё/е, in Cyrillic or Latin spelling. */
  q?: string;
  sort?: AlbumSort;
}

export function listAlbumCards(db: ProfileDb, query: CardQuery = {}): LibraryAlbumCard[] {
  const sort = query.sort ?? 'artist';
  // Newest first is what "recently added" means; every other order reads A to Z.
  const order = albumOrder(sort, sort === 'added', 'a.');
  const rows = db
    .prepare(
      `SELECT a.id, a.title, a.album_artist, a.year, a.added_at, COUNT(DISTINCT t.id) AS track_count,
              COALESCE(SUM(f.bytes), 0) AS bytes, SUM(f.status != 'ok') AS problems,
              GROUP_CONCAT(DISTINCT f.encoding) AS encodings,
              v.state, v.reason, v.notice_url, v.redownload, v.checked_at, a.search_key
       FROM library_albums a
       JOIN library_tracks t ON t.album_id = a.id
       JOIN library_files f ON f.track_id = t.id
       LEFT JOIN album_availability v ON v.store = a.store AND v.store_album_id = a.store_album_id
       GROUP BY a.id ORDER BY ${order}`,
    )
    .all() as unknown as CardRow[];
  // Filtered in JS on the folded search keys: an album list is small enough.
  const filter = libraryFilter(query.q);
  const matching = filter ? rows.filter((r) => matchesFilter(r.search_key, filter)) : rows;
  return matching.map((r) => ({
    id: r.id,
    title: r.title,
    albumArtist: r.album_artist,
    year: r.year,
    addedAt: r.added_at,
    encodings: (r.encodings ? r.encodings.split(',') : []).sort() as EncodingId[],
    trackCount: r.track_count,
    bytes: r.bytes,
    problems: r.problems ?? 0,
    availability: r.state ? toKnownAvailability({ ...r, state: r.state }) : null,
  }));
}
