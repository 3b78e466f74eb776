// The language of what the store says to a person: chosen per request from Accept-Language (the
// first language we speak, by q-value; English by default), announced with Content-Language and
// Vary: Accept-Language.
//
// Error bodies: `code` never changes. An English request gets the store's own English `message`,
// specifics and all ("album 7 not found"), exactly as before. Any other language gets the catalog's
// `server.error.<CODE>` (or its variant naming the error's params) as `message`, and the English text
// as `detail`, so support and logs still see the specifics.
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type Locale,
  type MessageKey,
  negotiateLocale,
  parseAcceptLanguage,
  type Translator,
  translator,
} from '../../i18n/index.ts';
import type { StoreErrorCode, StoreErrorParams } from '../errors/store-error.ts';

/** The body of every error reply (api/schemas/common.ts ErrorBody). */
export interface ErrorReply {
  error: { code: StoreErrorCode; message: string; detail?: string };
}

/** What an error reply is made of: the code, the store's English text and any params. */
export interface ErrorFacts {
  code: StoreErrorCode;
  english: string;
  params?: unknown;
  headers?: Record<string, string>;
}

/** The catalog key of a code; the compiler rejects a StoreErrorCode without a `server.error.*` message. */
export function errorKey(code: StoreErrorCode): `server.error.${StoreErrorCode}` & MessageKey {
  return `server.error.${code}`;
}

/** The request's language: the first of Accept-Language we speak, by q-value; English otherwise. */
export function requestLocale(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  return negotiateLocale(parseAcceptLanguage(Array.isArray(header) ? header.join(',') : header));
}

/** The request's language for an answer a person reads, named back in Content-Language (and Vary). */
export function readerLocale(request: FastifyRequest, reply: FastifyReply): Locale {
  const locale = requestLocale(request);
  languageHeaders(reply, locale);
  return locale;
}

/** Content-Language, and Accept-Language added to Vary (keeping what is there). */
export function languageHeaders(reply: FastifyReply, locale: Locale): void {
  reply.header('content-language', locale);
  const current = reply.getHeader('vary');
  const names = (Array.isArray(current) ? current.join(',') : current === undefined ? '' : String(current))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (!names.some((name) => name === '*' || name.toLowerCase() === 'accept-language'))
    names.push('Accept-Language');
  reply.header('vary', names.join(', '));
}

function regionName(locale: Locale): (code: string) => string {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  return (code) => {
    try {
      return names.of(code.toUpperCase()) ?? code;
    } catch {
      return code;
    }
  };
}

/** Messages that name an error's params; null falls back to the code's plain message. */
const SPECIFIC: { [C in keyof StoreErrorParams]: (t: Translator, p: StoreErrorParams[C]) => string | null } =
  {
    INSUFFICIENT_BALANCE: (t, p) =>
      t.t('server.error.INSUFFICIENT_BALANCE.amounts', {
        needed: t.mb(p.neededBytes),
        available: t.mb(p.availableBytes),
      }),
    VALIDATION_FAILED: (t, p) =>
      p.field
        ? t.t('server.error.VALIDATION_FAILED.field', { field: p.field, where: p.where })
        : t.t('server.error.VALIDATION_FAILED.where', { where: p.where }),
    TAKEN_DOWN: (t, p) =>
      t.t('server.error.TAKEN_DOWN.release', {
        title: p.title,
        artist: p.artist,
        since: t.date(p.since, { dateStyle: 'long', timeZone: 'UTC' }),
        onBehalfOf: p.onBehalfOf,
      }),
    NOT_IN_TERRITORY: (t, p) => {
      if (p.territories.length === 0) return null;
      const region = regionName(t.locale);
      const territories = t.list(p.territories.map(region));
      return p.country
        ? t.t('server.error.NOT_IN_TERRITORY.release', {
            title: p.title,
            artist: p.artist,
            territories,
            country: region(p.country),
          })
        : t.t('server.error.NOT_IN_TERRITORY.anonymous', { title: p.title, artist: p.artist, territories });
    },
  };

/** The message for a person in `locale`: the most specific catalog text the facts allow. */
export function localizedMessage(t: Translator, facts: ErrorFacts): string {
  const specific = SPECIFIC[facts.code as keyof StoreErrorParams] as
    | ((t: Translator, p: unknown) => string | null)
    | undefined;
  if (specific && facts.params !== undefined) {
    const text = specific(t, facts.params);
    if (text) return text;
  }
  const retryAfter = facts.headers?.['retry-after'];
  if (facts.code === 'RATE_LIMITED' && retryAfter && /^\d+$/.test(retryAfter))
    return t.t('server.error.RATE_LIMITED.wait', { seconds: Number(retryAfter) });
  return t.t(errorKey(facts.code));
}

/** What a person reads in `locale`: English keeps the store's own text, other languages the catalog's. */
export function readerMessage(locale: Locale, facts: ErrorFacts): string {
  return locale === 'en' ? facts.english : localizedMessage(translator(locale), facts);
}

/** The error body in `locale`: English keeps the store's own text; other languages get `detail`. */
export function errorReply(locale: Locale, facts: ErrorFacts): ErrorReply {
  if (locale === 'en') return { error: { code: facts.code, message: facts.english } };
  return { error: { code: facts.code, message: readerMessage(locale, facts), detail: facts.english } };
}

/** The no-route reply's message names the method and path, in any language. */
export function noRouteReply(locale: Locale, method: string, path: string): ErrorReply {
  const english = `no route for ${method} ${path}`;
  if (locale === 'en') return { error: { code: 'NOT_FOUND', message: english } };
  const t = translator(locale);
  return {
    error: {
      code: 'NOT_FOUND',
      message: t.t('server.error.NOT_FOUND.route', { method, path }),
      detail: english,
    },
  };
}
