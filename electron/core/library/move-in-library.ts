// Moves one indexed file inside the library, keeping the index in step with the disk.
import { mkdir, rename, rmdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { asMegadiscError } from '../../shared/as-megadisc-error.ts';
import type { LibraryIndex } from './library-index.ts';
import { isInside, resolveInLibrary, splitLibraryPath } from './resolve-in-library.ts';

/** Removes dir and its parents while they are empty, stopping at the root. */
export async function pruneEmptyFolders(root: string, dir: string): Promise<void> {
  for (let current = dir; current !== root && isInside(root, current); current = dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return; // not empty (or not ours to remove): everything above is not empty either
    }
  }
}

/**
 * rename() then the index update, one file at a time: after any failure the index still names
 * the place where each file really is. root must be the library's realpath. The caller has made
 * sure nothing is at `to` (rename would replace it silently on POSIX).
 */
export async function moveInLibrary(
  index: LibraryIndex,
  root: string,
  fileId: number,
  from: string,
  to: string,
) {
  const source = await resolveInLibrary(root, splitLibraryPath(from));
  const target = await resolveInLibrary(root, splitLibraryPath(to));
  try {
    await mkdir(dirname(target), { recursive: true });
    await rename(source, target);
  } catch (error) {
    throw asMegadiscError(error, `cannot move ${from} to ${to}`);
  }
  try {
    index.setPath(fileId, to);
  } catch (error) {
    await rename(target, source).catch(() => {});
    throw asMegadiscError(error, `cannot record the move of ${from} to ${to}`);
  }
  await pruneEmptyFolders(root, dirname(source));
}
