// Reads the library tables: file rows to LibraryFile, and the album/track/file grouping of list().
import type { EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { TagData } from '../../../api/schemas/orders.ts';
import type { ProfileDb } from '../profile/open-profile.ts';
import type {
  AlbumSort,
  FileStatus,
  LibraryAlbum,
  LibraryFile,
  LibraryTrack,
  ListOptions,
} from './library-types.ts';

export const FILE_SELECT = `
  SELECT f.id, f.track_id, t.album_id, a.store, a.store_album_id, t.store_track_id, f.path, f.encoding,
         f.bytes, f.sha256, f.purchase_id, f.order_id, f.item_id, f.status, f.added_at, f.verified_at, f.tags
  FROM library_files f
  JOIN library_tracks t ON t.id = f.track_id
  JOIN library_albums a ON a.id = t.album_id`;

interface FileRow {
  id: number;
  track_id: number;
  album_id: number;
  store: string;
  store_album_id: number;
  store_track_id: number;
  path: string;
  encoding: string;
  bytes: number;
  sha256: string;
  purchase_id: number | null;
  order_id: string | null;
  item_id: string | null;
  status: string;
  added_at: string;
  verified_at: string | null;
  tags: string;
}

export function toLibraryFile(row: unknown): LibraryFile {
  const r = row as FileRow;
  return {
    id: r.id,
    trackId: r.track_id,
    albumId: r.album_id,
    store: r.store,
    storeAlbumId: r.store_album_id,
    storeTrackId: r.store_track_id,
    path: r.path,
    encoding: r.encoding as EncodingId,
    bytes: r.bytes,
    sha256: r.sha256,
    purchaseId: r.purchase_id,
    orderId: r.order_id,
    itemId: r.item_id,
    status: r.status as FileStatus,
    addedAt: r.added_at,
    verifiedAt: r.verified_at,
    tags: JSON.parse(r.tags) as TagData,
  };
}

/** Albums without a year go last whichever way years run; every other term follows the direction. */
const NULLS_LAST = 'year IS NULL';

const ALBUM_ORDER = {
  artist: ['album_artist COLLATE NOCASE', 'year', 'title COLLATE NOCASE'],
  album: ['title COLLATE NOCASE', 'album_artist COLLATE NOCASE'],
  year: [NULLS_LAST, 'year', 'album_artist COLLATE NOCASE', 'title COLLATE NOCASE'],
  added: ['added_at'],
} as const;

/**
 * ORDER BY terms over library_albums columns, ending in the id so the order is total. Every term,
 * the id included, follows the chosen direction: descending is ascending reversed (but for albums
 * without a year, which stay last), and albums added in the same millisecond sort the same way on
 * every machine.
 */
export function albumOrder(sort: AlbumSort = 'artist', descending = false, prefix = ''): string {
  const direction = descending ? 'DESC' : 'ASC';
  return [...ALBUM_ORDER[sort], 'id']
    .map((term) => `${prefix}${term} ${term === NULLS_LAST ? 'ASC' : direction}`)
    .join(', ');
}

/** Albums with their tracks and files (all, or the one of options.albumId). */
export function listAlbums(db: ProfileDb, options: ListOptions = {}): LibraryAlbum[] {
  const order = albumOrder(options.sort, options.descending);
  // One album is looked up by its indexes; a condition like "? IS NULL OR id = ?" would scan all.
  const only = options.albumId;
  const filter = (column: string) => (only === undefined ? '' : `WHERE ${column} = ?`);
  const params = only === undefined ? [] : [only];
  const albumRows = db
    .prepare(
      `SELECT id, store, store_album_id, title, album_artist, year, added_at FROM library_albums
       ${filter('id')} ORDER BY ${order}`,
    )
    .all(...params) as {
    id: number;
    store: string;
    store_album_id: number;
    title: string;
    album_artist: string;
    year: number | null;
    added_at: string;
  }[];
  const trackRows = db
    .prepare(
      `SELECT id, album_id, store_track_id, title, artists, disc_number, track_number, isrc
       FROM library_tracks ${filter('album_id')} ORDER BY disc_number, track_number, id`,
    )
    .all(...params) as {
    id: number;
    album_id: number;
    store_track_id: number;
    title: string;
    artists: string;
    disc_number: number;
    track_number: number;
    isrc: string | null;
  }[];
  const files = db
    .prepare(`${FILE_SELECT} ${filter('t.album_id')} ORDER BY f.encoding, f.id`)
    .all(...params)
    .map(toLibraryFile);

  const filesByTrack = new Map<number, LibraryFile[]>();
  for (const f of files) filesByTrack.set(f.trackId, [...(filesByTrack.get(f.trackId) ?? []), f]);
  const tracksByAlbum = new Map<number, LibraryTrack[]>();
  for (const t of trackRows) {
    const track: LibraryTrack = {
      id: t.id,
      storeTrackId: t.store_track_id,
      title: t.title,
      artists: JSON.parse(t.artists) as string[],
      discNumber: t.disc_number,
      trackNumber: t.track_number,
      isrc: t.isrc,
      files: filesByTrack.get(t.id) ?? [],
    };
    tracksByAlbum.set(t.album_id, [...(tracksByAlbum.get(t.album_id) ?? []), track]);
  }
  return albumRows.map((a) => {
    const tracks = tracksByAlbum.get(a.id) ?? [];
    const encodings = [...new Set(tracks.flatMap((t) => t.files.map((f) => f.encoding)))].sort();
    return {
      id: a.id,
      store: a.store,
      storeAlbumId: a.store_album_id,
      title: a.title,
      albumArtist: a.album_artist,
      year: a.year,
      addedAt: a.added_at,
      encodings,
      tracks,
    };
  });
}
