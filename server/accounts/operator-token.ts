// The store operator's bearer token for the operator routes: only its hash is stored; issuing a new
// one replaces the old.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/sql/port.ts';

const hash = (token: string) => createHash('sha256').update(token).digest();

export class OperatorToken {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Makes a new token (the old one stops working) and returns it: shown once, never stored. */
  async issue(): Promise<string> {
    const token = `op_${randomBytes(24).toString('base64url')}`;
    await this.#db.run(
      `INSERT INTO meta (key, value) VALUES ('operator_token_sha256', ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      hash(token).toString('hex'),
    );
    return token;
  }

  async check(token: string): Promise<boolean> {
    const row = await this.#db.get<{ value: string }>(
      `SELECT value FROM meta WHERE key = 'operator_token_sha256'`,
    );
    if (!row) return false;
    return timingSafeEqual(hash(token), Buffer.from(row.value, 'hex'));
  }
}
