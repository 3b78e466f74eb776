// A map-backed encode index for one process: the transcode tests and the encode benchmark (the
// store keeps its index in its database, server/db/encode-index.ts).

import type { EncodingId } from '../../api/schemas/encoding-catalog.ts';
import type { EncodeIndex, EncodeKey, EncodeRecord } from './types.ts';

export class MemoryEncodeIndex implements EncodeIndex {
  readonly rows = new Map<string, EncodeRecord>();
  puts = 0;

  async get(
    trackId: number,
    encoding: EncodingId,
    encoderVersion: string,
  ): Promise<EncodeRecord | undefined> {
    return this.rows.get(key(trackId, encoding, encoderVersion));
  }

  async ofTracks(trackIds: number[]): Promise<EncodeRecord[]> {
    return [...this.rows.values()].filter((r) => trackIds.includes(r.trackId));
  }

  async put(record: EncodeRecord): Promise<void> {
    this.puts += 1;
    this.rows.set(key(record.trackId, record.encoding, record.encoderVersion), record);
  }

  async delete(trackId: number, encoding: EncodingId, encoderVersion: string): Promise<void> {
    this.rows.delete(key(trackId, encoding, encoderVersion));
  }

  // One process: the transcoder's own in-flight map already makes one run per key.
  readonly claims = new Map<string, string>();

  async claim(k: EncodeKey, owner: string): Promise<boolean> {
    const id = key(k.trackId, k.encoding as EncodingId, k.encoderVersion);
    const holder = this.claims.get(id);
    if (holder !== undefined && holder !== owner) return false;
    this.claims.set(id, owner);
    return true;
  }

  async renew(): Promise<void> {}

  async release(k: EncodeKey, owner: string): Promise<void> {
    const id = key(k.trackId, k.encoding as EncodingId, k.encoderVersion);
    if (this.claims.get(id) === owner) this.claims.delete(id);
  }
}

function key(trackId: number, encoding: EncodingId, encoderVersion: string): string {
  return `${trackId}\u0000${encoding}\u0000${encoderVersion}`;
}
