// Publishes a verified .part under its final name durably: fsync the file, rename, fsync the directory.
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { asMegadiscError } from '../../../shared/as-megadisc-error.ts';
import { onDisk } from './on-disk.ts';

/**
 * Without the first fsync a crash could leave the final name pointing at a file with missing data;
 * without the directory fsync the rename itself could be lost. rename() is atomic only within one
 * filesystem, so finalPath must be next to the .part (or at least on the same filesystem).
 */
export async function finalizeFile(partPath: string, finalPath: string): Promise<void> {
  const file = await onDisk(partPath, () => open(partPath, 'r+'));
  try {
    await onDisk(partPath, () => file.sync());
  } finally {
    await file.close();
  }
  await onDisk(finalPath, () => rename(partPath, finalPath));
  await syncDirectory(dirname(finalPath));
}

async function syncDirectory(dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(dir, 'r');
  } catch {
    return; // Windows cannot open a directory; NTFS journals the rename itself.
  }
  try {
    await handle.sync();
  } catch (cause) {
    // Some filesystems refuse fsync on a directory; the rename has happened either way.
    const code = (cause as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EBADF') {
      throw asMegadiscError(cause, `cannot write ${dir}`);
    }
  } finally {
    await handle.close();
  }
}
