// GET /previews/:trackId in web mode: the core's preview proxy (electron/core/media/preview-proxy.ts)
// written to the response, behind the host's token check like covers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { AppService } from '../core/app/app-host.ts';
import { parsePreviewTrackId } from '../core/media/preview-proxy.ts';
import { sendText } from './http-replies.ts';

export async function handlePreview(
  segments: string[],
  req: IncomingMessage,
  res: ServerResponse,
  service: AppService,
): Promise<void> {
  const trackId = segments.length === 1 ? parsePreviewTrackId(segments[0]) : null;
  if (trackId === null) return sendText(res, 404, 'no such preview address');
  const gone = new AbortController();
  res.once('close', () => gone.abort());
  const answer = await service.preview(trackId, {
    ...(typeof req.headers.range === 'string' ? { range: req.headers.range } : {}),
    ...(typeof req.headers['if-range'] === 'string' ? { ifRange: req.headers['if-range'] } : {}),
    signal: gone.signal,
  });
  res.writeHead(answer.status, answer.headers);
  if (answer.body === null || req.method === 'HEAD') {
    if (answer.body && typeof answer.body !== 'string') await answer.body.cancel().catch(() => {});
    res.end();
    return;
  }
  if (typeof answer.body === 'string') {
    res.end(answer.body);
    return;
  }
  const body = Readable.fromWeb(answer.body as NodeReadableStream<Uint8Array>);
  body.on('error', () => res.destroy());
  body.pipe(res);
}
