// The app:// protocol: registered as a privileged standard scheme before ready, then answering
// every request from packaged files or the app service's covers, each response with the CSP.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CoverImage } from '../../core/app/app-host.ts';
import type { OpenedLibraryFile } from '../../core/media/library-file.ts';
import type { PreviewAnswer, PreviewRequest } from '../../core/media/preview-proxy.ts';
import { isMegadiscError } from '../../shared/errors.ts';
import { APP_HOST, APP_SCHEME } from '../security/app-origin.ts';
import { securityHeaders } from '../security/content-policy.ts';
import { coverCacheControl, isCoverPath, parseCoverPath, safeImageType } from './cover-route.ts';
import { isLibraryFilePath, serveLibraryFile } from './library-file-route.ts';
import { isPreviewPath, servePreview } from './preview-route.ts';
import { contentTypeOf, isClientRoute, resolveStaticPath } from './static-files.ts';

/** Must run before app 'ready': Chromium reads scheme privileges once, at startup. */
export function registerAppScheme(protocol: {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void;
}): void {
  protocol.registerSchemesAsPrivileged([
    // stream: <audio> reads library files in ranges as it plays and seeks.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

export interface AppProtocolOptions {
  /** The built renderer folder (dist/renderer). */
  rendererDir: string;
  cover(source: 'store' | 'library', albumId: number, size: number): Promise<CoverImage | null>;
  /** A library file by index id, opened and confined to the library (the player's source). */
  libraryFile?: (fileId: number) => Promise<OpenedLibraryFile>;
  /** A track's store preview through the core's proxy (electron/core/media/preview-proxy.ts). */
  preview?: (trackId: number, request: PreviewRequest) => Promise<PreviewAnswer>;
}

export function createAppRequestHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return plain(404, 'not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    try {
      if (isCoverPath(url.pathname)) return await serveCover(url.pathname, options);
      if (isLibraryFilePath(url.pathname) && options.libraryFile)
        return await serveLibraryFile(request, url.pathname, options.libraryFile);
      if (isPreviewPath(url.pathname) && options.preview)
        return await servePreview(request, url.pathname, options.preview);
      return await serveFile(url.pathname, options.rendererDir);
    } catch {
      return plain(500, 'internal error');
    }
  };
}

async function serveCover(pathname: string, options: AppProtocolOptions): Promise<Response> {
  const wanted = parseCoverPath(pathname);
  if (!wanted) return plain(404, 'not found');
  let image: CoverImage | null;
  try {
    image = await options.cover(wanted.source, wanted.albumId, wanted.size);
  } catch (error) {
    if (!isMegadiscError(error) || error.code !== 'NOT_FOUND')
      return plain(502, 'the cover could not be fetched');
    image = null;
  }
  if (!image) return plain(404, 'no cover');
  return new Response(Buffer.from(image.bytes), {
    status: 200,
    headers: {
      ...securityHeaders(safeImageType(image.contentType)),
      'Cache-Control': coverCacheControl(wanted.source),
    },
  });
}

async function serveFile(pathname: string, rendererDir: string): Promise<Response> {
  const path = resolveStaticPath(rendererDir, pathname);
  if (path === null) return plain(403, 'forbidden');
  if (await isFile(path)) return fileResponse(path);
  if (isClientRoute(pathname)) return fileResponse(join(rendererDir, 'index.html'));
  return plain(404, 'not found');
}

async function fileResponse(path: string): Promise<Response> {
  const bytes = await readFile(path);
  return new Response(bytes, { status: 200, headers: securityHeaders(contentTypeOf(path)) });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}
