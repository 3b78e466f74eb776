// app://megadisc/library/files/:fileId: a library file for the player, with Range, over the app
// protocol. The core opens and confines the file; this turns its answer into a fetch Response.
import { Readable } from 'node:stream';
import { answerRange, type OpenedLibraryFile } from '../../core/media/library-file.ts';
import { isMegadiscError } from '../../shared/errors.ts';
import { securityHeaders } from '../security/content-policy.ts';

const PREFIX = '/library/files/';

export function isLibraryFilePath(pathname: string): boolean {
  return pathname.startsWith(PREFIX);
}

/** The file id a path names, or null when it is malformed (only digits, nothing after). */
export function parseLibraryFilePath(pathname: string): number | null {
  const text = pathname.slice(PREFIX.length);
  if (!/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= 2_147_483_647 ? id : null;
}

export async function serveLibraryFile(
  request: Request,
  pathname: string,
  open: (fileId: number) => Promise<OpenedLibraryFile>,
): Promise<Response> {
  const fileId = parseLibraryFilePath(pathname);
  if (fileId === null) return refusal(404, 'NOT_FOUND', 'no such library file address');
  let file: OpenedLibraryFile;
  try {
    file = await open(fileId);
  } catch (error) {
    if (isMegadiscError(error) && error.code === 'PERMISSION_DENIED')
      return refusal(403, 'PERMISSION_DENIED', 'that file is outside the library');
    if (isMegadiscError(error) && error.code === 'NOT_FOUND')
      return refusal(404, 'NOT_FOUND', 'no such file in the library');
    throw error;
  }
  const answer = answerRange(file, {
    range: request.headers.get('range'),
    ifRange: request.headers.get('if-range'),
    ifNoneMatch: request.headers.get('if-none-match'),
  });
  const headers = { ...securityHeaders(file.contentType), ...answer.headers };
  if (answer.body === null || request.method === 'HEAD') {
    await file.handle.close();
    return new Response(null, { status: answer.status, headers });
  }
  const stream = file.handle.createReadStream(answer.body);
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    status: answer.status,
    headers,
  });
}

function refusal(status: number, code: string, text: string): Response {
  return new Response(`${code}: ${text}`, {
    status,
    headers: { ...securityHeaders('text/plain; charset=utf-8'), 'X-Megadisc-Error': code },
  });
}
