// Finds an imported album's cover: a cover/folder image beside the files, else the embedded picture saved to disk.
import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileTags } from './tag-reader.ts';

/** Preference order: names people and rippers use for the front cover. */
const FOLDER_IMAGE_NAMES = ['cover', 'folder', 'front'].flatMap((base) =>
  ['jpg', 'jpeg', 'png'].map((ext) => `${base}.${ext}`),
);

export class CoverFinder {
  readonly coverDir: string;
  #folderImages = new Map<string, Promise<string | undefined>>();

  constructor(coverDir: string) {
    this.coverDir = coverDir;
  }

  /** Cached per directory: every track of an album asks about the same folder. */
  folderImage(dir: string): Promise<string | undefined> {
    let found = this.#folderImages.get(dir);
    if (!found) {
      found = readdir(dir).then(
        (names) => {
          const byLower = new Map(names.map((n) => [n.toLowerCase(), n]));
          const match = FOLDER_IMAGE_NAMES.find((name) => byLower.has(name));
          return match ? join(dir, byLower.get(match)!) : undefined;
        },
        () => undefined,
      );
      this.#folderImages.set(dir, found);
    }
    return found;
  }

  /** Writes embedded art under a content hash, so the same picture in every track of an album is stored once.
   * Only real JPEG/PNG bytes are kept: the catalog accepts those two, and the declared MIME type is often wrong. */
  async saveEmbedded(picture: NonNullable<FileTags['picture']>): Promise<string | undefined> {
    const ext = imageExtension(picture.data);
    if (!ext) return undefined;
    const hash = createHash('sha256').update(picture.data).digest('hex').slice(0, 32);
    const path = join(this.coverDir, `${hash}.${ext}`);
    await mkdir(this.coverDir, { recursive: true });
    const partial = `${path}.${process.pid}.part`;
    await writeFile(partial, picture.data);
    await rename(partial, path);
    return path;
  }
}

export function imageExtension(data: Uint8Array): 'jpg' | 'png' | undefined {
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg';
  if (data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return 'png';
  return undefined;
}
