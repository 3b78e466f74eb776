// app://megadisc/previews/:trackId: the core's store preview proxy as a fetch Response, Range passed
// through; the same path web mode serves (electron/web/preview-route.ts).
import type { PreviewAnswer, PreviewRequest } from '../../core/media/preview-proxy.ts';
import { parsePreviewTrackId } from '../../core/media/preview-proxy.ts';
import { securityHeaders } from '../security/content-policy.ts';

const PREFIX = '/previews/';

export function isPreviewPath(pathname: string): boolean {
  return pathname.startsWith(PREFIX);
}

export async function servePreview(
  request: Request,
  pathname: string,
  preview: (trackId: number, request: PreviewRequest) => Promise<PreviewAnswer>,
): Promise<Response> {
  const trackId = parsePreviewTrackId(pathname.slice(PREFIX.length));
  if (trackId === null)
    return new Response('no such preview address', {
      status: 404,
      headers: securityHeaders('text/plain; charset=utf-8'),
    });
  const range = request.headers.get('range');
  const ifRange = request.headers.get('if-range');
  const answer = await preview(trackId, {
    ...(range ? { range } : {}),
    ...(ifRange ? { ifRange } : {}),
    signal: request.signal,
  });
  const { 'content-type': type, ...rest } = answer.headers;
  const headers = { ...rest, ...securityHeaders(type ?? 'application/octet-stream') };
  const body = request.method === 'HEAD' ? null : answer.body;
  if (body !== answer.body && answer.body && typeof answer.body !== 'string') await answer.body.cancel();
  return new Response(body, { status: answer.status, headers });
}
