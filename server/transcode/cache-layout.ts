// Where encodes live in the cache directory, how unfinished ones are named, and sweeping crash leftovers.

import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ENCODINGS, isEncodingId } from '../../api/schemas/encoding-catalog.ts';
import { PREVIEW_EXTENSION } from './preview-recipe.ts';
import type { CacheKind } from './types.ts';

/** Marks files an encoder is still writing; they are renamed to their final name only when complete. */
const TEMP_MARKER = '.tmp-';

export class CacheLayout {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /**
   * `<root>/<encoding>/<trackId>-<version hash>-<content hash>.<ext>`: a new encoder version never
   * reuses an old file, and a name is only ever given to one content. So an encode committed late
   * by a stale attempt (on this node or another sharing the folder) can never replace the file an
   * order was settled with: it lands beside it, under its own name.
   */
  finalPath(encoding: CacheKind, trackId: number, encoderVersion: string, sha256: string): string {
    return join(
      this.root,
      encoding,
      `${this.#stem(trackId, encoderVersion)}-${sha256.slice(0, 16)}.${extensionOf(encoding)}`,
    );
  }

  /**
   * A unique name in the encoding's folder (where the final file goes, so the rename is atomic). It
   * keeps the extension at the end because mpcenc refuses output names not ending in `.mpc`.
   */
  tempPath(encoding: CacheKind, trackId: number, encoderVersion: string): string {
    const stem = this.#stem(trackId, encoderVersion);
    return join(
      this.root,
      encoding,
      `${stem}${TEMP_MARKER}${randomBytes(6).toString('hex')}.${extensionOf(encoding)}`,
    );
  }

  #stem(trackId: number, encoderVersion: string): string {
    return `${trackId}-${createHash('sha256').update(encoderVersion).digest('hex').slice(0, 10)}`;
  }

  /** Deletes temp files a crashed process left behind; returns how many. Only touches encoding folders. */
  sweepStaleTemps(): number {
    let removed = 0;
    for (const folder of listDir(this.root)) {
      if (!isEncodingId(folder) && folder !== 'preview') continue;
      for (const name of listDir(join(this.root, folder))) {
        if (!name.includes(TEMP_MARKER)) continue;
        rmSync(join(this.root, folder, name), { force: true });
        removed += 1;
      }
    }
    return removed;
  }
}

function extensionOf(kind: CacheKind): string {
  return kind === 'preview' ? PREVIEW_EXTENSION : ENCODINGS[kind].extension;
}

function listDir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}
