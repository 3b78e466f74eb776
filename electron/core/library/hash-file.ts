// Streaming SHA-256 of a file: constant memory whatever the size of a lossless album.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

const CHUNK = 1 << 20;
/** Read buffers of finished hashes, reused: a buffer per read would be garbage the GC has to chase. */
const spare: Buffer[] = [];

export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  const file = await open(path, 'r');
  const buffer = spare.pop() ?? Buffer.allocUnsafe(CHUNK);
  try {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
    if (spare.length < 4) spare.push(buffer);
  }
  return hash.digest('hex');
}
