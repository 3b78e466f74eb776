// Idempotency keys for order creation: claim before working, store the response after, replay on retry.
import { createHash } from 'node:crypto';
import { type Db, transaction } from '../db/open-database.ts';
import { StoreError } from '../errors.ts';

/** A claim older than this belongs to a request that died (crash, restart); it may be taken over. */
const STALE_CLAIM_MS = 120_000;

export type Claim = { kind: 'claimed' } | { kind: 'replay'; status: number; body: unknown };

export function requestHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

export function checkKey(key: string | undefined): string {
  if (key === undefined || key === '') {
    throw new StoreError(
      'IDEMPOTENCY_KEY_REQUIRED',
      400,
      'the Idempotency-Key header is required for this request',
    );
  }
  if (!/^[\x21-\x7e]{8,200}$/.test(key)) {
    throw new StoreError('BAD_REQUEST', 400, 'Idempotency-Key must be 8-200 printable ASCII characters');
  }
  return key;
}

export class IdempotencyKeys {
  readonly #db: Db;
  readonly #now: () => number;

  constructor(db: Db, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  claim(accountId: number, key: string, hash: string): Claim {
    const db = this.#db;
    return transaction(db, () => {
      const row = db
        .prepare(
          'SELECT request_hash, state, status, response, created_at FROM idempotency_keys WHERE account_id = ? AND key = ?',
        )
        .get(accountId, key) as
        | {
            request_hash: string;
            state: string;
            status: number | null;
            response: string | null;
            created_at: string;
          }
        | undefined;
      const now = new Date(this.#now()).toISOString();
      if (!row) {
        db.prepare(
          `INSERT INTO idempotency_keys (account_id, key, request_hash, state, created_at) VALUES (?, ?, ?, 'in_progress', ?)`,
        ).run(accountId, key, hash, now);
        return { kind: 'claimed' } as const;
      }
      if (row.request_hash !== hash) {
        throw new StoreError(
          'IDEMPOTENCY_KEY_REUSED',
          422,
          'this Idempotency-Key was already used with a different request body',
        );
      }
      if (row.state === 'done')
        return { kind: 'replay', status: row.status!, body: JSON.parse(row.response!) } as const;
      if (this.#now() - Date.parse(row.created_at) < STALE_CLAIM_MS) {
        throw new StoreError(
          'IDEMPOTENCY_IN_PROGRESS',
          409,
          'a request with this Idempotency-Key is still being processed',
          {
            headers: { 'retry-after': '1' },
          },
        );
      }
      db.prepare('UPDATE idempotency_keys SET created_at = ? WHERE account_id = ? AND key = ?').run(
        now,
        accountId,
        key,
      );
      return { kind: 'claimed' } as const;
    });
  }

  /** Records the response; call inside the transaction that made the change, so both commit together. */
  complete(accountId: number, key: string, status: number, body: unknown): void {
    this.#db
      .prepare(
        `UPDATE idempotency_keys SET state = 'done', status = ?, response = ? WHERE account_id = ? AND key = ?`,
      )
      .run(status, JSON.stringify(body), accountId, key);
  }

  /** Drops a claim whose request changed nothing, so a retry runs afresh. */
  abandon(accountId: number, key: string): void {
    this.#db
      .prepare(`DELETE FROM idempotency_keys WHERE account_id = ? AND key = ? AND state = 'in_progress'`)
      .run(accountId, key);
  }
}
