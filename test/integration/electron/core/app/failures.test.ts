// When things go wrong: a download the store refuses fails and is retried from the UI; a store that
// goes away turns the connection offline and the balance into the last known figures.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppService } from '../../../../../electron/core/app/app-host.ts';
import { EventLog, startApp, tempHome, until } from '../../../../helpers/app-fixture.ts';
import { FaultProxy, type RecordedRequest } from '../../../../helpers/fault-proxy.ts';
import { startTestServer, type TestServer } from '../../../../helpers/test-server.ts';

const home = tempHome();
let server: TestServer;
let proxy: FaultProxy;
let app: AppService;
let events: EventLog;

beforeAll(async () => {
  server = await startTestServer();
  proxy = await FaultProxy.start(server.url);
  app = await startApp(home, { kind: 'url', url: proxy.url });
  events = new EventLog(app, ['connection', 'queue-changed', 'job-state', 'album-filed']);
  await app.api['session.login']({ storeUrl: proxy.url, email: 'demo@megadisc.local', password: 'demo' });
});
afterAll(async () => {
  events?.stop();
  await app?.close();
  await proxy?.close();
  await server?.dispose();
  rmSync(home, { recursive: true, force: true });
});

describe('failures seen through the app service', () => {
  it('a download the store refuses fails; retry runs it again to the end', async () => {
    expect(await app.api['app.info']({})).toMatchObject({
      demoStoreUrl: null,
      session: { storeUrl: proxy.url },
    });
    const album = (await app.api['store.search']({ q: 'Low Tide Atlas' })).albums.items[0]!;
    // The first file request meets a 404: not worth retrying, so that job fails.
    proxy.plan([{ when: (r) => r.url.includes('/file'), fault: { kind: 'status', status: 404 } }]);
    const { purchaseId } = await app.api['store.buy']({ albumId: album.id, encoding: 'flac' });
    await until(async () => !(await app.api['downloads.list']({})).running);
    const group = (await app.api['downloads.list']({})).groups.find((g) => g.purchaseId === purchaseId)!;
    const failed = group.jobs.filter((j) => j.state === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error?.code).toBe('HTTP_STATUS');
    expect(group.jobs.filter((j) => j.state === 'done')).toHaveLength(album.trackCount - 1);
    expect(events.all('album-filed')).toHaveLength(0);

    const changesBefore = events.all('queue-changed').length;
    expect(await app.api['downloads.retry']({ ids: 'all' })).toEqual([failed[0]!.id]);
    expect(events.all('queue-changed').length).toBe(changesBefore + 1);
    const filed = await events.next('album-filed', (e) => e.purchaseId === purchaseId);
    expect(filed.tracks).toBe(album.trackCount);
    const after = (await app.api['downloads.list']({})).groups.find((g) => g.purchaseId === purchaseId)!;
    expect(after.jobs.every((j) => j.state === 'done' && j.error === null)).toBe(true);
    // Nothing failed is left: retrying again changes nothing.
    expect(await app.api['downloads.retry']({ ids: 'all' })).toEqual([]);
  });

  it('pause, resume, move and cancel each announce a queue change', async () => {
    const album = (await app.api['store.search']({ q: 'Static Psalms' })).albums.items[0]!;
    // Everything of this purchase is paused as soon as it is ordered (the listener runs synchronously,
    // inside the order's emit), so no transfer starts before the test is done rearranging.
    const stop = app.events.on('purchase-state', (e) => {
      if (e.state === 'ordered') void app.api['downloads.pause']({ ids: 'all' });
    });
    const { purchaseId } = await app.api['store.buy']({ albumId: album.id, encoding: 'flac' });
    stop();
    const jobs = () =>
      app.api['downloads.list']({}).then((v) => v.groups.find((g) => g.purchaseId === purchaseId)!.jobs);
    const paused = await jobs();
    expect(paused.map((j) => j.state)).toEqual(Array(album.trackCount).fill('paused'));
    const before = events.all('queue-changed').length;
    await app.api['downloads.move']({ id: paused.at(-1)!.id, place: 1 });
    // First in the queue now, so its purchase leads the list too.
    const moved = await app.api['downloads.list']({});
    expect(moved.groups[0]!.purchaseId).toBe(purchaseId);
    expect(moved.groups[0]!.jobs[0]!.id).toBe(paused.at(-1)!.id);
    const cancelled = await app.api['downloads.cancel']({ id: paused[0]!.id });
    expect(cancelled.state).toBe('cancelled');
    await app.api['downloads.resume']({ ids: 'all' });
    expect(events.all('queue-changed').length).toBe(before + 3);
    const filed = await events.next('album-filed', (e) => e.purchaseId === purchaseId);
    expect(filed.tracks).toBe(album.trackCount - 1);
  });

  it('an order the store does not take yet is bought and queued, then sent again with its key', async () => {
    const album = (await app.api['store.search']({ q: 'Nuits Électriques' })).albums.items[0]!;
    // Every try of the order's request (the client's own retries included) meets a 503 once.
    const busy = {
      when: (r: RecordedRequest) => r.method === 'POST' && r.url === '/v1/orders',
      fault: { kind: 'status', status: 503, retryAfter: '0' },
    } as const;
    proxy.plan([busy, busy, busy]);
    const changesBefore = events.all('queue-changed').length;
    const bought = await app.api['store.buy']({ albumId: album.id, encoding: 'mp3-128' });
    expect(bought.orderId).toBeNull();
    expect(events.all('queue-changed').length).toBeGreaterThan(changesBefore);
    const filed = await events.next('album-filed', (e) => e.purchaseId === bought.purchaseId);
    expect(filed.tracks).toBe(album.trackCount);
    expect(proxy.pending).toBe(0);
  });

  it('a store that goes away: connection offline, balance from the last figures; back: online', async () => {
    const online = await app.api['account.balance']({});
    expect(online.offline).toBe(false);
    const spent = await app.api['account.spend']({});
    expect(spent.perMb).not.toBeNull();
    // The store goes away: every connection to it is reset. The proxy keeps its port meanwhile, so
    // no other listener can take it and answer in the store's place.
    proxy.setDown(true);
    const offline = await app.api['account.balance']({});
    expect(offline).toMatchObject({
      offline: true,
      balanceBytes: online.balanceBytes,
      reservedBytes: online.reservedBytes,
    });
    const down = await events.next('connection', (e) => !e.online);
    expect(down.message).toMatch(/\S/);
    await expect(app.api['store.home']({})).rejects.toMatchObject({ code: 'STORE_UNREACHABLE' });
    // The spend report still works, from the local mirror and the rate seen before.
    expect(await app.api['account.spend']({})).toEqual(spent);

    // The store comes back at the same address; logging in again reaches it.
    proxy.setDown(false);
    await app.api['session.login']({ storeUrl: proxy.url, email: 'demo@megadisc.local', password: 'demo' });
    await events.next('connection', (e) => e.online);
    expect((await app.api['account.balance']({})).offline).toBe(false);
  });
});
