import { describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../../../server/db/sqlite/sqlite-database.ts';
import { checkKey, IdempotencyKeys, requestHash } from '../../../../server/orders/idempotency.ts';

async function setup() {
  const db = openSqliteDatabase(':memory:');
  await db.run(`INSERT INTO accounts (id, email, password_hash, created_at) VALUES (1, 'a@x', 'h', 'now')`);
  let now = Date.parse('2026-11-23T10:00:00Z');
  const keys = new IdempotencyKeys(db, () => now);
  return { db, keys, advance: (ms: number) => (now += ms) };
}

describe('idempotency keys', () => {
  it('claims, conflicts while in progress, replays when done', async () => {
    const { db, keys } = await setup();
    const h = requestHash({ a: 1 });
    expect(await keys.claim(1, 'key-00001', h)).toEqual({ kind: 'claimed' });
    await expect(keys.claim(1, 'key-00001', h)).rejects.toThrow(expect.objectContaining({ status: 409 }));
    await db.tx((q) => keys.complete(q, 1, 'key-00001', 201, { id: 'ord_x' }));
    expect(await keys.claim(1, 'key-00001', h)).toEqual({
      kind: 'replay',
      status: 201,
      body: { id: 'ord_x' },
    });
  });

  it('refuses a different body under the same key, even while in progress', async () => {
    const { keys } = await setup();
    await keys.claim(1, 'key-00002', requestHash({ a: 1 }));
    await expect(keys.claim(1, 'key-00002', requestHash({ a: 2 }))).rejects.toThrow(
      expect.objectContaining({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' }),
    );
  });

  it('lets a retry take over a claim abandoned by a crash, and frees abandoned claims', async () => {
    const { keys, advance } = await setup();
    const h = requestHash({});
    await keys.claim(1, 'key-00003', h);
    advance(130_000);
    expect(await keys.claim(1, 'key-00003', h)).toEqual({ kind: 'claimed' });
    await keys.abandon(1, 'key-00003');
    expect(await keys.claim(1, 'key-00003', requestHash({ other: true }))).toEqual({ kind: 'claimed' });
  });

  it('validates the header', () => {
    expect(() => checkKey(undefined)).toThrow(expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REQUIRED' }));
    expect(() => checkKey('short')).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => checkKey('has space inside')).toThrow();
    expect(checkKey('0b7f6c1e-1111-4a2b-9c3d-abcdefabcdef')).toBe('0b7f6c1e-1111-4a2b-9c3d-abcdefabcdef');
  });
});

// A claim whose request died (its node was killed mid-order) is taken over by a retry after 10 s,
// and should the first request still be alive, only one of the two completes: never two orders.
describe('taking over an idempotency claim', () => {
  it('keeps a fresh claim for 10 s, then lets a retry take it over', async () => {
    const { keys, advance } = await setup();
    const h = requestHash({ a: 1 });
    expect(await keys.claim(1, 'key-00010', h)).toEqual({ kind: 'claimed' });
    advance(9_000);
    await expect(keys.claim(1, 'key-00010', h)).rejects.toThrow(
      expect.objectContaining({ status: 409, code: 'IDEMPOTENCY_IN_PROGRESS' }),
    );
    advance(2_000);
    expect(await keys.claim(1, 'key-00010', h)).toEqual({ kind: 'claimed' });
  });

  it('lets only one of the first request and the retry that took over complete', async () => {
    const { db, keys, advance } = await setup();
    const h = requestHash({ a: 2 });
    await keys.claim(1, 'key-00011', h);
    advance(11_000);
    await keys.claim(1, 'key-00011', h);
    // The retry completes first; the first request, still alive, comes to complete afterwards.
    await db.tx((q) => keys.complete(q, 1, 'key-00011', 201, { id: 'ord_retry' }));
    await expect(
      db.tx(async (q) => {
        await q.run(`INSERT INTO meta (key, value) VALUES ('late-order', '1')`);
        await keys.complete(q, 1, 'key-00011', 201, { id: 'ord_late' });
      }),
    ).rejects.toThrow(expect.objectContaining({ status: 409, code: 'IDEMPOTENCY_IN_PROGRESS' }));
    // Its transaction (its order) is gone, and the key answers with the retry's order.
    expect(await db.get(`SELECT value FROM meta WHERE key = 'late-order'`)).toBeUndefined();
    expect(await keys.claim(1, 'key-00011', h)).toEqual({
      kind: 'replay',
      status: 201,
      body: { id: 'ord_retry' },
    });
  });

  it('refuses to complete a claim that was abandoned meanwhile', async () => {
    const { db, keys } = await setup();
    await keys.claim(1, 'key-00012', requestHash({}));
    await keys.abandon(1, 'key-00012');
    await expect(db.tx((q) => keys.complete(q, 1, 'key-00012', 201, { id: 'ord_x' }))).rejects.toThrow(
      expect.objectContaining({ code: 'IDEMPOTENCY_IN_PROGRESS' }),
    );
  });
});
