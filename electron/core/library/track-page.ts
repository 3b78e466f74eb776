// One page of the library's track list, in (album artist, album, disc, track) order, done in SQL.
import type { EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { LibraryTrackPage, LibraryTrackRow } from '../../shared/app-api/views.ts';
import type { ProfileDb } from '../profile/open-profile.ts';
import { filterLikePatterns, libraryFilter } from './library-search-key.ts';
import type { FileStatus } from './library-types.ts';

export interface TrackPageQuery {
  /**
   * Matches track title, track artists, album title or album artist, folding case and ё/е, and
   * across Cyrillic and Latin spellings (through the search keys of profile migration 5), Latin in
   * other romanizations too ("tsoi" finds «Цой»; see libraryFilter).
   */
  q?: string;
  offset: number;
  limit: number;
}

const FROM = `FROM library_albums a
  JOIN library_tracks t ON t.album_id = a.id
  JOIN library_files f ON f.track_id = t.id`;

// For the page's ids, CROSS JOIN fixes the loop order (albums in index order, then their tracks,
// then their files): without table statistics SQLite would rather scan files and sort them all.
const FROM_IN_ORDER = `FROM library_albums a
  CROSS JOIN library_tracks t ON t.album_id = a.id
  CROSS JOIN library_files f ON f.track_id = t.id`;

/** One condition per LIKE pattern of the query, numbered ?1, ?2…; the keys are already folded. */
function matchClause(patterns: number): string {
  const terms = Array.from(
    { length: patterns },
    (_, i) => `t.search_key LIKE ?${i + 1} ESCAPE '\\' OR a.search_key LIKE ?${i + 1} ESCAPE '\\'`,
  );
  return `WHERE ${terms.join(' OR ')}`;
}

// Matches the covering indexes of profile migration 2 term for term, so SQLite walks them in order
// and stops after OFFSET + LIMIT rows instead of sorting the whole library.
const ORDER = `ORDER BY a.album_artist COLLATE NOCASE, a.title COLLATE NOCASE, a.id,
  t.disc_number, t.track_number, t.id, f.encoding, f.id`;

interface DetailRow {
  id: number;
  album_id: number;
  title: string;
  artists: string;
  album: string;
  album_artist: string;
  disc_number: number;
  disc_count: number;
  track_number: number;
  encoding: string;
  bytes: number;
  status: string;
  path: string;
}

function artistOf(row: DetailRow): string {
  try {
    const artists = (JSON.parse(row.artists) as string[]).filter((a) => a.trim() !== '');
    return artists.length > 0 ? artists.join(', ') : row.album_artist;
  } catch {
    return row.album_artist;
  }
}

export function trackPage(db: ProfileDb, query: TrackPageQuery): LibraryTrackPage {
  const filter = libraryFilter(query.q);
  const params = filter ? filterLikePatterns(filter) : [];
  const q = params.length > 0;
  const where = q ? matchClause(params.length) : '';
  // Every file belongs to a track of an album (foreign keys), so without a filter the count is direct.
  const counted = q ? `SELECT COUNT(*) AS n ${FROM} ${where}` : 'SELECT COUNT(*) AS n FROM library_files';
  const { n: total } = db.prepare(counted).get(...params) as { n: number };
  // Ids first, off the indexes alone: skipping OFFSET rows then costs no table reads.
  const ids = (
    db
      .prepare(
        `SELECT f.id ${FROM_IN_ORDER} ${where} ${ORDER} LIMIT ?${params.length + 1} OFFSET ?${params.length + 2}`,
      )
      .all(...params, query.limit, query.offset) as { id: number }[]
  ).map((r) => r.id);
  const details = db
    .prepare(
      `SELECT f.id, t.album_id, t.title, t.artists, a.title AS album, a.album_artist, t.disc_number,
              (SELECT MAX(t2.disc_number) FROM library_tracks t2 WHERE t2.album_id = t.album_id) AS disc_count,
              t.track_number, f.encoding, f.bytes, f.status, f.path
       ${FROM} WHERE f.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as unknown as DetailRow[];
  const byId = new Map(details.map((d) => [d.id, d]));
  const rows: LibraryTrackRow[] = [];
  for (const id of ids) {
    const d = byId.get(id);
    if (!d) continue;
    rows.push({
      fileId: d.id,
      albumId: d.album_id,
      title: d.title,
      artist: artistOf(d),
      album: d.album,
      discNumber: d.disc_number,
      discCount: d.disc_count,
      trackNumber: d.track_number,
      encoding: d.encoding as EncodingId,
      bytes: d.bytes,
      status: d.status as FileStatus,
      path: d.path,
    });
  }
  return { total, offset: query.offset, rows };
}
