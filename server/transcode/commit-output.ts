// Makes a finished temp file durable and moves it to a name made from its content, so a final path
// never holds a partial encode, nor two different ones.

import { createHash } from 'node:crypto';
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface CommittedFile {
  path: string;
  bytes: number;
  /** Lowercase hex. */
  sha256: string;
}

const CHUNK = 1 << 20;

/**
 * fsyncs and hashes `tempPath` (1 MiB at a time into one buffer: big lossless files cost no memory, and
 * no garbage while the encoders next to it need the CPU), then renames it to `finalPathOf(sha256)`.
 */
export async function commitOutput(
  tempPath: string,
  finalPathOf: (sha256: string) => string,
): Promise<CommittedFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  const handle = await open(tempPath, 'r');
  try {
    // Data must be on disk before the rename is, or a power cut could leave a renamed but empty file.
    await handle.sync();
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, bytes);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
    }
  } finally {
    await handle.close();
  }
  if (bytes === 0) throw new Error('the encoder produced an empty file');
  const sha256 = hash.digest('hex');
  const path = finalPathOf(sha256);
  await rename(tempPath, path);
  await syncDirectory(dirname(path));
  return { path, bytes, sha256 };
}

/** Persists the rename itself. Best effort: some filesystems refuse fsync on directories. */
async function syncDirectory(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The file is complete either way; at worst a crash forgets the rename and the encode is redone.
  }
}
