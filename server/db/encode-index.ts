// The encode cache's index, kept in the store database so prices can tell exact sizes from estimates.
import type { CacheKind, EncodeIndex, EncodeRecord } from '../transcode/index.ts';
import { inList } from './sql/in-list.ts';
import type { Database } from './sql/port.ts';
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

export class SqlEncodeIndex implements EncodeIndex {
  readonly #db: Database;
  readonly #dataDir: string;

  constructor(db: Database, dataDir: string) {
    this.#db = db;
    this.#dataDir = dataDir;
  }

  #record(row: Row): EncodeRecord<CacheKind> {
    return {
      trackId: row.track_id,
      encoding: row.encoding,
      encoderVersion: row.encoder_version,
      path: fromStoredPath(this.#dataDir, row.path),
      bytes: row.bytes,
      sha256: row.sha256,
      createdAt: row.created_at,
    };
  }

  async get(
    trackId: number,
    encoding: CacheKind,
    encoderVersion: string,
  ): Promise<EncodeRecord<CacheKind> | undefined> {
    const row = await this.#db.get<Row>(
      'SELECT * FROM encodes WHERE track_id = ? AND encoding = ? AND encoder_version = ?',
      trackId,
      encoding,
      encoderVersion,
    );
    return row && this.#record(row);
  }

  async ofTracks(trackIds: number[]): Promise<EncodeRecord<CacheKind>[]> {
    if (trackIds.length === 0) return [];
    const rows = await this.#db.all<Row>(
      `SELECT * FROM encodes WHERE track_id IN ${inList(trackIds)}`,
      ...trackIds,
    );
    return rows.map((row) => this.#record(row));
  }

  async put(r: EncodeRecord<CacheKind>): Promise<void> {
    await this.#db.run(
      `INSERT INTO encodes (track_id, encoding, encoder_version, path, bytes, sha256, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (track_id, encoding, encoder_version) DO UPDATE SET path = excluded.path,
         bytes = excluded.bytes, sha256 = excluded.sha256, created_at = excluded.created_at`,
      r.trackId,
      r.encoding,
      r.encoderVersion,
      toStoredPath(this.#dataDir, r.path),
      r.bytes,
      r.sha256,
      r.createdAt,
    );
  }

  async delete(trackId: number, encoding: CacheKind, encoderVersion: string): Promise<void> {
    await this.#db.run(
      'DELETE FROM encodes WHERE track_id = ? AND encoding = ? AND encoder_version = ?',
      trackId,
      encoding,
      encoderVersion,
    );
  }
}
