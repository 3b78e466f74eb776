// Everything a UI host answers besides the app API: the media routes, then the renderer's files.
// Web mode (electron/web) and the desktop's app:// protocol (electron/main/protocol) both adapt this.
import { answerMedia, type MediaHost } from './media-routes.ts';
import { answerRendererFile } from './renderer-files.ts';
import { readerI18n, textAnswer, type UiAnswer, type UiRequest } from './ui-answer.ts';

export interface UiHost extends MediaHost {
  /** The built renderer folder (dist/renderer): index.html and assets/. */
  rendererDir: string;
}

export async function answerUiRequest(request: UiRequest, host: UiHost): Promise<UiAnswer> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const i18n = readerI18n(request.header('accept-language'));
    const refused = textAnswer(405, i18n.t('core.web.methodNotAllowed'), i18n);
    return { ...refused, headers: { ...refused.headers, Allow: 'GET, HEAD' } };
  }
  return (
    answerMedia(request, host) ??
    answerRendererFile(request, host.rendererDir, readerI18n(request.header('accept-language')))
  );
}
