// The store operator's bearer token for the operator routes: only its hash is stored; issuing a new
// one replaces the old.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/open-database.ts';

const hash = (token: string) => createHash('sha256').update(token).digest();

export class OperatorToken {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Makes a new token (the old one stops working) and returns it: shown once, never stored. */
  issue(): string {
    const token = `op_${randomBytes(24).toString('base64url')}`;
    this.#db
      .prepare(
        `INSERT INTO meta (key, value) VALUES ('operator_token_sha256', ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .run(hash(token).toString('hex'));
    return token;
  }

  check(token: string): boolean {
    const row = this.#db.prepare(`SELECT value FROM meta WHERE key = 'operator_token_sha256'`).get() as
      | { value: string }
      | undefined;
    if (!row) return false;
    return timingSafeEqual(hash(token), Buffer.from(row.value, 'hex'));
  }
}
