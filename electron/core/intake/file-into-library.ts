// The step after verification: write a tagged, read-back-checked copy of the verified download
// straight to its place in the library, and index it. The verified .part is removed only at the
// very end, so a failure at any step loses nothing and never files a half-tagged song.
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { EncodingId } from '../../../api/encodings.ts';
import type { TagData } from '../../../api/schemas/orders.ts';
import { onDisk } from '../downloads/transfer/disk-error.ts';
import { hashFile, type LibraryFile, type LibraryIndex } from '../library/index.ts';
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
  const sha256 = await hashFile(target.absolute);
  const { size } = await stat(target.absolute);
  const file = req.index.add({
    store: req.store,
    path: target.relative,
    encoding: req.encoding,
    bytes: size,
    sha256,
    purchaseId: req.purchaseId,
    itemId: req.itemId,
    tags: req.tags,
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
