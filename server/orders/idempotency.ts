// Idempotency keys for order creation: claim before working, store the response after, replay on retry.
import { createHash } from 'node:crypto';
import type { Database, Sql } from '../db/sql/port.ts';
import { StoreError } from '../errors/store-error.ts';

/**
 * A claim older than this belongs to a request that died (its node was killed, its database went
 * away): a retry may take it over. Far longer than an order takes to create; and should a live
 * request be taken over all the same, only one of the two completes (complete() below).
 */
const STALE_CLAIM_MS = 10_000;

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
  readonly #db: Database;
  readonly #now: () => number;

  constructor(db: Database, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  async claim(accountId: number, key: string, hash: string): Promise<Claim> {
    const claimed = await this.#db.tx(async (q): Promise<Claim | 'taken'> => {
      const row = await q.get<{
        request_hash: string;
        state: string;
        status: number | null;
        response: string | null;
        created_at: string;
      }>(
        'SELECT request_hash, state, status, response, created_at FROM idempotency_keys WHERE account_id = ? AND key = ?',
        accountId,
        key,
      );
      const now = new Date(this.#now()).toISOString();
      if (!row) {
        // ON CONFLICT: two nodes claiming one key at once; the loser reads the winner's claim.
        const inserted = await q.run(
          `INSERT INTO idempotency_keys (account_id, key, request_hash, state, created_at)
           VALUES (?, ?, ?, 'in_progress', ?) ON CONFLICT DO NOTHING`,
          accountId,
          key,
          hash,
          now,
        );
        return inserted.changes === 1 ? { kind: 'claimed' } : 'taken';
      }
      if (row.request_hash !== hash) {
        throw new StoreError(
          'IDEMPOTENCY_KEY_REUSED',
          422,
          'this Idempotency-Key was already used with a different request body',
        );
      }
      if (row.state === 'done')
        return { kind: 'replay', status: row.status!, body: JSON.parse(row.response!) };
      if (this.#now() - Date.parse(row.created_at) < STALE_CLAIM_MS) throw inProgress();
      // Taken over only if nobody else took it over since this read.
      const taken = await q.run(
        `UPDATE idempotency_keys SET created_at = ? WHERE account_id = ? AND key = ? AND created_at = ?
           AND state = 'in_progress'`,
        now,
        accountId,
        key,
        row.created_at,
      );
      return taken.changes === 1 ? { kind: 'claimed' } : 'taken';
    });
    if (claimed === 'taken') throw inProgress();
    return claimed;
  }

  /**
   * Records the response in the transaction that made the change, so both commit together. Throws
   * (rolling that transaction back) when the key is no longer in progress: a retry that took over
   * the claim has completed it first, and its answer stands.
   */
  async complete(q: Sql, accountId: number, key: string, status: number, body: unknown): Promise<void> {
    const completed = await q.run(
      `UPDATE idempotency_keys SET state = 'done', status = ?, response = ?
       WHERE account_id = ? AND key = ? AND state = 'in_progress'`,
      status,
      JSON.stringify(body),
      accountId,
      key,
    );
    if (completed.changes !== 1) throw inProgress();
  }

  /** Drops a claim whose request changed nothing, so a retry runs afresh. */
  async abandon(accountId: number, key: string): Promise<void> {
    await this.#db.run(
      `DELETE FROM idempotency_keys WHERE account_id = ? AND key = ? AND state = 'in_progress'`,
      accountId,
      key,
    );
  }
}

function inProgress(): StoreError {
  return new StoreError(
    'IDEMPOTENCY_IN_PROGRESS',
    409,
    'a request with this Idempotency-Key is still being processed',
    { headers: { 'retry-after': '1' } },
  );
}
