// Binds a route from the API table to fastify: validates params, query and body with the shared
// zod schemas, authenticates, and checks the handler's answer against the response schema.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteDef } from '../../api/routes.ts';
import { issuePath, issueText } from '../../api/schemas/issue-text.ts';
import { StoreError } from '../errors/store-error.ts';

export interface RouteContext<R extends RouteDef> {
  request: FastifyRequest;
  reply: FastifyReply;
  params: R['params'] extends z.ZodType ? z.output<R['params']> : Record<string, never>;
  query: R['query'] extends z.ZodType ? z.output<R['query']> : Record<string, never>;
  body: R['body'] extends z.ZodType ? z.output<R['body']> : undefined;
  /** The authenticated account, when a valid bearer token came with the request. */
  accountId: number | undefined;
}

/**
 * Returned by a handler that has sent its own answer (a file, a replayed response). Never return the
 * reply itself: fastify's reply is thenable, so awaiting it waits for the whole body and yields undefined.
 */
export const SENT: unique symbol = Symbol('sent');

/** Handlers return the body (validated against the route's response schema) or SENT. */
export type Handler<R extends RouteDef> = (ctx: RouteContext<R>) => Promise<unknown> | unknown;

/**
 * Token to account id, or undefined when the token is not valid. Operator routes pass a check of
 * the operator token that answers 0: the operator is no account. Rights-holder routes answer the
 * holder's id for its token, and 0 for the operator's.
 */
export type Authenticate = (token: string) => number | undefined | Promise<number | undefined>;

function parse<T extends z.ZodType>(
  schema: T | undefined,
  value: unknown,
  where: 'path' | 'query' | 'body',
): unknown {
  if (!schema) return {};
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue ? issuePath(issue) : null;
  // zod's own wording is English: it stays in the English message (and in `detail` elsewhere).
  throw new StoreError(
    'VALIDATION_FAILED',
    400,
    `invalid ${where}: ${issue ? issueText(issue) : 'invalid'}`,
    {
      params: { where, field },
    },
  );
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+([A-Za-z0-9_\-.~+/=]{10,200})$/.exec(header);
  if (!match) throw new StoreError('UNAUTHORIZED', 401, 'Authorization must be "Bearer <token>"');
  return match[1];
}

export function bindRoute<R extends RouteDef>(
  app: FastifyInstance,
  route: R,
  authenticate: Authenticate,
  handler: Handler<R>,
): void {
  const url = route.path.replace(/\{(\w+)\}/g, ':$1');
  app.route({
    method: route.method,
    url,
    handler: async (request, reply) => {
      const params = parse(route.params, request.params, 'path');
      const query = parse(route.query, request.query, 'query');
      let accountId: number | undefined;
      if (route.auth !== 'public') {
        const token = bearer(request);
        accountId = token ? await authenticate(token) : undefined;
        if (token && accountId === undefined)
          throw new StoreError('UNAUTHORIZED', 401, 'the token is invalid or has expired');
        if (
          (route.auth === 'bearer' || route.auth === 'operator' || route.auth === 'rights-holder') &&
          accountId === undefined
        ) {
          throw new StoreError('UNAUTHORIZED', 401, 'this endpoint needs a bearer token', {
            headers: { 'www-authenticate': 'Bearer' },
          });
        }
      }
      const body = route.body ? parse(route.body, request.body, 'body') : undefined;
      const result = await handler({ request, reply, params, query, body, accountId } as RouteContext<R>);
      if (result === SENT) return reply;
      if (route.response) {
        const checked = route.response.safeParse(result);
        if (!checked.success) {
          request.log.error(
            { issues: checked.error.issues.slice(0, 3) },
            `response of ${route.operationId} broke its schema`,
          );
          throw new StoreError('INTERNAL', 500, 'the store produced an invalid response');
        }
        return reply.code(route.status).send(checked.data);
      }
      return reply.code(route.status).send(result);
    },
  });
}
