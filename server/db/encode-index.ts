// The encode cache's index, kept in the store database so prices can tell exact sizes from estimates.
import type { CacheKind, EncodeIndex, EncodeKey, EncodeRecord } from '../transcode/index.ts';
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

  claim(key: EncodeKey, owner: string, staleMs: number): Promise<boolean> {
    const now = new Date();
    return this.#db.tx(async (q) => {
      const fresh = await q.run(
        `INSERT INTO encode_claims (track_id, encoding, encoder_version, worker, heartbeat_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        key.trackId,
        key.encoding,
        key.encoderVersion,
        owner,
        now.toISOString(),
      );
      if (fresh.changes === 1) return true;
      const takenOver = await q.run(
        `UPDATE encode_claims SET worker = ?, heartbeat_at = ?
         WHERE track_id = ? AND encoding = ? AND encoder_version = ? AND (worker = ? OR heartbeat_at < ?)`,
        owner,
        now.toISOString(),
        key.trackId,
        key.encoding,
        key.encoderVersion,
        owner,
        new Date(now.getTime() - staleMs).toISOString(),
      );
      return takenOver.changes === 1;
    });
  }

  async renew(key: EncodeKey, owner: string): Promise<void> {
    await this.#db.run(
      `UPDATE encode_claims SET heartbeat_at = ?
       WHERE track_id = ? AND encoding = ? AND encoder_version = ? AND worker = ?`,
      new Date().toISOString(),
      key.trackId,
      key.encoding,
      key.encoderVersion,
      owner,
    );
  }

  async release(key: EncodeKey, owner: string): Promise<void> {
    await this.#db.run(
      'DELETE FROM encode_claims WHERE track_id = ? AND encoding = ? AND encoder_version = ? AND worker = ?',
      key.trackId,
      key.encoding,
      key.encoderVersion,
      owner,
    );
  }
}
