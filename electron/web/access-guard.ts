// Decides whether a request may reach the web host: Host and Origin checks against DNS rebinding and
// cross-site requests, then the access token (query once, then cookie; or a bearer header).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'megadisc_token';

export type AccessVerdict =
  | { kind: 'allow' }
  /** A valid ?token=: set the cookie and send the browser to the same address without it. */
  | { kind: 'redirect'; location: string; setCookie: string }
  | { kind: 'refuse'; status: 401 | 403 | 421; reason: string; why: Refusal; origin?: string };

/** Why a request was refused, for a page in the reader's language (`reason` is the English). */
export type Refusal = 'host' | 'crossSite' | 'origin' | 'wrongToken' | 'noToken' | 'noOrigin';

export interface AccessRules {
  token: string;
  port: number;
}

/** The checks run in this order so that a foreign page learns nothing, not even whether it had a token. */
export function checkAccess(req: IncomingMessage, url: URL, rules: AccessRules): AccessVerdict {
  const hosts = [`127.0.0.1:${rules.port}`, `localhost:${rules.port}`];
  // A rebound DNS name points at 127.0.0.1 but still says its own name in Host.
  if (!hosts.includes((req.headers.host ?? '').toLowerCase()))
    return {
      kind: 'refuse',
      status: 421,
      reason: 'this server answers only to 127.0.0.1 and localhost',
      why: 'host',
    };

  const site = header(req, 'sec-fetch-site');
  // Another port on 127.0.0.1 is "same-site": it may link to us, but not fetch from us.
  if (site === 'cross-site' || (site === 'same-site' && header(req, 'sec-fetch-mode') !== 'navigate'))
    return { kind: 'refuse', status: 403, reason: 'cross-site requests are refused', why: 'crossSite' };
  const origin = header(req, 'origin');
  if (origin !== undefined && !hosts.some((host) => origin.toLowerCase() === `http://${host}`))
    return {
      kind: 'refuse',
      status: 403,
      reason: `requests from ${origin} are refused`,
      why: 'origin',
      origin,
    };

  const method = req.method ?? 'GET';
  const safe = method === 'GET' || method === 'HEAD';
  const queryToken = url.searchParams.get('token');
  if (queryToken !== null) {
    if (!safe || !sameSecret(queryToken, rules.token))
      return { kind: 'refuse', status: 401, reason: 'wrong access token', why: 'wrongToken' };
    url.searchParams.delete('token');
    return {
      kind: 'redirect',
      location: `${url.pathname}${url.search}`,
      setCookie: `${TOKEN_COOKIE}=${rules.token}; HttpOnly; SameSite=Strict; Path=/`,
    };
  }

  const authorization = header(req, 'authorization');
  if (authorization !== undefined) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (bearer === undefined || !sameSecret(bearer, rules.token))
      return { kind: 'refuse', status: 401, reason: 'wrong access token', why: 'wrongToken' };
    return { kind: 'allow' };
  }
  const cookies = cookieValues(header(req, 'cookie'), TOKEN_COOKIE);
  if (!cookies.some((value) => sameSecret(value, rules.token)))
    return { kind: 'refuse', status: 401, reason: 'no access token', why: 'noToken' };
  // Browsers send Origin on every POST, so a cookie-carrying POST without one did not come from our page.
  if (!safe && origin === undefined)
    return {
      kind: 'refuse',
      status: 403,
      reason: 'a request with a cookie must carry an Origin header',
      why: 'noOrigin',
    };
  return { kind: 'allow' };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function cookieValues(cookieHeader: string | undefined, name: string): string[] {
  if (!cookieHeader) return [];
  const values: string[] = [];
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

/** Compares digests so that neither the length nor the content leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
