// Serving one library file to the UI by its index id: confinement to the library folder, the media
// type, and the HTTP range answer (200/206/304/416, ETag, If-Range). The media routes
// (media-routes.ts) serve it to both hosts: web mode and the desktop app's app:// protocol.
import { constants } from 'node:fs';
import { type FileHandle, open, realpath } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { decideRange, ifRangeMatches } from '../../../api/http/byte-range.ts';
import { ENCODINGS, isEncodingId } from '../../../api/schemas/encoding-catalog.ts';
import { MegadiscError } from '../../shared/errors.ts';
import { isInside, requireRoot, splitLibraryPath } from '../library/resolve-in-library.ts';

/** What the host needs to find a file: the index row's path and encoding, and the library folder. */
export interface LibraryFileLookup {
  file(fileId: number): { path: string; encoding: string } | undefined;
  libraryRoot(): string;
}

/** An opened library file; whoever receives it reads from `handle` and closes it. */
export interface OpenedLibraryFile {
  handle: FileHandle;
  /** The real path (every symlink resolved), inside the library folder. */
  realPath: string;
  size: number;
  mtime: Date;
  contentType: string;
  etag: string;
}

const TYPES_BY_EXTENSION: Record<string, string> = {
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.mp4': 'audio/mp4',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg; codecs=opus',
  '.flac': 'audio/flac',
  '.mpc': 'audio/x-musepack',
  '.wma': 'audio/x-ms-wma',
};

/** The media type: from the encoding the index records, else from the file name's extension. */
export function libraryFileType(path: string, encoding: string): string {
  if (isEncodingId(encoding)) return ENCODINGS[encoding].mimeType;
  return TYPES_BY_EXTENSION[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The real path of an indexed file, refused unless it lies inside realpath(library folder):
 * NOT_FOUND for an unknown id or a file that is not there, PERMISSION_DENIED for one that leads
 * out of the library (a symlink, for instance).
 */
export async function resolveLibraryFile(
  lookup: LibraryFileLookup,
  fileId: number,
): Promise<{ realPath: string; encoding: string; path: string }> {
  const row = lookup.file(fileId);
  if (!row) throw new MegadiscError('NOT_FOUND', `no library file ${fileId}`);
  const realRoot = await requireRoot(lookup.libraryRoot());
  let components: string[];
  try {
    components = splitLibraryPath(row.path);
  } catch (error) {
    throw new MegadiscError(
      'PERMISSION_DENIED',
      `library file ${fileId} has a path that leaves the library`,
      {
        cause: error,
      },
    );
  }
  let realPath: string;
  try {
    realPath = await realpath(join(lookup.libraryRoot(), ...components));
  } catch (error) {
    throw new MegadiscError('NOT_FOUND', `library file ${fileId} is not on disk`, { cause: error });
  }
  if (!isInside(realRoot, realPath) || realPath === realRoot)
    throw new MegadiscError('PERMISSION_DENIED', `library file ${fileId} leads outside the library`);
  return { realPath, encoding: row.encoding, path: row.path };
}

/** Resolves and opens the file (never following a link swapped in since), with its identity. */
export async function openLibraryFile(lookup: LibraryFileLookup, fileId: number): Promise<OpenedLibraryFile> {
  const { realPath, encoding, path } = await resolveLibraryFile(lookup, fileId);
  let handle: FileHandle;
  try {
    handle = await open(realPath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP')
      throw new MegadiscError('PERMISSION_DENIED', `library file ${fileId} became a link`, { cause: error });
    throw new MegadiscError('NOT_FOUND', `library file ${fileId} could not be opened`, { cause: error });
  }
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    throw new MegadiscError('NOT_FOUND', `library file ${fileId} is not a regular file`);
  }
  return {
    handle,
    realPath,
    size: stats.size,
    mtime: stats.mtime,
    contentType: libraryFileType(path, encoding),
    // Size, change time and inode: a re-tagged or replaced file gets a new tag.
    etag: `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}-${stats.ino.toString(16)}"`,
  };
}

/** The request headers a range answer depends on (lower-case names, as node:http and fetch give them). */
export interface RangeRequest {
  range?: string | null;
  ifRange?: string | null;
  ifNoneMatch?: string | null;
}

export interface RangeAnswer {
  status: 200 | 206 | 304 | 416;
  headers: Record<string, string>;
  /** The bytes to send, `end` inclusive (as fs.createReadStream's); null: no body. */
  body: { start: number; end: number } | null;
}

/** Which bytes to send and with what headers. A Range with several parts is answered whole (RFC 9110 allows it). */
export function answerRange(
  file: Pick<OpenedLibraryFile, 'size' | 'mtime' | 'etag' | 'contentType'>,
  request: RangeRequest,
): RangeAnswer {
  const common: Record<string, string> = {
    'Content-Type': file.contentType,
    'Accept-Ranges': 'bytes',
    ETag: file.etag,
    'Last-Modified': file.mtime.toUTCString(),
    'Cache-Control': 'private, no-cache',
  };
  if (request.ifNoneMatch && matchesEtag(request.ifNoneMatch, file.etag))
    return { status: 304, headers: common, body: null };
  const whole = (): RangeAnswer => ({
    status: 200,
    body: file.size > 0 ? { start: 0, end: file.size - 1 } : null,
    headers: { ...common, 'Content-Length': String(file.size) },
  });
  if (!request.range) return whole();
  if (!ifRangeMatches(request.ifRange || undefined, file.etag, common['Last-Modified']!)) return whole();
  const decision = decideRange(request.range, file.size);
  // A header that is no range at all is ignored (the whole file), as RFC 9110 allows.
  if (decision.kind === 'full' || (decision.kind === 'unsatisfiable' && decision.malformed)) return whole();
  if (decision.kind === 'unsatisfiable')
    return { status: 416, headers: { ...common, 'Content-Range': `bytes */${file.size}` }, body: null };
  const { start, end } = decision;
  return {
    status: 206,
    body: { start, end },
    headers: {
      ...common,
      'Content-Length': String(end - start + 1),
      'Content-Range': `bytes ${start}-${end}/${file.size}`,
    },
  };
}

function matchesEtag(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
