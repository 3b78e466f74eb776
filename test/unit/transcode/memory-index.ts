// Map-backed EncodeIndex standing in for the server's SQLite table in the transcode tests.

import type { EncodingId } from '../../../api/encodings.ts';
import type { EncodeIndex, EncodeRecord } from '../../../server/transcode/index.ts';

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
}

function key(trackId: number, encoding: EncodingId, encoderVersion: string): string {
  return `${trackId}\u0000${encoding}\u0000${encoderVersion}`;
}
