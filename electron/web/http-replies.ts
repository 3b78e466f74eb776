// Response helpers for the web host: the security headers every answer carries, the core's UI
// requests and answers over node:http, and small senders.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Translator } from '../../i18n/translator.ts';
import {
  readerI18n,
  refusalAnswer,
  textAnswer,
  type UiAnswer,
  type UiRequest,
} from '../core/media/ui-answer.ts';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy.ts';
import type { ErrorCode } from '../shared/errors.ts';

export { CONTENT_SECURITY_POLICY };

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  // Other local origins (another dev server on 127.0.0.1) may not embed or open our resources.
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Sets the security headers and a default no-store cache policy; routes may override the latter. */
export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  res.setHeader('Cache-Control', 'no-store');
}

/** A request as the core's UI routes read it; its signal aborts when the browser goes away. */
export function uiRequestOf(req: IncomingMessage, res: ServerResponse, pathname: string): UiRequest {
  const gone = new AbortController();
  res.once('close', () => gone.abort());
  return { method: req.method ?? 'GET', pathname, header: (name) => header(req, name), signal: gone.signal };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Writes a core answer; a stream the browser lets go of mid-way (a seek, a track change) is no error. */
export async function writeAnswer(res: ServerResponse, answer: UiAnswer): Promise<void> {
  res.writeHead(answer.status, answer.headers);
  const { body } = answer;
  if (body === null || typeof body === 'string' || body instanceof Uint8Array) {
    res.end(body ?? undefined);
    return;
  }
  await pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), res).catch(() => {});
}

/** The translator for what a browser reads: the request's Accept-Language, English by default. */
export function requestI18n(req: IncomingMessage): Translator {
  return readerI18n(header(req, 'accept-language'));
}

/** Plain text; `i18n` marks it as written in that translator's language (Content-Language). */
export function sendText(res: ServerResponse, status: number, text: string, i18n?: Translator): void {
  void writeAnswer(res, textAnswer(status, text, i18n));
}

export function sendHtml(res: ServerResponse, status: number, html: string, i18n?: Translator): void {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': body.length,
    ...(i18n ? { 'Content-Language': i18n.locale, Vary: 'Accept-Language' } : {}),
  });
  res.end(body);
}

/** Text for an HTML page: the characters that would be markup, escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
  });
  res.end(body);
}

/** A refusal on an /api path: the same envelope a failed call carries, so clients read one shape. */
export function sendFailure(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  void writeAnswer(res, refusalAnswer(status, code, message));
}
