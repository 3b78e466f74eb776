// Turns every failure into {"error": {code, message}} with the right status; never a stack trace.
import type { FastifyError, FastifyInstance } from 'fastify';
import { StoreError } from '../errors.ts';

const FASTIFY_CODES: Record<string, { status: number; code: string; message?: string }> = {
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
};

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
    if (error instanceof StoreError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      if (error.status >= 500) request.log.error({ err: error.cause ?? error }, error.message);
      return reply.code(error.status).send({ error: { code: error.code, message: error.message } });
    }
    const known = FASTIFY_CODES[(error as FastifyError).code];
    if (known) {
      return reply
        .code(known.status)
        .send({ error: { code: known.code, message: known.message ?? error.message } });
    }
    if (error instanceof SyntaxError || (error as FastifyError).statusCode === 400) {
      return reply
        .code(400)
        .send({ error: { code: 'INVALID_JSON', message: 'request body is not valid JSON' } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: 'internal error' } });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({
      error: { code: 'NOT_FOUND', message: `no route for ${request.method} ${request.url.split('?')[0]}` },
    });
  });
}
