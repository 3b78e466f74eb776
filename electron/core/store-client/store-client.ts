// Typed client for the store API: every call goes through the shared route table, and every answer
// is checked against the same zod schema the server uses before anything trusts it.
import { randomUUID } from 'node:crypto';
import got, { HTTPError, type OptionsOfTextResponseBody, RequestError } from 'got';
import type { z } from 'zod';
import { type RouteDef, routes } from '../../../api/routes.ts';
import { issuesText } from '../../../api/schemas/issue-text.ts';
import type { Availability } from '../../../api/schemas/rights.ts';
import { MegadiscError } from '../../shared/errors.ts';
import { errorFromResponse, networkError } from './store-errors.ts';

/** Ids per availability request: the most the store's query takes. */
const AVAILABILITY_BATCH = 500;

export interface StoreClientOptions {
  baseUrl: string;
  token?: string | null;
  timeouts?: { connectMs?: number; idleMs?: number };
  /** Retries of idempotent calls (GETs, and order creation thanks to its key). */
  retryLimit?: number;
  /** The reader's language, sent as Accept-Language: the store's own words (why an album is not sold) come in it. */
  acceptLanguage?: () => string;
}

type Input<R extends RouteDef> = {
  params?: R['params'] extends z.ZodType ? z.input<R['params']> : never;
  query?: R['query'] extends z.ZodType ? Partial<z.input<R['query']>> : never;
  body?: R['body'] extends z.ZodType ? z.input<R['body']> : never;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

export type Output<R extends RouteDef> = R['response'] extends z.ZodType ? z.output<R['response']> : never;

export class StoreClient {
  readonly baseUrl: string;
  token: string | null;
  readonly #options: StoreClientOptions;

  constructor(options: StoreClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token ?? null;
    this.#options = options;
  }

  url(path: string): string {
    return new URL(path, `${this.baseUrl}/`).toString();
  }

  authHeaders(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  #languageHeaders(): Record<string, string> {
    const language = this.#options.acceptLanguage?.();
    return language ? { 'accept-language': language } : {};
  }

  /** A small binary resource of the store (a cover image), with the same timeouts and retries. */
  async fetchBytes(path: string, signal?: AbortSignal): Promise<Uint8Array> {
    const url = this.url(path);
    try {
      return await got(url, {
        headers: this.authHeaders(),
        http2: false,
        timeout: {
          connect: this.#options.timeouts?.connectMs ?? 10_000,
          socket: this.#options.timeouts?.idleMs ?? 30_000,
        },
        retry: { limit: this.#options.retryLimit ?? 2, backoffLimit: 2_000 },
        signal,
      }).buffer();
    } catch (error) {
      if (error instanceof HTTPError) {
        throw errorFromResponse(
          error.response.statusCode,
          String(error.response.body ?? ''),
          error.response.headers,
          url,
        );
      }
      throw networkError(error, url);
    }
  }

  /** The store's top-up packs; with a token, priced for this account (its loyalty discount). */
  packs(signal?: AbortSignal): Promise<Output<typeof routes.packs>> {
    return this.call(routes.packs, { signal });
  }

  /**
   * Starts a checkout for a pack. The key names the logical checkout: a caller retrying after a lost
   * answer passes the same key and gets the same checkout back, never a second one. Without a key
   * a fresh one is made; the call's own retries (5xx, resets) reuse it either way.
   */
  createCheckout(
    packId: string,
    idempotencyKey: string = newIdempotencyKey(),
    signal?: AbortSignal,
  ): Promise<Output<typeof routes.createCheckout>> {
    return this.call(routes.createCheckout, {
      body: { packId },
      headers: { 'idempotency-key': idempotencyKey },
      signal,
    });
  }

  getCheckout(id: string, signal?: AbortSignal): Promise<Output<typeof routes.checkout>> {
    return this.call(routes.checkout, { params: { id }, signal });
  }

  /**
   * Whether albums are on sale for this account (takedowns, its territory) and whether owned files
   * still download again; asked in batches of the 500 ids the store takes at once.
   */
  async availability(ids: number[], signal?: AbortSignal): Promise<Availability[]> {
    const unique = [...new Set(ids)];
    const out: Availability[] = [];
    for (let i = 0; i < unique.length; i += AVAILABILITY_BATCH) {
      const batch = unique.slice(i, i + AVAILABILITY_BATCH);
      const answer = await this.call(routes.availability, { query: { ids: batch.join(',') }, signal });
      out.push(...answer.items);
    }
    return out;
  }

  async call<R extends RouteDef>(route: R, input: Input<R> = {}): Promise<Output<R>> {
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(String((input.params as Record<string, unknown>)[name])),
    );
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [key, value] of Object.entries(input.query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
    }
    if (route.auth === 'bearer' && !this.token) {
      throw new MegadiscError('NOT_LOGGED_IN', 'not logged in to a store; run "megadisc login" first');
    }
    const idempotent = route.method === 'GET' || Boolean(input.headers?.['idempotency-key']);
    const options: OptionsOfTextResponseBody = {
      method: route.method,
      headers: {
        accept: 'application/json',
        ...this.#languageHeaders(),
        ...this.authHeaders(),
        ...input.headers,
      },
      json: input.body,
      http2: false,
      timeout: {
        connect: this.#options.timeouts?.connectMs ?? 10_000,
        socket: this.#options.timeouts?.idleMs ?? 30_000,
      },
      retry: {
        limit: idempotent ? (this.#options.retryLimit ?? 2) : 0,
        methods: ['GET', 'POST'],
        statusCodes: [408, 429, 500, 502, 503, 504],
        backoffLimit: 2_000,
        noise: 100,
      },
      signal: input.signal,
    };
    let text: string;
    try {
      text = await got(url, options).text();
    } catch (error) {
      if (error instanceof HTTPError) {
        throw errorFromResponse(
          error.response.statusCode,
          String(error.response.body ?? ''),
          error.response.headers,
          url.toString(),
        );
      }
      if (error instanceof RequestError && error.name === 'AbortError') {
        throw new MegadiscError('ABORTED', 'cancelled', { cause: error });
      }
      throw networkError(error, url.toString());
    }
    return parseAnswer(route, text);
  }
}

/** An Idempotency-Key the store accepts (8-200 printable ASCII characters). */
export function newIdempotencyKey(): string {
  return randomUUID();
}

function parseAnswer<R extends RouteDef>(route: R, text: string): Output<R> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new MegadiscError('BAD_RESPONSE', `the store sent malformed JSON for ${route.operationId}`, {
      cause,
    });
  }
  if (!route.response) return json as Output<R>;
  const checked = route.response.safeParse(json);
  if (!checked.success) {
    throw new MegadiscError(
      'BAD_RESPONSE',
      `the store's answer to ${route.operationId} does not match the API: ${issuesText(checked.error.issues, 1, 'answer')}`,
    );
  }
  return checked.data as Output<R>;
}

export { routes };
