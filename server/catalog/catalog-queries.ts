// Read side of the catalog: albums, artists, genres, new releases and charts, as API shapes. Lists
// show only albums on sale: a taken-down album (or one with every track taken down) leaves them.
import type {
  Album,
  AlbumPage,
  AlbumSummary,
  Artist,
  ArtistRef,
  Genre,
  Track,
} from '../../api/schemas/catalog.ts';
import type { RightsHolderRef } from '../../api/schemas/rights.ts';
import { inList } from '../db/sql/in-list.ts';
import type { Database, Sql } from '../db/sql/port.ts';
import { fromStoredPath } from '../db/stored-path.ts';
import { StoreError } from '../errors/store-error.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { albumOnSale } from '../takedowns/on-sale-sql.ts';

export interface AlbumRow {
  id: number;
  title: string;
  artist_id: number;
  artist_name: string;
  release_date: string;
  year: number | null;
  label: string | null;
  genres: string;
  disc_count: number;
  track_count: number;
  duration_ms: number;
  cover_sizes: string;
  sales: number;
  rg_gain: number | null;
  rg_peak: number | null;
  rights_holder_id: number | null;
  upc: string | null;
  territories: string | null;
}

export interface TrackRow {
  id: number;
  album_id: number;
  disc_number: number;
  track_number: number;
  title: string;
  duration_ms: number;
  isrc: string | null;
  master_path: string;
  master_bytes: number;
  sample_rate: number;
  channels: number;
  bits_per_sample: number;
  rg_gain: number | null;
  rg_peak: number | null;
  rights_holder_id: number | null;
}

export const ALBUM_SELECT = `SELECT a.*, ar.name AS artist_name FROM albums a JOIN artists ar ON ar.id = a.artist_id`;

export function coverUrl(albumId: number, size: number): string {
  return `/v1/covers/${albumId}/${size}`;
}

export function toAlbumSummary(row: AlbumRow): AlbumSummary {
  const sizes = JSON.parse(row.cover_sizes) as number[];
  return {
    id: row.id,
    title: row.title,
    artist: { id: row.artist_id, name: row.artist_name },
    releaseDate: row.release_date,
    year: row.year,
    label: row.label,
    genres: JSON.parse(row.genres) as string[],
    trackCount: row.track_count,
    discCount: row.disc_count,
    durationMs: row.duration_ms,
    cover:
      sizes.length > 0
        ? { sizes: Object.fromEntries(sizes.map((s) => [String(s), coverUrl(row.id, s)])) }
        : null,
    sales: row.sales,
  };
}

export class CatalogQueries {
  readonly #db: Database;
  readonly #dataDir: string;

  constructor(db: Database, dataDir: string) {
    this.#db = db;
    this.#dataDir = dataDir;
  }

  async albumRow(id: number, q: Sql = this.#db): Promise<AlbumRow> {
    const row = await q.get<AlbumRow>(`${ALBUM_SELECT} WHERE a.id = ?`, id);
    if (!row) throw new StoreError('NOT_FOUND', 404, `album ${id} not found`);
    return row;
  }

  /** The album's tracks in order, with master paths made absolute. */
  async trackRows(albumId: number, q: Sql = this.#db): Promise<TrackRow[]> {
    const rows = await q.all<TrackRow>(
      'SELECT * FROM tracks WHERE album_id = ? ORDER BY disc_number, track_number, id',
      albumId,
    );
    for (const row of rows) row.master_path = fromStoredPath(this.#dataDir, row.master_path);
    return rows;
  }

  async trackArtists(trackIds: number[]): Promise<Map<number, ArtistRef[]>> {
    const out = new Map<number, ArtistRef[]>();
    if (trackIds.length === 0) return out;
    const rows = await this.#db.all<{ track_id: number; id: number; name: string }>(
      `SELECT ta.track_id, ar.id, ar.name FROM track_artists ta JOIN artists ar ON ar.id = ta.artist_id
       WHERE ta.track_id IN ${inList(trackIds)} ORDER BY ta.track_id, ta.position`,
      ...trackIds,
    );
    for (const r of rows) {
      const list = out.get(r.track_id) ?? [];
      list.push({ id: r.id, name: r.name });
      out.set(r.track_id, list);
    }
    return out;
  }

  /** Names of rights holders by id. */
  async rightsHolders(ids: (number | null)[]): Promise<Map<number, RightsHolderRef>> {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
    const out = new Map<number, RightsHolderRef>();
    if (wanted.length === 0) return out;
    const rows = await this.#db.all<{ id: number; name: string }>(
      `SELECT id, name FROM rights_holders WHERE id IN ${inList(wanted)}`,
      ...wanted,
    );
    for (const r of rows) out.set(r.id, { id: r.id, name: r.name });
    return out;
  }

  async toTracks(rows: TrackRow[]): Promise<Track[]> {
    if (rows.length === 0) return [];
    const artists = await this.trackArtists(rows.map((r) => r.id));
    // A track without its own rights holder has its release's.
    const albumIds = [...new Set(rows.map((r) => r.album_id))];
    const albumHolders = new Map(
      (
        await this.#db.all<{ id: number; rights_holder_id: number | null }>(
          `SELECT id, rights_holder_id FROM albums WHERE id IN ${inList(albumIds)}`,
          ...albumIds,
        )
      ).map((a) => [a.id, a.rights_holder_id]),
    );
    const holderOf = (r: TrackRow) => r.rights_holder_id ?? albumHolders.get(r.album_id) ?? null;
    const holders = await this.rightsHolders(rows.map(holderOf));
    return rows.map((r) => ({
      id: r.id,
      albumId: r.album_id,
      discNumber: r.disc_number,
      trackNumber: r.track_number,
      title: r.title,
      artists: artists.get(r.id) ?? [],
      durationMs: r.duration_ms,
      isrc: r.isrc,
      rightsHolder: holders.get(holderOf(r) ?? -1) ?? null,
    }));
  }

  async album(id: number): Promise<Album> {
    const row = await this.albumRow(id);
    const tracks = await this.toTracks(await this.trackRows(id));
    const discNumbers = [...new Set(tracks.map((t) => t.discNumber))].sort((a, b) => a - b);
    const holders = await this.rightsHolders([row.rights_holder_id]);
    return {
      ...toAlbumSummary(row),
      discs: discNumbers.map((n) => ({ number: n, tracks: tracks.filter((t) => t.discNumber === n) })),
      rightsHolder: holders.get(row.rights_holder_id ?? -1) ?? null,
      upc: row.upc,
      territories: row.territories ? (JSON.parse(row.territories) as string[]) : null,
    };
  }

  async artist(id: number): Promise<Artist> {
    const row = await this.#db.get<ArtistRef>('SELECT id, name FROM artists WHERE id = ?', id);
    if (!row) throw new StoreError('NOT_FOUND', 404, `artist ${id} not found`);
    // Albums by the artist, and albums where they appear on a track (features).
    const albums = await this.#db.all<AlbumRow>(
      `${ALBUM_SELECT} WHERE (a.artist_id = ? OR a.id IN (
         SELECT t.album_id FROM track_artists ta JOIN tracks t ON t.id = ta.track_id WHERE ta.artist_id = ?))
         AND ${albumOnSale('a.id')}
       ORDER BY a.release_date DESC, a.id DESC LIMIT 500`,
      id,
      id,
    );
    return { id: row.id, name: row.name, albums: albums.map(toAlbumSummary) };
  }

  genres(): Promise<Genre[]> {
    return this.#db.all<Genre>(
      `SELECT g.slug, g.name, COUNT(ag.album_id) AS "albumCount" FROM genres g
       LEFT JOIN album_genres ag ON ag.genre_slug = g.slug AND ${albumOnSale('ag.album_id')}
       GROUP BY g.slug, g.name ORDER BY COUNT(ag.album_id) DESC, g.name, g.slug`,
    );
  }

  /** Keyset-paged album list; the cursor carries the sort key of the last row. */
  async listAlbums(q: {
    genre?: string;
    artistId?: number;
    sort: 'new' | 'sales' | 'title';
    limit: number;
    cursor?: string;
  }): Promise<AlbumPage> {
    const where: string[] = [albumOnSale('a.id')];
    const args: (string | number)[] = [];
    if (q.genre) {
      where.push('a.id IN (SELECT album_id FROM album_genres WHERE genre_slug = ?)');
      args.push(q.genre);
    }
    if (q.artistId) {
      where.push('a.artist_id = ?');
      args.push(q.artistId);
    }
    const order = {
      new: { by: 'a.release_date DESC, a.id DESC', key: 'a.release_date', cmp: '<', type: 'string' as const },
      sales: { by: 'a.sales DESC, a.id DESC', key: 'a.sales', cmp: '<', type: 'number' as const },
      title: { by: 'a.title ASC, a.id ASC', key: 'a.title', cmp: '>', type: 'string' as const },
    }[q.sort];
    if (q.cursor) {
      const [key, id] = decodeCursor(q.cursor, [order.type, 'number']);
      where.push(`(${order.key} ${order.cmp} ? OR (${order.key} = ? AND a.id ${order.cmp} ?))`);
      args.push(key!, key!, id!);
    }
    const sql = `${ALBUM_SELECT} WHERE ${where.join(' AND ')} ORDER BY ${order.by} LIMIT ?`;
    const rows = await this.#db.all<AlbumRow>(sql, ...args, q.limit + 1);
    const more = rows.length > q.limit;
    const pageRows = rows.slice(0, q.limit);
    const last = pageRows.at(-1);
    const lastKey = last && { new: last.release_date, sales: last.sales, title: last.title }[q.sort];
    return {
      items: pageRows.map(toAlbumSummary),
      nextCursor: more && last ? encodeCursor([lastKey!, last.id]) : null,
    };
  }
}
