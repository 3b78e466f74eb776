// Store-side error with a stable code and HTTP status; routes turn it into {"error": {code, message, detail?}}.
// The message is the store's own English text with its specifics (ids, sizes, fields): English
// requests get it as `message`; other languages get the catalog's `server.error.<CODE>` instead and
// the English text as `detail` (server/http/error-language.ts). Where the specifics matter to a
// person, `params` carries them as data, so the translated message can name them too.

import type { StoreErrorCode } from '../../api/schemas/error-codes.ts';

export type { StoreErrorCode };

/** A release named in an error: data, never translated. */
interface ReleaseParams {
  title: string;
  artist: string;
}

/**
 * The specifics a translated message can name, by code. Only these codes take params; every other
 * code is translated by its catalog message alone (its English specifics still go out as `detail`).
 */
export interface StoreErrorParams {
  INSUFFICIENT_BALANCE: { neededBytes: number; availableBytes: number };
  /** `field`: the dotted path of the first bad value, or null when the whole part is wrong. */
  VALIDATION_FAILED: { where: 'path' | 'query' | 'body'; field: string | null };
  /** `since`: when the takedown took effect (ISO date or date-time). */
  TAKEN_DOWN: ReleaseParams & { since: string; onBehalfOf: string };
  /** `territories`: ISO 3166 codes the release is licensed in; `country`: the buyer's, null when unknown. */
  NOT_IN_TERRITORY: ReleaseParams & { territories: string[]; country: string | null };
}

export type StoreErrorParamsOf<C extends StoreErrorCode> = C extends keyof StoreErrorParams
  ? StoreErrorParams[C]
  : never;

export interface StoreErrorOptions<C extends StoreErrorCode> {
  cause?: unknown;
  headers?: Record<string, string>;
  params?: StoreErrorParamsOf<C>;
}

export class StoreError<C extends StoreErrorCode = StoreErrorCode> extends Error {
  readonly code: C;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly params: StoreErrorParamsOf<C> | undefined;

  constructor(code: C, status: number, message: string, options: StoreErrorOptions<C> = {}) {
    super(message, { cause: options.cause });
    this.name = 'StoreError';
    this.code = code;
    this.status = status;
    this.headers = options.headers ?? {};
    this.params = options.params;
  }
}
