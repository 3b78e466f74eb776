// The encode queue on a store that serves only (encode: false), driven here as its workers would be:
// claims are numbered attempts, a quiet worker's claim goes back to the queue, a stale attempt
// settles and fails nothing, and an order is finished once. Runs on SQLite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EncodeQueue } from '../../../../server/orders/encode-queue.ts';
import { ItemBooks } from '../../../../server/orders/item-books.ts';
import { expectLedgerBalances } from '../../../helpers/ledger-checks.ts';
import { StoreApi } from '../../../helpers/store-api.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;
let demo: StoreApi;
let queue: EncodeQueue;
let books: ItemBooks;
let clock = Date.now();

beforeAll(async () => {
  server = await startTestServer({ encode: false });
  demo = await new StoreApi(server.url).login();
  queue = new EncodeQueue(server.store.sql, () => clock);
  books = new ItemBooks({
    db: server.store.sql,
    dataDir: server.dataDir,
    ledger: server.store.ledger,
    royalties: server.store.royalties,
  });
});

afterAll(async () => {
  await server?.dispose();
});

async function placeOrder(albumIndex: number, encoding: string) {
  const albums = (await demo.get('/v1/albums?limit=100&sort=title')).body.items;
  const created = await demo.post(
    '/v1/orders',
    { albumId: albums[albumIndex].id, encoding },
    { 'idempotency-key': randomUUID() },
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

/** Claims the next item of one order, holding the others' items meanwhile and giving them back after. */
async function claimOf(orderId: string, worker: string) {
  const held = [];
  try {
    for (;;) {
      const claim = await queue.claim(worker);
      if (!claim) throw new Error(`nothing of order ${orderId} is queued`);
      if (claim.order.id === orderId) return claim;
      held.push(claim);
    }
  } finally {
    for (const c of held) await queue.release(c.item.id, c.attempt);
  }
}

/** Encodes a claimed item for real, as a worker does, without settling it. */
async function encode(claim: NonNullable<Awaited<ReturnType<EncodeQueue['claim']>>>) {
  const track = (await server.store.catalog.trackRows(claim.order.album_id)).find(
    (t) => t.id === claim.item.track_id,
  )!;
  return server.store.transcoder.ensure({
    trackId: track.id,
    masterPath: track.master_path,
    durationMs: track.duration_ms,
    encoding: claim.order.encoding,
  });
}

describe('the encode queue', () => {
  it('gives each item to one worker at a time, oldest order first, in track order', async () => {
    const first = await placeOrder(0, 'mp3-v2');
    const second = await placeOrder(1, 'mp3-v2');
    const claims = [];
    for (let n = 0; n < first.items.length + 1; n++) claims.push(await queue.claim(`w${n % 2}`));
    expect(claims.slice(0, first.items.length).map((c) => c!.item.id)).toEqual(
      first.items.map((i: any) => i.id),
    );
    expect(claims.at(-1)!.item.id).toBe(second.items[0].id);
    expect(new Set(claims.map((c) => c!.item.id)).size).toBe(claims.length);
    expect(claims.every((c) => c!.attempt === 1)).toBe(true);
    // Hand them all back, as a worker shutting down does.
    for (const c of claims) await queue.release(c!.item.id, c!.attempt);
  });

  it('gives a quiet worker’s item to another, and the stale attempt can neither settle nor fail it', async () => {
    const created = await placeOrder(2, 'flac');
    const before = (await demo.get('/v1/account')).body;
    const stale = await claimOf(created.id, 'quiet');
    // The worker's heartbeats stop; 6 s later the reaper gives its item back.
    expect(await queue.requeueStale(5000)).toBe(0);
    clock += 6000;
    expect(await queue.requeueStale(5000)).toBe(1);
    expect(await queue.heartbeat(stale!.item.id, stale!.attempt)).toBe(false);
    const taken = await claimOf(created.id, 'live');
    expect(taken!.item.id).toBe(stale!.item.id);
    expect(taken!.attempt).toBe(stale!.attempt + 1);

    const record = await encode(taken!);
    expect(await books.settle(stale!.order, stale!.item, stale!.attempt, record)).toBe(false);
    expect(await books.fail(stale!.item, stale!.attempt, 'ENCODE_FAILED', 'late')).toBe(false);
    expect(await books.settle(taken!.order, taken!.item, taken!.attempt, record)).toBe(true);
    expect(await books.settle(taken!.order, taken!.item, taken!.attempt, record)).toBe(false);

    // The rest of the order, by the live worker; then it finishes once.
    for (let n = 1; n < created.items.length; n++) {
      const c = await claimOf(created.id, 'live');
      expect(await books.settle(c.order, c.item, c.attempt, await encode(c))).toBe(true);
    }
    const order = (await server.store.sql.get<any>('SELECT * FROM orders WHERE id = ?', created.id))!;
    expect(await books.finish(order)).toBe(true);
    expect(await books.finish(order)).toBe(false);

    const done = (await demo.get(`/v1/orders/${created.id}`)).body;
    expect(done.state).toBe('complete');
    const { entries, account } = await expectLedgerBalances(demo);
    const mine = entries.filter((e: any) => e.orderId === created.id);
    expect(mine.filter((e: any) => e.kind === 'settle')).toHaveLength(done.items.length);
    expect(mine.filter((e: any) => e.kind === 'release')).toHaveLength(1);
    expect(account.balanceBytes).toBe(before.balanceBytes - done.chargedBytes);
    for (const item of done.items) {
      const file = await demo.get(item.download.url);
      expect(file.status).toBe(200);
    }
  });
});
