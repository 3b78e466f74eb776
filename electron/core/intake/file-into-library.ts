// The step after verification: write a tagged, read-back-checked copy of the verified download
// straight to its place in the library, and index it. The verified .part is removed only at the
// very end, so a failure at any step loses nothing and never files a half-tagged song.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { TagData } from '../../../api/schemas/orders.ts';
import { onDisk } from '../downloads/transfer/on-disk.ts';
import { sha256Thread } from '../downloads/transfer/sha256-thread.ts';
import type { LibraryFile, LibraryIndex } from '../library/index.ts';
import { inTransaction } from '../profile/open-profile.ts';
import type { Settings } from '../settings/settings.ts';
import type { CoverImage } from '../tagging/index.ts';
import { writeTaggedCopy } from '../tagging/index.ts';

export interface IntakeRequest {
  /** The verified download in staging. */
  partPath: string;
  encoding: EncodingId;
  tags: TagData;
  store: string;
  purchaseId: number;
  itemId: string;
  settings: Settings;
  index: LibraryIndex;
  /** The album's cover under the settings' cap, or null; fetched once per album by the caller. */
  cover: CoverImage | null;
  /**
   * Runs in the transaction that adds the index row (the download job's move to 'done'): one commit,
   * and so one fsync on the event loop, files the track and closes its job together.
   */
  onFiled?: (file: LibraryFile) => void;
}

export async function fileIntoLibrary(req: IntakeRequest): Promise<LibraryFile> {
  const root = req.settings.libraryDir;
  await onDisk(root, () => mkdir(root, { recursive: true }));
  const target = await req.index.newFilePath(root, req.settings.pathTemplate, req.tags, req.encoding, {
    ascii: req.settings.pathAscii,
  });
  const dir = dirname(target.absolute);
  await onDisk(dir, () => mkdir(dir, { recursive: true }));
  // The tagged copy is written next to its destination (the library may be on another disk) under a
  // hidden temp name, checked, then renamed into place; the verified .part is left as it was.
  await writeTaggedCopy(req.partPath, target.absolute, req.encoding, req.tags, {
    id3Version: req.settings.id3Version,
    cover: req.cover,
  });
  // The index holds the filed file's own SHA-256 (tags included), so it is read back once, on the
  // hashing thread: the event loop meanwhile carries the other transfers. The bytes come from the page
  // cache (the copy was just written).
  const { sha256, bytes } = await sha256Thread().file(target.absolute);
  const file = inTransaction(req.index.db, () => {
    const added = req.index.add({
      store: req.store,
      path: target.relative,
      encoding: req.encoding,
      bytes,
      sha256,
      purchaseId: req.purchaseId,
      itemId: req.itemId,
      tags: req.tags,
    });
    req.onFiled?.(added);
    return added;
  });
  if (req.settings.coverFile && req.cover) await writeCoverFile(dir, req.cover);
  await rm(req.partPath, { force: true });
  return file;
}

/** cover.jpg (or .png) in the album folder, written once; never replaces one the user put there. */
async function writeCoverFile(dir: string, cover: CoverImage): Promise<void> {
  const name = cover.mimeType === 'image/png' ? 'cover.png' : 'cover.jpg';
  try {
    await writeFile(join(dir, name), cover.data, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
