// Turns every failure into {"error": {code, message, detail?}} with the right status; never a stack
// trace. The message is in the request's language (Accept-Language); see error-language.ts.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDbError } from '../db/sql/db-error.ts';
import { StoreError, type StoreErrorCode } from '../errors/store-error.ts';
import { errorReply, languageHeaders, noRouteReply, requestLocale } from './error-language.ts';

const FASTIFY_CODES: Record<string, { status: number; code: StoreErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE', message: 'request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'request body must be application/json',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'INVALID_JSON', message: 'request body is empty' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'BAD_REQUEST',
    message: 'Content-Length is wrong',
  },
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_REQUEST', message: 'the URL is not valid' },
};

/**
 * Errors fastify meets before routing (a malformed URL such as /v1/albums/%zz): the same JSON error
 * body in the request's language, where fastify would answer with its own shape. Passed to Fastify
 * as `frameworkErrors`.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = FASTIFY_CODES[error.code] ?? { status: 400, code: 'BAD_REQUEST', message: 'bad request' };
  const locale = requestLocale(request);
  languageHeaders(reply, locale);
  reply
    .code(known.status)
    .type('application/json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(errorReply(locale, { code: known.code, english: known.message }));
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | StoreError, request, reply) => {
    reply.type('application/json; charset=utf-8');
    reply.removeHeader('content-disposition');
    reply.removeHeader('content-length');
    // Headers set for a file before the failure must not describe (or cache) the error body.
    reply.removeHeader('etag');
    reply.removeHeader('last-modified');
    reply.removeHeader('repr-digest');
    reply.removeHeader('accept-ranges');
    reply.header('cache-control', 'no-store');
    const locale = requestLocale(request);
    languageHeaders(reply, locale);
    if (error instanceof StoreError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      if (error.status >= 500) request.log.error({ err: error.cause ?? error }, error.message);
      return reply.code(error.status).send(
        errorReply(locale, {
          code: error.code,
          english: error.message,
          params: error.params,
          headers: error.headers,
        }),
      );
    }
    // The storage port's 503s (database lost, conflicts past the retry budget) are public codes;
    // its other errors are the store's own faults, answered as INTERNAL below.
    if (isDbError(error) && (error.code === 'STORE_DB_UNAVAILABLE' || error.code === 'STORE_DB_BUSY')) {
      const code: StoreErrorCode = error.code;
      // The driver's own text may name hosts or statements: log it, answer with a fixed one.
      const english =
        code === 'STORE_DB_BUSY' ? 'the store is busy; try again' : 'the store database is unavailable';
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      request.log.error({ err: error.cause ?? error }, error.message);
      return reply.code(error.status).send(errorReply(locale, { code, english, headers: error.headers }));
    }
    const known = FASTIFY_CODES[(error as FastifyError).code];
    if (known) {
      return reply.code(known.status).send(errorReply(locale, { code: known.code, english: known.message }));
    }
    if (error instanceof SyntaxError || (error as FastifyError).statusCode === 400) {
      return reply
        .code(400)
        .send(errorReply(locale, { code: 'INVALID_JSON', english: 'request body is not valid JSON' }));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(errorReply(locale, { code: 'INTERNAL', english: 'internal error' }));
  });
  app.setNotFoundHandler((request, reply) => {
    const locale = requestLocale(request);
    languageHeaders(reply, locale);
    reply.code(404).send(noRouteReply(locale, request.method, request.url.split('?')[0] ?? '/'));
  });
}
