// GET /covers/store/:albumId/:size and /covers/library/:albumId[/:size]: cover images via the service.
import type { ServerResponse } from 'node:http';
import type { AppService } from '../core/app/app-host.ts';
import { isMegadiscError } from '../shared/errors.ts';
import { sendText } from './http-replies.ts';

/** Library covers are read as filed; the service treats size 0 as "as stored". */
const LIBRARY_AS_STORED = 0;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

/** Answers a /covers/… path, given its segments after "covers". */
export async function handleCover(
  segments: string[],
  res: ServerResponse,
  service: AppService,
  log: (message: string) => void,
): Promise<void> {
  const [source, idText, sizeText, ...rest] = segments;
  const albumId = positiveInt(idText);
  const size = sizeText === undefined && source === 'library' ? LIBRARY_AS_STORED : positiveInt(sizeText);
  if ((source !== 'store' && source !== 'library') || albumId === null || size === null || rest.length > 0)
    return sendText(res, 404, 'no such cover address');

  let image: Awaited<ReturnType<AppService['cover']>>;
  try {
    image = await service.cover(source, albumId, size);
  } catch (error) {
    if (isMegadiscError(error) && error.code === 'NOT_FOUND') image = null;
    else {
      log(`cover ${source}/${albumId}/${size} failed: ${error instanceof Error ? error.message : error}`);
      return sendText(res, 502, 'the cover could not be fetched');
    }
  }
  if (!image) return sendText(res, 404, 'no cover');
  // The type comes from a store or a file; never let it turn bytes into a page.
  const type = image.contentType.split(';')[0]!.trim().toLowerCase();
  res.writeHead(200, {
    'Content-Type': IMAGE_TYPES.has(type) ? type : 'application/octet-stream',
    'Content-Length': image.bytes.byteLength,
    // A store album's cover does not change; a library folder's cover.jpg may be replaced.
    'Cache-Control': source === 'store' ? 'private, max-age=86400' : 'private, max-age=60',
  });
  res.end(image.bytes);
}

function positiveInt(text: string | undefined): number | null {
  if (text === undefined || !/^[1-9]\d{0,9}$/.test(text)) return null;
  const value = Number(text);
  return value <= 2_147_483_647 ? value : null;
}
