// Response helpers for the web host: the security headers every answer carries, and small senders.
import type { ServerResponse } from 'node:http';
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

export function sendText(res: ServerResponse, status: number, text: string): void {
  const body = Buffer.from(`${text}\n`, 'utf8');
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
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
