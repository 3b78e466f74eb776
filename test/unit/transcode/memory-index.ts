// Map-backed EncodeIndex standing in for the server's SQLite table in the transcode tests.

import type { EncodingId } from '../../../api/encodings.ts';
import type { EncodeIndex, EncodeRecord } from '../../../server/transcode/index.ts';

export class MemoryEncodeIndex implements EncodeIndex {
  readonly rows = new Map<string, EncodeRecord>();
  puts = 0;

  get(trackId: number, encoding: EncodingId, encoderVersion: string): EncodeRecord | undefined {
    return this.rows.get(key(trackId, encoding, encoderVersion));
  }

  put(record: EncodeRecord): void {
    this.puts += 1;
    this.rows.set(key(record.trackId, record.encoding, record.encoderVersion), record);
  }

  delete(trackId: number, encoding: EncodingId, encoderVersion: string): void {
    this.rows.delete(key(trackId, encoding, encoderVersion));
  }
}

function key(trackId: number, encoding: EncodingId, encoderVersion: string): string {
  return `${trackId}\u0000${encoding}\u0000${encoderVersion}`;
}
