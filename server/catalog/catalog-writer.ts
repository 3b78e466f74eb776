// Inserts albums from a catalog source into the tables and full-text indexes, one transaction per album.
// The indexes hold each name's search key (folded, plus its Latin spelling), not the name itself.
import { searchKey } from '../../api/text/search-fold.ts';
import { toLatin } from '../../api/text/transliterate.ts';
import { type Db, transaction } from '../db/open-database.ts';
import { toStoredPath } from '../db/stored-path.ts';
import type { AlbumInput } from './types.ts';

/**
 * A genre's id from its name. Cyrillic is spelled in Latin first («Синти-поп» is synth-pop's
 * "sinti-pop"), so Russian genres do not all fall into "other"; a name in another script keeps its
 * letters. Latin names give the slugs they always had, so existing stores keep their ids.
 */
export function slugify(name: string): string {
  const dash = (text: string, keep: RegExp) => text.toLowerCase().replace(keep, '-').replace(/^-|-$/g, '');
  const plain = toLatin(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return dash(plain, /[^a-z0-9]+/g) || dash(name.normalize('NFC'), /[^\p{L}\p{N}]+/gu) || 'other';
}

export class CatalogWriter {
  readonly #db: Db;
  readonly #artistIds = new Map<string, number>();
  readonly #dataDir: string;

  /** dataDir: the store's data folder; masters inside it are recorded relative to it. */
  constructor(db: Db, dataDir: string) {
    this.#db = db;
    this.#dataDir = dataDir;
  }

  artistId(name: string): number {
    const cached = this.#artistIds.get(name);
    if (cached !== undefined) return cached;
    const db = this.#db;
    const found = db.prepare('SELECT id FROM artists WHERE name = ?').get(name) as { id: number } | undefined;
    let id = found?.id;
    if (id === undefined) {
      id = Number(db.prepare('INSERT INTO artists (name) VALUES (?)').run(name).lastInsertRowid);
      db.prepare('INSERT INTO artists_fts (rowid, name) VALUES (?, ?)').run(id, searchKey(name));
    }
    this.#artistIds.set(name, id);
    return id;
  }

  /** The rights holder of that name, created the first time a release names it. */
  rightsHolderId(name: string): number {
    this.#db
      .prepare('INSERT INTO rights_holders (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING')
      .run(name, new Date().toISOString());
    return (this.#db.prepare('SELECT id FROM rights_holders WHERE name = ?').get(name) as { id: number }).id;
  }

  /** Adds one album; returns its id and the ids of its tracks, in input order. */
  addAlbum(album: AlbumInput): { albumId: number; trackIds: number[] } {
    const db = this.#db;
    return transaction(db, () => {
      const artistId = this.artistId(album.albumArtist);
      const discs = new Set(album.tracks.map((t) => t.discNumber));
      const durationMs = album.tracks.reduce((sum, t) => sum + t.master.durationMs, 0);
      const year = /^\d{4}/.test(album.releaseDate) ? Number(album.releaseDate.slice(0, 4)) : null;
      const albumId = Number(
        db
          .prepare(
            `INSERT INTO albums (title, artist_id, release_date, year, label, genres, disc_count, track_count,
               duration_ms, sales, rg_gain, rg_peak, created_at, upc, rights_holder_id)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            album.title,
            artistId,
            album.releaseDate,
            year,
            album.label ?? null,
            JSON.stringify(album.genres),
            discs.size,
            album.tracks.length,
            durationMs,
            album.initialSales ?? 0,
            album.albumLoudness?.gainDb ?? null,
            album.albumLoudness?.peak ?? null,
            new Date().toISOString(),
            album.upc ?? null,
            this.rightsHolderId(album.rightsHolder ?? album.label ?? album.albumArtist),
          ).lastInsertRowid,
      );
      for (const genre of new Set(album.genres)) {
        const slug = slugify(genre);
        db.prepare('INSERT OR IGNORE INTO genres (slug, name) VALUES (?, ?)').run(slug, genre);
        db.prepare(
          'INSERT OR IGNORE INTO album_genres (genre_slug, album_id, release_date) VALUES (?, ?, ?)',
        ).run(slug, albumId, album.releaseDate);
      }
      db.prepare('INSERT INTO albums_fts (rowid, title, artist, label) VALUES (?, ?, ?, ?)').run(
        albumId,
        searchKey(album.title),
        searchKey(album.albumArtist),
        searchKey(album.label ?? ''),
      );
      const trackIds = album.tracks.map((track) => {
        const m = track.master;
        const trackId = Number(
          db
            .prepare(
              `INSERT INTO tracks (album_id, disc_number, track_number, title, duration_ms, isrc, master_path,
                 master_bytes, sample_rate, channels, bits_per_sample, rg_gain, rg_peak, rights_holder_id)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              albumId,
              track.discNumber,
              track.trackNumber,
              track.title,
              m.durationMs,
              track.isrc ?? null,
              toStoredPath(this.#dataDir, m.path),
              m.bytes,
              m.sampleRate,
              m.channels,
              m.bitsPerSample,
              track.loudness?.gainDb ?? null,
              track.loudness?.peak ?? null,
              track.rightsHolder ? this.rightsHolderId(track.rightsHolder) : null,
            ).lastInsertRowid,
        );
        const artists = track.artists.length > 0 ? track.artists : [album.albumArtist];
        artists.forEach((name, position) => {
          db.prepare('INSERT INTO track_artists (track_id, position, artist_id) VALUES (?, ?, ?)').run(
            trackId,
            position,
            this.artistId(name),
          );
        });
        db.prepare('INSERT INTO tracks_fts (rowid, title, artists, album) VALUES (?, ?, ?, ?)').run(
          trackId,
          searchKey(track.title),
          searchKey(artists.join(' ')),
          searchKey(album.title),
        );
        return trackId;
      });
      return { albumId, trackIds };
    });
  }

  setCoverSizes(albumId: number, sizes: number[]): void {
    this.#db.prepare('UPDATE albums SET cover_sizes = ? WHERE id = ?').run(JSON.stringify(sizes), albumId);
  }
}
