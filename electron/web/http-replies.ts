// Response helpers for the web host: the security headers every answer carries, and small senders.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { negotiateLocale, parseAcceptLanguage } from '../../i18n/locales.ts';
import { type Translator, translator } from '../../i18n/translator.ts';
import { failure } from '../shared/app-api/envelope.ts';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy.ts';
import { type ErrorCode, MegadiscError } from '../shared/errors.ts';

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

/** The translator for what a browser reads: the request's Accept-Language, English by default. */
export function requestI18n(req: IncomingMessage): Translator {
  const header = req.headers['accept-language'];
  return translator(negotiateLocale(parseAcceptLanguage(Array.isArray(header) ? header[0] : header)));
}

/** Plain text; `i18n` marks it as written in that translator's language (Content-Language). */
export function sendText(res: ServerResponse, status: number, text: string, i18n?: Translator): void {
  const body = Buffer.from(`${text}\n`, 'utf8');
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    ...(i18n ? { 'Content-Language': i18n.locale, Vary: 'Accept-Language' } : {}),
  });
  res.end(body);
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
  sendJson(res, status, failure(new MegadiscError(code, message)));
}
