// GET /library/files/:fileId: a library file for the player, with Range, behind the web host's
// token check. The core opens and confines the file; this streams its answer over node:http.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { AppService } from '../core/app/app-host.ts';
import { answerRange, type OpenedLibraryFile } from '../core/media/library-file.ts';
import { isMegadiscError } from '../shared/errors.ts';
import { sendFailure } from './http-replies.ts';

/** Answers a /library/files/… path, given its segments after "files". */
export async function handleLibraryFile(
  segments: string[],
  req: IncomingMessage,
  res: ServerResponse,
  service: AppService,
): Promise<void> {
  const [idText, ...rest] = segments;
  if (
    idText === undefined ||
    rest.length > 0 ||
    !/^[1-9]\d{0,9}$/.test(idText) ||
    Number(idText) > 2_147_483_647
  )
    return sendFailure(res, 404, 'NOT_FOUND', 'no such library file address');
  let file: OpenedLibraryFile;
  try {
    file = await service.libraryFile(Number(idText));
  } catch (error) {
    if (isMegadiscError(error) && error.code === 'PERMISSION_DENIED')
      return sendFailure(res, 403, 'PERMISSION_DENIED', 'that file is outside the library');
    if (isMegadiscError(error) && error.code === 'NOT_FOUND')
      return sendFailure(res, 404, 'NOT_FOUND', 'no such file in the library');
    throw error;
  }
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const answer = answerRange(file, {
    range: header('range'),
    ifRange: header('if-range'),
    ifNoneMatch: header('if-none-match'),
  });
  res.writeHead(answer.status, answer.headers);
  if (answer.body === null || req.method === 'HEAD') {
    await file.handle.close();
    res.end();
    return;
  }
  const stream = file.handle.createReadStream(answer.body);
  try {
    await pipeline(stream, res);
  } catch {
    // The player let go mid-file (a seek, a track change): nothing to report.
  }
}
