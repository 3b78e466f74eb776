// Processes sharing a PostgreSQL database tell each other what changed (LISTEN/NOTIFY): an order
// taken by a node that only serves wakes an idle worker in another process at once, and the items
// that worker settles wake the node's long poll. The worker here polls once a minute, so only a
// notice can get the order done within the test. PostgreSQL only: a SQLite store is one process.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../server/store/open-store.ts';
import { StoreApi } from '../../../helpers/store-api.ts';
import { onPostgres, startTestServer, type TestServer } from '../../../helpers/test-server.ts';

const MINUTE = 60_000;

describe.skipIf(!onPostgres)('notices between processes on PostgreSQL', () => {
  let node: TestServer;
  let worker: Store;
  let demo: StoreApi;

  beforeAll(async () => {
    node = await startTestServer({ encode: false });
    worker = await openStore({ dataDir: node.dataDir, database: node.database!, pollMs: MINUTE });
    await worker.fulfilment.resumeUnfinished();
    demo = await new StoreApi(node.url).login();
  });

  afterAll(async () => {
    await worker?.close();
    await node?.dispose();
  });

  it('wakes an idle worker elsewhere for a new order, and its settles wake the long poll', async () => {
    const albums = (await demo.get('/v1/albums?limit=100&sort=title')).body.items;
    const started = Date.now();
    const created = await demo.post(
      '/v1/orders',
      { albumId: albums[0].id, encoding: 'opus-160' },
      { 'idempotency-key': randomUUID() },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // Long polls, each up to 20 s: one answers as soon as an item settles on the worker.
    let order = created.body;
    while (order.state === 'processing' && Date.now() - started < MINUTE / 2) {
      const polled = await demo.get(`/v1/orders/${order.id}?waitMs=20000`);
      expect(polled.status).toBe(200);
      order = polled.body;
    }
    expect(order.state).toBe('complete');
    expect(order.items.every((i: { state: string }) => i.state === 'ready')).toBe(true);
    // Well inside the worker's minute of polling: it was woken.
    expect(Date.now() - started).toBeLessThan(MINUTE / 2);
  }, 90_000);
});
