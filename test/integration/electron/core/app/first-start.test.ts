// First start runs the embedded demo store and logs in; later starts reuse its data and its port,
// and a demo that has to move to another port takes the profile's history along.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { AppService } from '../../../../../electron/core/app/app-host.ts';
import { openProfile } from '../../../../../electron/core/profile/open-profile.ts';
import { seedDemoFromTemplate, startApp, tempHome } from '../../../../helpers/app-fixture.ts';
import { holdPort } from '../../../../helpers/ports.ts';

const home = tempHome();
let service: AppService | null = null;
let blocker: Server | null = null;

afterAll(async () => {
  await service?.close();
  await new Promise((r) => (blocker ? blocker.close(r) : r(null)));
  rmSync(home, { recursive: true, force: true });
});

async function restart(): Promise<AppService> {
  await service?.close();
  service = await startApp(home, { kind: 'auto' });
  return service;
}

describe('store choice at start', () => {
  let firstUrl = '';
  let balanceAfterTopup = 0;
  let entries = 0;

  it('starts the demo store on a first start and logs in to the demo account', async () => {
    seedDemoFromTemplate(home);
    // The demo's port is one this test owns, outside the ephemeral range: when a restart frees it,
    // no other process can be handed it by the kernel, so "the same port again" is certain. The
    // demo finds it the way it finds its own last port.
    const demoPort = await holdPort();
    writeFileSync(join(home, 'demo-store', 'last-url'), demoPort.url);
    await demoPort.release();
    const app = await restart();
    const info = await app.api['app.info']({});
    expect(app.demo).not.toBeNull();
    firstUrl = app.demo!.url;
    expect(firstUrl).toBe(demoPort.url);
    expect(info).toMatchObject({
      transport: 'web',
      version: '0.0.0-test',
      demoStoreUrl: firstUrl,
      session: { storeUrl: firstUrl, email: 'demo@megadisc.local' },
    });
    expect(JSON.stringify(info)).not.toMatch(/token/i);
    expect(app.demo!.vouchers).toEqual(inject('demoVouchers'));
    expect((await app.api['settings.get']({})).storeUrl).toBe(firstUrl);
    expect(readFileSync(join(home, 'demo-store', 'last-url'), 'utf8')).toBe(firstUrl);

    const home1 = await app.api['store.home']({});
    expect(home1.newReleases.length).toBeGreaterThan(0);
    expect(home1.newReleases.length).toBeLessThanOrEqual(12);
    expect(home1.genres.length).toBeGreaterThan(0);

    const balance = await app.api['account.balance']({});
    expect(balance).toMatchObject({ offline: false, mismatch: null, reservedBytes: 0 });
    const voucher = app.demo!.vouchers[0]!;
    const redeemed = await app.api['account.topup']({ code: voucher });
    expect(redeemed.account.balanceBytes).toBe(balance.balanceBytes + redeemed.creditedBytes);
    expect(app.demo!.vouchers).not.toContain(voucher);
    const ledger = await app.api['account.ledger']({});
    balanceAfterTopup = ledger.balance.balanceBytes;
    entries = ledger.entries.length;
    expect(balanceAfterTopup).toBe(redeemed.account.balanceBytes);
  });

  it('a second start reuses the demo data and its port: the balance and history are still there', async () => {
    const app = await restart();
    expect(app.demo!.url).toBe(firstUrl);
    const ledger = await app.api['account.ledger']({});
    expect(ledger.balance).toMatchObject({ balanceBytes: balanceAfterTopup, mismatch: null, offline: false });
    expect(ledger.entries).toHaveLength(entries);
    expect(app.demo!.vouchers).toHaveLength(inject('demoVouchers').length - 1);
  });

  it('a demo that must move to another port re-points the profile: no mismatch, no lost history', async () => {
    await service?.close();
    service = null;
    // Someone else is on the demo's port now.
    blocker = createServer();
    await new Promise<void>((resolve, reject) => {
      blocker!.once('error', reject);
      blocker!.listen(Number(new URL(firstUrl).port), '127.0.0.1', resolve);
    });
    const app = await restart();
    const moved = app.demo!.url;
    expect(moved).not.toBe(firstUrl);
    const ledger = await app.api['account.ledger']({});
    expect(ledger.balance).toMatchObject({ balanceBytes: balanceAfterTopup, mismatch: null });
    expect(ledger.entries).toHaveLength(entries);
    expect((await app.api['app.info']({})).session?.storeUrl).toBe(moved);
    await app.close();
    service = null;
    // Nothing is left behind under the old URL.
    const db = openProfile(home);
    try {
      const stores = db.prepare('SELECT DISTINCT store FROM ledger_entries').all() as { store: string }[];
      expect(stores.map((s) => s.store)).toEqual([moved]);
    } finally {
      db.close();
    }
  });

  it('{kind: "url"} talks to the given store, and {kind: "demo"} always goes back to the demo', async () => {
    const app1 = await startApp(home, { kind: 'url', url: 'http://127.0.0.1:9/' });
    service = app1;
    expect(app1.demo).toBeNull();
    expect(await app1.api['app.info']({})).toMatchObject({ session: null, demoStoreUrl: null });
    expect((await app1.api['settings.get']({})).storeUrl).toBe('http://127.0.0.1:9');
    await app1.close();
    const app2 = await startApp(home, { kind: 'demo' });
    service = app2;
    const info = await app2.api['app.info']({});
    expect(info.session?.storeUrl).toBe(app2.demo!.url);
    expect((await app2.api['account.balance']({})).balanceBytes).toBe(balanceAfterTopup);
  });

  it('close stops downloads at a checkpoint; the next start carries on by itself', async () => {
    const app = service!;
    const album = (await app.api['store.search']({ q: 'Low Tide Atlas' })).albums.items[0]!;
    const { purchaseId } = await app.api['store.buy']({ albumId: album.id, encoding: 'flac' });
    expect((await app.api['downloads.list']({})).running).toBe(true);
    await app.close();
    service = null;

    const next = await restart();
    const filed = new Promise<number>((resolve) =>
      next.events.on('album-filed', (e) => e.purchaseId === purchaseId && resolve(e.tracks)),
    );
    expect(await filed).toBe(album.trackCount);
    const group = (await next.api['downloads.list']({})).groups.find((g) => g.purchaseId === purchaseId)!;
    expect(group.jobs.every((j) => j.state === 'done')).toBe(true);
  });
});
