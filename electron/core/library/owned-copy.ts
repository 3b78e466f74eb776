// The listener's copy of a store album, as the library index holds it (for the store's album page).
import type { OwnedCopy } from '../../shared/app-api/views.ts';
import type { ProfileDb } from '../profile/open-profile.ts';

export function ownedCopy(db: ProfileDb, store: string, storeAlbumId: number): OwnedCopy | null {
  const row = db
    .prepare(
      `SELECT a.id, a.title, a.album_artist, COUNT(f.id) AS files, COALESCE(SUM(f.status = 'missing'), 0) AS missing
       FROM library_albums a
       JOIN library_tracks t ON t.album_id = a.id
       JOIN library_files f ON f.track_id = t.id
       WHERE a.store = ? AND a.store_album_id = ?
       GROUP BY a.id`,
    )
    .get(store, storeAlbumId) as
    | { id: number; title: string; album_artist: string; files: number; missing: number }
    | undefined;
  if (!row) return null;
  return {
    libraryAlbumId: row.id,
    title: row.title,
    albumArtist: row.album_artist,
    fileCount: row.files,
    missingFiles: row.missing,
  };
}
