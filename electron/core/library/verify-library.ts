// Re-hashes every indexed file and records whether it is intact, missing or changed.
import { stat } from 'node:fs/promises';
import { hashFile } from './hash-file.ts';
import type { LibraryIndex } from './library-index.ts';
import type { FileStatus, LibraryFile, VerifyProgress, VerifyReport } from './library-types.ts';
import { requireRoot, resolveInLibrary, splitLibraryPath } from './resolve-in-library.ts';

async function check(root: string, file: LibraryFile): Promise<FileStatus> {
  let absolute: string;
  try {
    // A path that now leads out of the library (a symlink swapped in) is not the file we filed.
    absolute = await resolveInLibrary(root, splitLibraryPath(file.path));
  } catch {
    return 'missing';
  }
  try {
    const stats = await stat(absolute);
    if (!stats.isFile()) return 'missing';
    // A different size settles it without reading the file.
    if (stats.size !== file.bytes) return 'changed';
  } catch {
    return 'missing';
  }
  return (await hashFile(absolute)) === file.sha256 ? 'ok' : 'changed';
}

export async function verifyLibrary(
  index: LibraryIndex,
  root: string,
  onProgress?: (p: VerifyProgress) => void,
  options: { albumId?: number } = {},
): Promise<VerifyReport> {
  await requireRoot(root);
  const report: VerifyReport = { ok: [], missing: [], changed: [] };
  const files = index.files(options.albumId);
  let done = 0;
  for (const file of files) {
    const status = await check(root, file);
    index.setStatus(file.id, status, new Date().toISOString());
    const updated = index.get(file.id) ?? { ...file, status };
    report[status].push(updated);
    done++;
    onProgress?.({ done, total: files.length, file: updated, status });
  }
  return report;
}
