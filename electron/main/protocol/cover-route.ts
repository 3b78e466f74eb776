// The cover URLs web mode serves (electron/web/cover-route.ts), served over app:// too, so the
// renderer uses the same relative URLs: /covers/store/:albumId/:size and /covers/library/:albumId[/:size].

export interface CoverRequest {
  source: 'store' | 'library';
  albumId: number;
  size: number;
}

/** Library covers are read as filed; the service treats size 0 as "as stored". */
export const LIBRARY_AS_STORED = 0;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

/** The cover a path asks for; null when the path is malformed. */
export function parseCoverPath(pathname: string): CoverRequest | null {
  const [empty, covers, source, idText, sizeText, ...rest] = pathname.split('/');
  if (empty !== '' || covers !== 'covers' || rest.length > 0) return null;
  if (source !== 'store' && source !== 'library') return null;
  const albumId = positiveInt(idText);
  const size = sizeText === undefined && source === 'library' ? LIBRARY_AS_STORED : positiveInt(sizeText);
  if (albumId === null || size === null) return null;
  return { source, albumId, size };
}

export function isCoverPath(pathname: string): boolean {
  return pathname.startsWith('/covers/');
}

/** The type comes from a store or a file; never let it turn bytes into a page. */
export function safeImageType(contentType: string): string {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return IMAGE_TYPES.has(type) ? type : 'application/octet-stream';
}

/** A store album's cover does not change; a library folder's cover.jpg may be replaced. */
export function coverCacheControl(source: CoverRequest['source']): string {
  return source === 'store' ? 'private, max-age=86400' : 'private, max-age=60';
}

function positiveInt(text: string | undefined): number | null {
  if (text === undefined || !/^[1-9]\d{0,9}$/.test(text)) return null;
  const value = Number(text);
  return value <= 2_147_483_647 ? value : null;
}
