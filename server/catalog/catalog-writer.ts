// Inserts albums from a catalog source into the tables and full-text indexes, one transaction per album.
// The indexes hold each name's search key (folded, plus its Latin spelling), not the name itself.
import { searchKey } from '../../api/text/search-fold.ts';
import { toLatin } from '../../api/text/transliterate.ts';
import type { Database, Sql } from '../db/sql/port.ts';
import { toStoredPath } from '../db/stored-path.ts';
import type { AlbumInput } from './sources/types.ts';

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
  readonly #db: Database;
  /** Artist ids of committed albums; an album's new artists join it only once the album commits. */
  readonly #artistIds = new Map<string, number>();
  readonly #dataDir: string;

  /** dataDir: the store's data folder; masters inside it are recorded relative to it. */
  constructor(db: Database, dataDir: string) {
    this.#db = db;
    this.#dataDir = dataDir;
  }

  async #artistId(q: Sql, name: string, fresh: Map<string, number>): Promise<number> {
    const known = this.#artistIds.get(name) ?? fresh.get(name);
    if (known !== undefined) return known;
    let id = (await q.get<{ id: number }>('SELECT id FROM artists WHERE name = ?', name))?.id;
    if (id === undefined) {
      id = (await q.get<{ id: number }>('INSERT INTO artists (name) VALUES (?) RETURNING id', name))!.id;
      await q.run('INSERT INTO artists_fts (rowid, name) VALUES (?, ?)', id, searchKey(name));
    }
    fresh.set(name, id);
    return id;
  }

  /** The rights holder of that name, created the first time a release names it. */
  async #rightsHolderId(q: Sql, name: string): Promise<number> {
    await q.run(
      'INSERT INTO rights_holders (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING',
      name,
      new Date().toISOString(),
    );
    return (await q.get<{ id: number }>('SELECT id FROM rights_holders WHERE name = ?', name))!.id;
  }

  /** Adds one album; returns its id and the ids of its tracks, in input order. */
  async addAlbum(album: AlbumInput): Promise<{ albumId: number; trackIds: number[] }> {
    const fresh = new Map<string, number>();
    const added = await this.#db.tx(async (q) => {
      fresh.clear(); // a retried transaction starts again from what is committed
      const artistId = await this.#artistId(q, album.albumArtist, fresh);
      const discs = new Set(album.tracks.map((t) => t.discNumber));
      const durationMs = album.tracks.reduce((sum, t) => sum + t.master.durationMs, 0);
      const year = /^\d{4}/.test(album.releaseDate) ? Number(album.releaseDate.slice(0, 4)) : null;
      const holder = await this.#rightsHolderId(q, album.rightsHolder ?? album.label ?? album.albumArtist);
      const { id: albumId } = (await q.get<{ id: number }>(
        `INSERT INTO albums (title, artist_id, release_date, year, label, genres, disc_count, track_count,
           duration_ms, sales, rg_gain, rg_peak, created_at, upc, rights_holder_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
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
        holder,
      ))!;
      for (const genre of new Set(album.genres)) {
        const slug = slugify(genre);
        await q.run('INSERT INTO genres (slug, name) VALUES (?, ?) ON CONFLICT DO NOTHING', slug, genre);
        await q.run(
          'INSERT INTO album_genres (genre_slug, album_id, release_date) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
          slug,
          albumId,
          album.releaseDate,
        );
      }
      await q.run(
        'INSERT INTO albums_fts (rowid, title, artist, label) VALUES (?, ?, ?, ?)',
        albumId,
        searchKey(album.title),
        searchKey(album.albumArtist),
        searchKey(album.label ?? ''),
      );
      const trackIds: number[] = [];
      for (const track of album.tracks) {
        const m = track.master;
        const { id: trackId } = (await q.get<{ id: number }>(
          `INSERT INTO tracks (album_id, disc_number, track_number, title, duration_ms, isrc, master_path,
             master_bytes, sample_rate, channels, bits_per_sample, rg_gain, rg_peak, rights_holder_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
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
          track.rightsHolder ? await this.#rightsHolderId(q, track.rightsHolder) : null,
        ))!;
        const artists = track.artists.length > 0 ? track.artists : [album.albumArtist];
        for (const [position, name] of artists.entries()) {
          await q.run(
            'INSERT INTO track_artists (track_id, position, artist_id) VALUES (?, ?, ?)',
            trackId,
            position,
            await this.#artistId(q, name, fresh),
          );
        }
        await q.run(
          'INSERT INTO tracks_fts (rowid, title, artists, album) VALUES (?, ?, ?, ?)',
          trackId,
          searchKey(track.title),
          searchKey(artists.join(' ')),
          searchKey(album.title),
        );
        trackIds.push(trackId);
      }
      return { albumId, trackIds };
    });
    for (const [name, id] of fresh) this.#artistIds.set(name, id);
    return added;
  }

  async setCoverSizes(albumId: number, sizes: number[]): Promise<void> {
    await this.#db.run('UPDATE albums SET cover_sizes = ? WHERE id = ?', JSON.stringify(sizes), albumId);
  }
}
