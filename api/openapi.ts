// Generates the OpenAPI 3.1 document from the route table.
import { z } from 'zod';
import { LOCALES } from '../i18n/locales.ts';
import { type RouteDef, routes } from './routes.ts';
import { ErrorBody } from './schemas/common.ts';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  401: 'Missing or invalid credentials',
  402: 'Not enough available balance',
  403: 'Signed link expired or invalid',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  415: 'Body must be application/json',
  410: 'Gone (the item was refunded)',
  416: 'Range not satisfiable',
  422: 'Idempotency key reused with a different body',
  429: 'Too many attempts',
  451: 'Unavailable for legal reasons (taken down, or not licensed in your country); Link rel="blocked-by"',
};

type Json = Record<string, unknown>;

/** Error replies speak the request's language: Accept-Language picks it, Content-Language names it. */
const ERROR_HEADERS: Json = {
  'Content-Language': {
    description: 'The language of error.message, chosen from Accept-Language (English by default).',
    schema: { type: 'string', enum: [...LOCALES] },
  },
};

/** Named schemas (zod `.meta({id})`) hoisted out of each operation, shared under components. */
let components: Record<string, Json> = {};

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === '$ref' && typeof value === 'string'
        ? value.replace('#/$defs/', '#/components/schemas/')
        : rewriteRefs(value);
  }
  return out;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const raw = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  const { $schema: _dialect, $defs, ...rest } = raw;
  for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, Json>)) {
    // Input and output shapes differ where defaults apply; keep the output shape under the bare id.
    const name = io === 'input' && !(id in components) ? id : io === 'input' ? `${id}Input` : id;
    components[name] = rewriteRefs(def) as Json;
  }
  return rewriteRefs(rest) as Json;
}

function parameters(route: RouteDef): Json[] {
  const list: Json[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const props = (jsonSchema(schema, 'input').properties ?? {}) as Record<string, Json>;
    const required = new Set((jsonSchema(schema, 'input').required as string[] | undefined) ?? []);
    for (const [name, s] of Object.entries(props)) {
      list.push({ name, in: where, required: where === 'path' || required.has(name), schema: s });
    }
  }
  for (const [name, description] of Object.entries(route.headers ?? {})) {
    list.push({ name, in: 'header', required: true, description, schema: { type: 'string' } });
  }
  return list;
}

function operation(route: RouteDef): Json {
  const responses: Json = {
    [route.status]: route.response
      ? {
          description: 'OK',
          content: {
            'application/json': { schema: jsonSchema(route.response, 'output') },
            ...(route.responseMediaType ? { [route.responseMediaType]: { schema: { type: 'string' } } } : {}),
          },
        }
      : route.responseMediaType
        ? { description: 'OK', content: { [route.responseMediaType]: { schema: { type: 'string' } } } }
        : {
            description: 'Binary body (Range requests answer 206)',
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
  };
  for (const code of route.errors) {
    responses[code] = {
      description: STATUS_TEXT[code] ?? 'Error',
      headers: ERROR_HEADERS,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  const op: Json = {
    operationId: route.operationId,
    summary: route.summary,
    parameters: parameters(route),
    responses,
  };
  if (route.body) {
    op.requestBody = {
      required: true,
      content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
    };
  } else if (route.bodyMediaType) {
    op.requestBody = { required: true, content: { [route.bodyMediaType]: { schema: { type: 'string' } } } };
  }
  if (route.auth === 'bearer') op.security = [{ bearer: [] }];
  if (route.auth === 'optional') op.security = [{}, { bearer: [] }];
  if (route.auth === 'bearer-or-signed') op.security = [{ bearer: [] }, {}];
  if (route.auth === 'operator') op.security = [{ operator: [] }];
  if (route.auth === 'rights-holder') op.security = [{ rightsHolder: [] }, { operator: [] }];
  return op;
}

/**
 * The Error component. ErrorBody carries the id "Error", so converting it hoists the schema into
 * components and returns only a $ref to it; that $ref must not overwrite the schema itself.
 */
function errorSchema(): Json {
  const root = jsonSchema(ErrorBody, 'output');
  return '$ref' in root ? {} : { Error: root };
}

export function buildOpenApi(serverUrl?: string): Json {
  components = {};
  const paths: Record<string, Json> = {};
  for (const route of Object.values(routes) as RouteDef[]) {
    const item = paths[route.path] ?? {};
    item[route.method.toLowerCase()] = operation(route);
    paths[route.path] = item;
  }
  const error = errorSchema(); // first: it may add the Error component
  const schemas = { ...components, ...error };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Megadisc store API',
      version: '1.0.0',
      description:
        'Music by the megabyte: catalog, prices per encoding, prepaid balance, orders and downloads. ' +
        'Error messages follow Accept-Language (en, ru; English by default); error codes never change.',
    },
    servers: serverUrl ? [{ url: serverUrl }] : [],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        operator: {
          type: 'http',
          scheme: 'bearer',
          description: 'The operator token: megadisc server operator-token',
        },
      },
      schemas,
    },
    paths,
  };
}
