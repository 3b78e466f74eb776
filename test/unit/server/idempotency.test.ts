import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/open-database.ts';
import { checkKey, IdempotencyKeys, requestHash } from '../../../server/orders/idempotency.ts';

function setup() {
  const db = openDatabase(':memory:');
  db.prepare(
    `INSERT INTO accounts (id, email, password_hash, created_at) VALUES (1, 'a@x', 'h', 'now')`,
  ).run();
  let now = Date.parse('2026-11-23T10:00:00Z');
  const keys = new IdempotencyKeys(db, () => now);
  return { db, keys, advance: (ms: number) => (now += ms) };
}

describe('idempotency keys', () => {
  it('claims, conflicts while in progress, replays when done', () => {
    const { keys } = setup();
    const h = requestHash({ a: 1 });
    expect(keys.claim(1, 'key-00001', h)).toEqual({ kind: 'claimed' });
    expect(() => keys.claim(1, 'key-00001', h)).toThrow(expect.objectContaining({ status: 409 }));
    keys.complete(1, 'key-00001', 201, { id: 'ord_x' });
    expect(keys.claim(1, 'key-00001', h)).toEqual({ kind: 'replay', status: 201, body: { id: 'ord_x' } });
  });

  it('refuses a different body under the same key, even while in progress', () => {
    const { keys } = setup();
    keys.claim(1, 'key-00002', requestHash({ a: 1 }));
    expect(() => keys.claim(1, 'key-00002', requestHash({ a: 2 }))).toThrow(
      expect.objectContaining({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' }),
    );
  });

  it('lets a retry take over a claim abandoned by a crash, and frees abandoned claims', () => {
    const { keys, advance } = setup();
    const h = requestHash({});
    keys.claim(1, 'key-00003', h);
    advance(130_000);
    expect(keys.claim(1, 'key-00003', h)).toEqual({ kind: 'claimed' });
    keys.abandon(1, 'key-00003');
    expect(keys.claim(1, 'key-00003', requestHash({ other: true }))).toEqual({ kind: 'claimed' });
  });

  it('validates the header', () => {
    expect(() => checkKey(undefined)).toThrow(expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REQUIRED' }));
    expect(() => checkKey('short')).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => checkKey('has space inside')).toThrow();
    expect(checkKey('0b7f6c1e-1111-4a2b-9c3d-abcdefabcdef')).toBe('0b7f6c1e-1111-4a2b-9c3d-abcdefabcdef');
  });
});
