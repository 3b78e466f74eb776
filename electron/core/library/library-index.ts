// The library index in the profile database: albums, tracks and the files that hold them, by encoding.
import type { StatementSync } from 'node:sqlite';
import { type EncodingId, isEncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { TagData } from '../../../api/schemas/orders.ts';
import { MegadiscError } from '../../shared/errors.ts';
import { inTransaction, type ProfileDb } from '../profile/open-profile.ts';
import { albumSearchKey, trackSearchKey } from '../profile/search-keys.ts';
import { FILE_SELECT, listAlbums, toLibraryFile } from './library-rows.ts';
import type {
  FileStatus,
  LibraryAlbum,
  LibraryEntry,
  LibraryFile,
  ListOptions,
  ReorganizeOptions,
  ReorganizeResult,
  RescanReport,
  VerifyProgress,
  VerifyReport,
} from './library-types.ts';
import { type NewFilePath, newFilePath } from './new-file-path.ts';
import { reorganizeLibrary } from './reorganize-library.ts';
import { rescanLibrary } from './rescan-library.ts';
import { splitLibraryPath } from './resolve-in-library.ts';
import { pathKey } from './unique-path.ts';
import { verifyLibrary } from './verify-library.ts';

function checkEntry(entry: LibraryEntry): void {
  splitLibraryPath(entry.path);
  if (!isEncodingId(entry.encoding))
    throw new MegadiscError('INVALID_ARGUMENT', `unknown encoding ${entry.encoding}`);
  if (!/^[0-9a-f]{64}$/.test(entry.sha256))
    throw new MegadiscError('INVALID_ARGUMENT', 'sha256 must be 64 hex digits');
  if (!(Number.isSafeInteger(entry.bytes) && entry.bytes >= 0)) {
    throw new MegadiscError('INVALID_ARGUMENT', `bad file size ${entry.bytes}`);
  }
}

export class LibraryIndex {
  readonly db: ProfileDb;

  /** Statements compiled once: compiling costs more than running these small queries. */
  readonly #statements = new Map<string, StatementSync>();

  constructor(db: ProfileDb) {
    this.db = db;
  }

  #prepare(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Records a file; a file already indexed at the same path (ignoring case) is replaced. */
  add(entry: LibraryEntry): LibraryFile {
    checkEntry(entry);
    const { tags } = entry;
    const addedAt = entry.addedAt ?? new Date().toISOString();
    const id = inTransaction(this.db, () => {
      const before = this.#prepare('SELECT track_id FROM library_files WHERE path_key = ?').get(
        pathKey(entry.path),
      ) as { track_id: number } | undefined;
      const album = this.#prepare(
        `INSERT INTO library_albums (store, store_album_id, title, album_artist, year, added_at, search_key)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (store, store_album_id) DO UPDATE SET
             title = excluded.title, album_artist = excluded.album_artist, year = excluded.year,
             search_key = excluded.search_key
           RETURNING id`,
      ).get(
        entry.store,
        tags.storeIds.albumId,
        tags.album,
        tags.albumArtist,
        tags.year,
        addedAt,
        albumSearchKey(tags.album, tags.albumArtist),
      ) as {
        id: number;
      };
      const track = this.#prepare(
        `INSERT INTO library_tracks (album_id, store_track_id, title, artists, disc_number, track_number, isrc,
             search_key)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (album_id, store_track_id) DO UPDATE SET
             title = excluded.title, artists = excluded.artists, disc_number = excluded.disc_number,
             track_number = excluded.track_number, isrc = excluded.isrc, search_key = excluded.search_key
           RETURNING id`,
      ).get(
        album.id,
        tags.storeIds.trackId,
        tags.title,
        JSON.stringify(tags.artists),
        tags.discNumber,
        tags.trackNumber,
        tags.isrc,
        trackSearchKey(tags.title, JSON.stringify(tags.artists)),
      ) as {
        id: number;
      };
      const file = this.#prepare(
        `INSERT INTO library_files (track_id, path, path_key, encoding, bytes, sha256, purchase_id, order_id,
             item_id, status, added_at, tags)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok', ?, ?)
           ON CONFLICT (path_key) DO UPDATE SET
             track_id = excluded.track_id, path = excluded.path, encoding = excluded.encoding,
             bytes = excluded.bytes, sha256 = excluded.sha256, purchase_id = excluded.purchase_id,
             order_id = excluded.order_id, item_id = excluded.item_id, status = 'ok',
             added_at = excluded.added_at, verified_at = NULL, tags = excluded.tags
           RETURNING id`,
      ).get(
        track.id,
        entry.path,
        pathKey(entry.path),
        entry.encoding,
        entry.bytes,
        entry.sha256,
        entry.purchaseId,
        entry.orderId === undefined ? tags.storeIds.orderId : entry.orderId,
        entry.itemId,
        addedAt,
        JSON.stringify(tags),
      ) as { id: number };
      // Only a file that replaced one of another track can leave a track (and its album) empty.
      if (before && before.track_id !== track.id) this.#prune(before.track_id);
      return file.id;
    });
    return this.get(id)!;
  }

  get(fileId: number): LibraryFile | undefined {
    const row = this.#prepare(`${FILE_SELECT} WHERE f.id = ?`).get(fileId);
    return row ? toLibraryFile(row) : undefined;
  }

  /** Every file (or one album's files), oldest first. */
  files(albumId?: number): LibraryFile[] {
    if (albumId !== undefined) {
      return this.#prepare(`${FILE_SELECT} WHERE t.album_id = ? ORDER BY f.id`)
        .all(albumId)
        .map(toLibraryFile);
    }
    return this.#prepare(`${FILE_SELECT} ORDER BY f.id`).all().map(toLibraryFile);
  }

  byPath(path: string): LibraryFile | undefined {
    const row = this.#prepare(`${FILE_SELECT} WHERE f.path_key = ?`).get(pathKey(path));
    return row ? toLibraryFile(row) : undefined;
  }

  byHash(sha256: string): LibraryFile[] {
    return this.#prepare(`${FILE_SELECT} WHERE f.sha256 = ? ORDER BY f.id`)
      .all(sha256.toLowerCase())
      .map(toLibraryFile);
  }

  /** The path of an album's first file in track order: where its folder is. */
  firstFilePath(albumId: number): string | undefined {
    const row = this.#prepare(
      `SELECT f.path FROM library_files f JOIN library_tracks t ON t.id = f.track_id
       WHERE t.album_id = ? ORDER BY t.disc_number, t.track_number, f.id LIMIT 1`,
    ).get(albumId) as { path: string } | undefined;
    return row?.path;
  }

  list(options: ListOptions = {}): LibraryAlbum[] {
    return listAlbums(this.db, options);
  }

  /** One album with its tracks and files, or undefined. */
  album(albumId: number): LibraryAlbum | undefined {
    return listAlbums(this.db, { albumId })[0];
  }

  /** Forgets a file (the file on disk is left alone); tracks and albums left empty go too. */
  remove(fileId: number): void {
    inTransaction(this.db, () => {
      const row = this.#prepare('DELETE FROM library_files WHERE id = ? RETURNING track_id').get(fileId) as
        | { track_id: number }
        | undefined;
      if (row) this.#prune(row.track_id);
    });
  }

  markMissing(fileId: number): void {
    this.setStatus(fileId, 'missing');
  }

  setStatus(fileId: number, status: FileStatus, verifiedAt: string | null = null): void {
    const result = this.#prepare(
      'UPDATE library_files SET status = ?, verified_at = coalesce(?, verified_at) WHERE id = ?',
    ).run(status, verifiedAt, fileId);
    if (result.changes === 0) throw new MegadiscError('NOT_FOUND', `no library file ${fileId}`);
  }

  /** Points a file at its new location (after a move or when found elsewhere). */
  setPath(fileId: number, path: string, status: FileStatus = 'ok'): void {
    splitLibraryPath(path);
    try {
      const result = this.#prepare(
        'UPDATE library_files SET path = ?, path_key = ?, status = ? WHERE id = ?',
      ).run(path, pathKey(path), status, fileId);
      if (result.changes === 0) throw new MegadiscError('NOT_FOUND', `no library file ${fileId}`);
    } catch (error) {
      if ((error as { errcode?: number }).errcode !== 2067) throw error;
      throw new MegadiscError('INVALID_STATE', `another library file is already at ${path}`, {
        cause: error,
      });
    }
  }

  /** Checks every file, or only one album's files. */
  verify(
    root: string,
    onProgress?: (p: VerifyProgress) => void,
    options: { albumId?: number } = {},
  ): Promise<VerifyReport> {
    return verifyLibrary(this, root, onProgress, options);
  }

  rescan(root: string): Promise<RescanReport> {
    return rescanLibrary(this, root);
  }

  reorganize(root: string, template: string, options: ReorganizeOptions = {}): Promise<ReorganizeResult> {
    return reorganizeLibrary(this, root, template, options);
  }

  /** Where a new download should go: rendered, made unique against the index and the disk. */
  newFilePath(
    root: string,
    template: string,
    tags: TagData,
    encoding: EncodingId,
    options: { ascii?: boolean } = {},
  ): Promise<NewFilePath> {
    return newFilePath(this, root, template, tags, encoding, options);
  }

  /**
   * Drops a track left without files, and its album if that left it without tracks. Only the one
   * track is looked at: sweeping the whole index on every add made bulk filing quadratic.
   */
  #prune(trackId: number): void {
    const track = this.#prepare(
      `DELETE FROM library_tracks WHERE id = ?
           AND NOT EXISTS (SELECT 1 FROM library_files f WHERE f.track_id = library_tracks.id)
         RETURNING album_id`,
    ).get(trackId) as { album_id: number } | undefined;
    if (!track) return;
    this.#prepare(
      `DELETE FROM library_albums WHERE id = ?
           AND NOT EXISTS (SELECT 1 FROM library_tracks t WHERE t.album_id = library_albums.id)`,
    ).run(track.album_id);
  }
}
