// The encode cache's index, kept in the store database so prices can tell exact sizes from estimates.
import type { CacheKind, EncodeIndex, EncodeRecord } from '../transcode/index.ts';
import type { Db } from './open-database.ts';
import { fromStoredPath, toStoredPath } from './stored-path.ts';

interface Row {
  track_id: number;
  encoding: CacheKind;
  encoder_version: string;
  path: string;
  bytes: number;
  sha256: string;
  created_at: string;
}

export class SqliteEncodeIndex implements EncodeIndex {
  readonly #db: Db;
  readonly #dataDir: string;

  constructor(db: Db, dataDir: string) {
    this.#db = db;
    this.#dataDir = dataDir;
  }

  get(trackId: number, encoding: CacheKind, encoderVersion: string): EncodeRecord<CacheKind> | undefined {
    const row = this.#db
      .prepare('SELECT * FROM encodes WHERE track_id = ? AND encoding = ? AND encoder_version = ?')
      .get(trackId, encoding, encoderVersion) as Row | undefined;
    return (
      row && {
        trackId: row.track_id,
        encoding: row.encoding,
        encoderVersion: row.encoder_version,
        path: fromStoredPath(this.#dataDir, row.path),
        bytes: row.bytes,
        sha256: row.sha256,
        createdAt: row.created_at,
      }
    );
  }

  put(r: EncodeRecord<CacheKind>): void {
    this.#db
      .prepare(
        `INSERT OR REPLACE INTO encodes (track_id, encoding, encoder_version, path, bytes, sha256, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.trackId,
        r.encoding,
        r.encoderVersion,
        toStoredPath(this.#dataDir, r.path),
        r.bytes,
        r.sha256,
        r.createdAt,
      );
  }

  delete(trackId: number, encoding: CacheKind, encoderVersion: string): void {
    this.#db
      .prepare('DELETE FROM encodes WHERE track_id = ? AND encoding = ? AND encoder_version = ?')
      .run(trackId, encoding, encoderVersion);
  }
}
