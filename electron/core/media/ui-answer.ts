// What the UI's two hosts (web mode over node:http, the desktop's app:// protocol) hand the shared
// routes, and the answer they write back: plain data, so neither transport reaches into the core.
import { negotiateLocale, parseAcceptLanguage } from '../../../i18n/locales.ts';
import { type Translator, translator } from '../../../i18n/translator.ts';
import { failure } from '../../shared/app-api/envelope.ts';
import { type ErrorCode, MegadiscError } from '../../shared/errors.ts';

export interface UiRequest {
  method: string;
  /** The URL's path as sent, still percent-encoded. */
  pathname: string;
  /** A request header by its lower-case name. */
  header(name: string): string | undefined;
  /** Aborts when the client has gone away. */
  signal: AbortSignal;
}

export interface UiAnswer {
  status: number;
  headers: Record<string, string>;
  /** null for HEAD, 304 and refused ranges. */
  body: ReadableStream<Uint8Array> | Uint8Array | string | null;
}

/** The translator for what a person reads: the request's Accept-Language, English by default. */
export function readerI18n(acceptLanguage: string | undefined): Translator {
  return translator(negotiateLocale(parseAcceptLanguage(acceptLanguage)));
}

/** Plain text for a person; `i18n` marks it as written in that translator's language. */
export function textAnswer(status: number, text: string, i18n?: Translator): UiAnswer {
  const body = `${text}\n`;
  return {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      ...(i18n ? { 'Content-Language': i18n.locale, Vary: 'Accept-Language' } : {}),
    },
    body,
  };
}

/**
 * A refusal the app reads: the API's failure envelope. The code is in X-Megadisc-Error too, for
 * callers that see only headers (a media element's request, a fetch that does not read the body).
 */
export function refusalAnswer(status: number, code: ErrorCode, message: string): UiAnswer {
  const body = JSON.stringify(failure(new MegadiscError(code, message)));
  return {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      'X-Megadisc-Error': code,
    },
    body,
  };
}
