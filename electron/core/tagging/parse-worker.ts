// Worker thread: parses one file at a time with music-metadata, so a hostile file can only hurt this thread.
import { parentPort } from 'node:worker_threads';
import { parseFile } from 'music-metadata';
import { isAsfFile, readAsfPicture } from './asf-picture.ts';
import { findDamage } from './damage-checks.ts';
import { coverFrom, normalizeMetadata } from './normalize-metadata.ts';
import type { ReadBackTags } from './types.ts';

export interface ParseRequest {
  id: number;
  path: string;
}

export type ParseReply =
  | { id: number; ok: true; tags: ReadBackTags }
  | { id: number; ok: false; error: string; code: string | undefined };

async function parse(path: string): Promise<ReadBackTags> {
  const isAsf = await isAsfFile(path);
  // skipCovers for ASF: music-metadata's WM/Picture parser reads the wrong bytes and may throw.
  const meta = await parseFile(path, { duration: false, skipCovers: isAsf });
  const damage = await findDamage(path, meta);
  if (damage !== null) throw new Error(damage);
  let asfCover: ReadBackTags['cover'] | undefined;
  if (isAsf) {
    const picture = await readAsfPicture(path);
    asfCover = picture ? coverFrom(picture.mimeType, picture.data) : null;
  }
  return normalizeMetadata(meta, asfCover);
}

parentPort?.on('message', async ({ id, path }: ParseRequest) => {
  try {
    const tags = await parse(path);
    // A fresh copy of the cover can be transferred instead of cloned.
    const transfer: ArrayBuffer[] = [];
    if (tags.cover) {
      tags.cover.data = new Uint8Array(tags.cover.data);
      transfer.push(tags.cover.data.buffer as ArrayBuffer);
    }
    parentPort?.postMessage({ id, ok: true, tags } satisfies ParseReply, transfer);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    parentPort?.postMessage({ id, ok: false, error: message, code } satisfies ParseReply);
  }
});
