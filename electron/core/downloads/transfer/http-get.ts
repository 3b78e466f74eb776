// One GET, its headers in: plain HTTP on a bare socket that reads into shared blocks (raw-http.ts),
// HTTPS through node:https. The download hot path needs no more than this: each layer of stream on top
// of the response costs CPU per chunk (measured: see BENCHMARKS.md, Client downloads).
import type { IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { type RawGetOptions, rawGet } from './raw-http.ts';

/** What the transfer needs of a response: IncomingMessage and RawResponse both are one. */
export interface HttpResponse {
  readonly statusCode?: number;
  readonly headers: IncomingHttpHeaders;
  /** Every byte of the body has arrived. */
  readonly complete: boolean;
  readonly destroyed: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: EventEmitter's own listener type, which IncomingMessage declares
  on(event: string, listener: (...args: any[]) => void): unknown;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  once(event: string, listener: (...args: any[]) => void): unknown;
  pause(): unknown;
  resume(): unknown;
  isPaused(): boolean;
  destroy(error?: Error): unknown;
  /** Gives body chunks back once written and hashed (their memory is reused); absent = nothing to do. */
  release?(chunks: readonly Uint8Array[]): void;
}

/** The same options as a plain-HTTP GET; `connectMs` also bounds an HTTPS lookup and connect. */
export type HttpGetOptions = RawGetOptions;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;

/**
 * Resolves with the response once its headers are in, following redirects like got did (at most 10,
 * and the authorization header is dropped when a redirect leaves the origin). The body is unread.
 * Rejects with the socket's error, a `TimeoutError` (event 'lookup' or 'connect') or the signal's
 * AbortError.
 */
export async function httpGet(url: string, options: HttpGetOptions): Promise<HttpResponse> {
  let target = new URL(url);
  let headers = options.headers;
  for (let hop = 0; ; hop++) {
    const response =
      target.protocol === 'http:'
        ? await rawGet(target, { ...options, headers })
        : await httpsGet(target, headers, options);
    const location = response.headers.location;
    if (!REDIRECTS.has(response.statusCode ?? 0) || location === undefined || hop >= MAX_REDIRECTS) {
      return response;
    }
    response.destroy();
    const next = new URL(location, target);
    if (next.origin !== target.origin) {
      headers = Object.fromEntries(
        Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'),
      );
    }
    target = next;
  }
}

function httpsGet(url: URL, headers: Record<string, string>, options: HttpGetOptions): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    if (url.protocol !== 'https:') throw new TypeError(`unsupported protocol ${url.protocol}`);
    const request = httpsRequest(url, { method: 'GET', headers, signal: options.signal });
    options.onRequest(request);
    // Errors after the response (a reset mid-body) reach the caller through the response; this
    // listener only keeps a second report on the request from becoming an uncaught exception.
    request.on('error', () => {});
    let timer: NodeJS.Timeout | null = null;
    const clear = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    };
    const limit = (event: 'lookup' | 'connect') => {
      clear();
      timer = setTimeout(() => {
        const error = Object.assign(new Error(`the ${event} took longer than ${options.connectMs} ms`), {
          name: 'TimeoutError',
          code: 'ETIMEDOUT',
          event,
        });
        request.destroy(error);
      }, options.connectMs);
    };
    limit('lookup');
    request.once('socket', (socket: Socket) => {
      if (!socket.connecting) {
        clear();
        options.onConnected();
        return;
      }
      socket.once('lookup', () => limit('connect'));
      socket.once('connect', () => {
        clear();
        options.onConnected();
      });
    });
    request.once('response', (response) => {
      clear();
      resolve(response);
    });
    request.once('error', (error) => {
      clear();
      reject(error);
    });
    request.once('close', clear);
    request.end();
  });
}
