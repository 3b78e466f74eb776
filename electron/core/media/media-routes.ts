// The media the UI asks its host for, by path: covers, store previews and library files. One table,
// answered alike over web mode's HTTP and the desktop's app:// protocol (same relative URLs).
import { Readable } from 'node:stream';
import { asMegadiscError } from '../../shared/as-megadisc-error.ts';
import { isMegadiscError } from '../../shared/errors.ts';
import { answerRange, type OpenedLibraryFile } from './library-file.ts';
import type { PreviewAnswer, PreviewRequest } from './preview-proxy.ts';
import { refusalAnswer, type UiAnswer, type UiRequest } from './ui-answer.ts';

/** What the routes read media from: the app service (a host without previews or files leaves them out). */
export interface MediaSource {
  cover(
    source: 'store' | 'library',
    albumId: number,
    size: number,
  ): Promise<{ bytes: Uint8Array; contentType: string } | null>;
  libraryFile?: (fileId: number) => Promise<OpenedLibraryFile>;
  preview?: (trackId: number, request: PreviewRequest) => Promise<PreviewAnswer>;
}

export interface MediaHost {
  /** The source once the core runs (hosts answer the page before it does); null: it failed to start. */
  media(): Promise<MediaSource | null>;
  log?: (message: string) => void;
}

export interface CoverRequest {
  source: 'store' | 'library';
  albumId: number;
  size: number;
}

type Route = (request: UiRequest, rest: string[], host: MediaHost) => Promise<UiAnswer>;

/** Path prefix → route, given the path's segments after the prefix. */
const MEDIA_ROUTES: [prefix: string, route: Route][] = [
  ['/covers/', answerCover],
  ['/previews/', answerPreview],
  ['/library/files/', answerLibraryFile],
];

/** Library covers are read as filed; the service treats size 0 as "as stored". */
const LIBRARY_AS_STORED = 0;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

/** Whether a path is one of the media routes (which wait for the core), not the renderer's files. */
export function isMediaPath(pathname: string): boolean {
  return MEDIA_ROUTES.some(([prefix]) => pathname.startsWith(prefix));
}

/** The media route's answer, or null when the path is not a media route. */
export function answerMedia(request: UiRequest, host: MediaHost): Promise<UiAnswer> | null {
  const found = MEDIA_ROUTES.find(([prefix]) => request.pathname.startsWith(prefix));
  if (!found) return null;
  const [prefix, route] = found;
  return route(request, request.pathname.slice(prefix.length).split('/'), host);
}

/** The cover a path asks for; null when the path is malformed. */
export function parseCoverPath(pathname: string): CoverRequest | null {
  const [empty, covers, source, idText, sizeText, ...rest] = pathname.split('/');
  if (empty !== '' || covers !== 'covers' || rest.length > 0) return null;
  if (source !== 'store' && source !== 'library') return null;
  const albumId = positiveId(idText);
  const size = sizeText === undefined && source === 'library' ? LIBRARY_AS_STORED : positiveId(sizeText);
  if (albumId === null || size === null) return null;
  return { source, albumId, size };
}

/** An id or size from a URL: a positive 32-bit integer in plain digits, and nothing more. */
function positiveId(text: string | undefined): number | null {
  if (text === undefined || !/^[1-9]\d{0,9}$/.test(text)) return null;
  const value = Number(text);
  return value <= 2_147_483_647 ? value : null;
}

/** The id of a route that takes one segment; null when the rest of the path is anything else. */
function singleId(rest: string[]): number | null {
  return rest.length === 1 ? positiveId(rest[0]) : null;
}

const notStarted = () => refusalAnswer(503, 'INTERNAL', 'the app service did not start');

async function answerCover(request: UiRequest, _rest: string[], host: MediaHost): Promise<UiAnswer> {
  const wanted = parseCoverPath(request.pathname);
  if (!wanted) return refusalAnswer(404, 'NOT_FOUND', 'no such cover address');
  const media = await host.media();
  if (!media) return notStarted();
  const { source, albumId, size } = wanted;
  let image: Awaited<ReturnType<MediaSource['cover']>>;
  try {
    image = await media.cover(source, albumId, size);
  } catch (error) {
    const known = asMegadiscError(error);
    if (known.code !== 'NOT_FOUND') {
      host.log?.(`cover ${source}/${albumId}/${size} failed: ${known.message}`);
      return refusalAnswer(502, known.code, 'the cover could not be fetched');
    }
    image = null;
  }
  if (!image) return refusalAnswer(404, 'NOT_FOUND', 'no cover');
  // The type comes from a store or a file; never let it turn bytes into a page.
  const type = image.contentType.split(';')[0]!.trim().toLowerCase();
  return {
    status: 200,
    headers: {
      'Content-Type': IMAGE_TYPES.has(type) ? type : 'application/octet-stream',
      'Content-Length': String(image.bytes.byteLength),
      // A store album's cover does not change; a library folder's cover.jpg may be replaced.
      'Cache-Control': source === 'store' ? 'private, max-age=86400' : 'private, max-age=60',
    },
    body: request.method === 'HEAD' ? null : image.bytes,
  };
}

async function answerPreview(request: UiRequest, rest: string[], host: MediaHost): Promise<UiAnswer> {
  const trackId = singleId(rest);
  if (trackId === null) return refusalAnswer(404, 'NOT_FOUND', 'no such preview address');
  const media = await host.media();
  if (!media) return notStarted();
  if (!media.preview) return refusalAnswer(404, 'NOT_FOUND', 'this host plays no previews');
  const range = request.header('range');
  const ifRange = request.header('if-range');
  const answer = await media.preview(trackId, {
    ...(range ? { range } : {}),
    ...(ifRange ? { ifRange } : {}),
    signal: request.signal,
  });
  if (request.method === 'HEAD' && answer.body !== null) {
    if (typeof answer.body !== 'string') await answer.body.cancel().catch(() => {});
    return { status: answer.status, headers: answer.headers, body: null };
  }
  return { status: answer.status, headers: answer.headers, body: answer.body };
}

async function answerLibraryFile(request: UiRequest, rest: string[], host: MediaHost): Promise<UiAnswer> {
  const fileId = singleId(rest);
  if (fileId === null) return refusalAnswer(404, 'NOT_FOUND', 'no such library file address');
  const media = await host.media();
  if (!media) return notStarted();
  if (!media.libraryFile) return refusalAnswer(404, 'NOT_FOUND', 'this host serves no library files');
  let file: OpenedLibraryFile;
  try {
    file = await media.libraryFile(fileId);
  } catch (error) {
    if (isMegadiscError(error) && error.code === 'PERMISSION_DENIED')
      return refusalAnswer(403, 'PERMISSION_DENIED', 'that file is outside the library');
    if (isMegadiscError(error) && error.code === 'NOT_FOUND')
      return refusalAnswer(404, 'NOT_FOUND', 'no such file in the library');
    throw error;
  }
  const answer = answerRange(file, {
    range: request.header('range'),
    ifRange: request.header('if-range'),
    ifNoneMatch: request.header('if-none-match'),
  });
  if (answer.body === null || request.method === 'HEAD') {
    await file.handle.close();
    return { status: answer.status, headers: answer.headers, body: null };
  }
  // The read stream closes the handle when it ends or the player lets go mid-file (a seek).
  const stream = file.handle.createReadStream(answer.body);
  return {
    status: answer.status,
    headers: answer.headers,
    body: Readable.toWeb(stream) as ReadableStream<Uint8Array>,
  };
}
