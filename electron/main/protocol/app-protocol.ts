// The app:// protocol: registered as a privileged standard scheme before ready, then answering every
// request with the core's UI routes (media, the built renderer) as a fetch Response with the CSP.
import type { MediaSource } from '../../core/media/media-routes.ts';
import { textAnswer, type UiAnswer } from '../../core/media/ui-answer.ts';
import { answerUiRequest, type UiHost } from '../../core/media/ui-routes.ts';
import { APP_HOST, APP_SCHEME } from '../security/app-origin.ts';
import { securityHeaders } from '../security/content-policy.ts';

/** Must run before app 'ready': Chromium reads scheme privileges once, at startup. */
export function registerAppScheme(protocol: {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void;
}): void {
  protocol.registerSchemesAsPrivileged([
    // stream: <audio> reads library files in ranges as it plays and seeks.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

export interface AppProtocolOptions extends MediaSource {
  /** The built renderer folder (dist/renderer). */
  rendererDir: string;
}

export function createAppRequestHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  const host: UiHost = { rendererDir: options.rendererDir, media: async () => options };
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return toResponse(textAnswer(404, 'not found'));
    try {
      const answer = await answerUiRequest(
        {
          method: request.method,
          pathname: url.pathname,
          header: (name) => request.headers.get(name) ?? undefined,
          signal: request.signal,
        },
        host,
      );
      return toResponse(answer);
    } catch {
      return toResponse(textAnswer(500, 'internal error'));
    }
  };
}

/** Every answer, whatever its status, leaves with the CSP and its companions. */
function toResponse(answer: UiAnswer): Response {
  const headers = new Headers(answer.headers);
  const type = headers.get('content-type') ?? 'application/octet-stream';
  for (const [name, value] of Object.entries(securityHeaders(type))) headers.set(name, value);
  return new Response(answer.body, {
    status: answer.status,
    headers,
  });
}
