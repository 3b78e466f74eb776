// Makes a finished temp file durable and moves it into place, so the final path never holds a partial encode.

import { createHash } from 'node:crypto';
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface CommittedFile {
  bytes: number;
  /** Lowercase hex. */
  sha256: string;
}

/** fsyncs and hashes `tempPath` (streamed, so big lossless files cost no memory), then renames it. */
export async function commitOutput(tempPath: string, finalPath: string): Promise<CommittedFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  const handle = await open(tempPath, 'r');
  try {
    // Data must be on disk before the rename is, or a power cut could leave a renamed but empty file.
    await handle.sync();
    for await (const chunk of handle.createReadStream({
      autoClose: false,
      start: 0,
      highWaterMark: 1 << 20,
    })) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } finally {
    await handle.close();
  }
  if (bytes === 0) throw new Error('the encoder produced an empty file');
  await rename(tempPath, finalPath);
  await syncDirectory(dirname(finalPath));
  return { bytes, sha256: hash.digest('hex') };
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
