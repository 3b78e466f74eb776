// Expiring download links: HMAC-SHA256 over the item id and expiry, with a per-store secret.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/open-database.ts';
import { StoreError } from '../errors.ts';

export function loadOrCreateSecret(db: Db): Buffer {
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'link_secret'`).get() as
    | { value: string }
    | undefined;
  if (row) return Buffer.from(row.value, 'base64');
  const secret = randomBytes(32);
  db.prepare(`INSERT INTO meta (key, value) VALUES ('link_secret', ?)`).run(secret.toString('base64'));
  return secret;
}

export class SignedLinks {
  readonly #secret: Buffer;
  readonly #ttlSeconds: number;

  constructor(secret: Buffer, ttlSeconds = 3600) {
    this.#secret = secret;
    this.#ttlSeconds = ttlSeconds;
  }

  #sign(itemId: string, expires: number): string {
    return createHmac('sha256', this.#secret).update(`${itemId}\n${expires}`).digest('base64url');
  }

  create(itemId: string, now = Date.now()): { expires: number; sig: string } {
    const expires = Math.floor(now / 1000) + this.#ttlSeconds;
    return { expires, sig: this.#sign(itemId, expires) };
  }

  verify(itemId: string, expires: number, sig: string, now = Date.now()): void {
    const expected = Buffer.from(this.#sign(itemId, expires));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new StoreError('LINK_EXPIRED', 403, 'the download link is not valid');
    }
    if (expires * 1000 < now) throw new StoreError('LINK_EXPIRED', 403, 'the download link has expired');
  }
}
