// Expiring download links: HMAC-SHA256 over the item id and expiry, with a per-store secret.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/sql/port.ts';
import { StoreError } from '../errors/store-error.ts';

/** The store's link secret, made on first start. Nodes starting at once all end up with the first one stored. */
export async function loadOrCreateSecret(db: Database): Promise<Buffer> {
  await db.run(
    `INSERT INTO meta (key, value) VALUES ('link_secret', ?) ON CONFLICT (key) DO NOTHING`,
    randomBytes(32).toString('base64'),
  );
  const row = await db.get<{ value: string }>(`SELECT value FROM meta WHERE key = 'link_secret'`);
  return Buffer.from(row!.value, 'base64');
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
