// Store previews for the UI's <audio>: fetched with the session's auth (or none), Range passed through,
// bytes streamed back. The media routes (media-routes.ts) serve it to both hosts.
import { routes } from '../../../api/routes.ts';
import { asMegadiscError } from '../../shared/as-megadisc-error.ts';
import type { StoreClient } from '../store-client/store-client.ts';
import { errorFromResponse, networkError } from '../store-client/store-errors.ts';

/** What the UI's request carries that matters to the store. */
export interface PreviewRequest {
  range?: string;
  ifRange?: string;
  signal?: AbortSignal;
}

/** Bytes (200, 206), a refused range (416), or an error with its code as JSON: never a throw. */
export interface PreviewAnswer {
  status: number;
  headers: Record<string, string>;
  body: ReadableStream<Uint8Array> | string | null;
  /** The store's name for the file ("Title (preview).ogg"), for saving it; never sent to the UI. */
  fileName?: string;
}

/** Headers of the store's answer that the audio element needs; nothing else crosses. */
const PASSED_HEADERS = [
  'content-type',
  'content-length',
  'content-range',
  'accept-ranges',
  'etag',
  'last-modified',
];
const RANGE = /^bytes=[\d,\s-]{1,200}$/;
const CONNECT_TIMEOUT_MS = 15_000;

/** Status of each error code as the UI's transports answer it (the audio element only sees the status). */
const STATUS_OF: Partial<Record<string, number>> = {
  RATE_LIMITED: 429,
  TAKEN_DOWN: 451,
  NOT_IN_TERRITORY: 451,
  NOT_FOUND: 404,
  INVALID_ARGUMENT: 400,
  UNAUTHORIZED: 401,
  STORE_UNREACHABLE: 502,
};

export async function fetchPreview(
  client: () => Promise<StoreClient>,
  trackId: number,
  request: PreviewRequest = {},
): Promise<PreviewAnswer> {
  try {
    const store = await client();
    const url = store.url(routes.preview.path.replace('{id}', String(trackId)).replace(/^\//, ''));
    const headers: Record<string, string> = { ...store.authHeaders() };
    if (request.range && RANGE.test(request.range)) headers.range = request.range;
    if (request.ifRange && request.ifRange.length <= 200) headers['if-range'] = request.ifRange;
    const connect = AbortSignal.timeout(CONNECT_TIMEOUT_MS);
    const signal = request.signal ? AbortSignal.any([request.signal, connect]) : connect;
    let res: Response;
    try {
      res = await fetch(url, { headers, signal, redirect: 'error' });
    } catch (error) {
      // fetch wraps the socket's error (ECONNREFUSED…) as its cause; timeouts come as they are.
      const cause = (error as { cause?: unknown }).cause;
      throw networkError(cause && typeof cause === 'object' && 'code' in cause ? cause : error, url);
    }
    if (res.status === 200 || res.status === 206 || res.status === 416) {
      const passed: Record<string, string> = { 'cache-control': 'private, max-age=3600' };
      if (res.status === 416) {
        // Only where the preview ends; the store's error body stays behind.
        await res.body?.cancel();
        const range = res.headers.get('content-range');
        return {
          status: 416,
          headers: { ...(range ? { 'content-range': range } : {}), 'content-length': '0' },
          body: null,
        };
      }
      for (const name of PASSED_HEADERS) {
        const value = res.headers.get(name);
        if (value !== null) passed[name] = value;
      }
      const fileName = fileNameOf(res.headers.get('content-disposition'));
      return { status: res.status, headers: passed, body: res.body, ...(fileName ? { fileName } : {}) };
    }
    const text = await res.text().catch(() => '');
    throw errorFromResponse(res.status, text, Object.fromEntries(res.headers), url);
  } catch (error) {
    return previewFailure(error);
  }
}

/** An error as the UI's transports send it: the status the store meant, JSON {error: {code, message}}. */
export function previewFailure(error: unknown): PreviewAnswer {
  const known = asMegadiscError(error);
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  };
  if (known.retryAfterMs !== undefined) headers['retry-after'] = String(Math.ceil(known.retryAfterMs / 1000));
  return {
    status: STATUS_OF[known.code] ?? 502,
    headers,
    body: JSON.stringify({ error: { code: known.code, message: known.message } }),
  };
}

/** The filename* of a Content-Disposition, or undefined. */
function fileNameOf(header: string | null): string | undefined {
  const encoded = header && /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (!encoded) return undefined;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}
