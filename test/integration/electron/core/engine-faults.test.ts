import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../electron/core/create-engine.ts';
import { audioMd5 } from '../../../helpers/audio-fixtures.ts';
import { FaultProxy } from '../../../helpers/fault-proxy.ts';
import { expectLedgerBalances } from '../../../helpers/ledger-checks.ts';
import { StoreApi } from '../../../helpers/store-api.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;
let proxy: FaultProxy;
let engine: Engine;
const home = mkdtempSync(join(tmpdir(), 'megadisc-engine-'));
const isDownload = (r: { url: string }) => r.url.includes('/file');

beforeAll(async () => {
  server = await startTestServer();
  proxy = await FaultProxy.start(server.url);
  engine = createEngine({
    home,
    timeouts: { connectMs: 2000, idleMs: 500 },
    retry: { maxAttempts: 10, baseDelayMs: 20, maxDelayMs: 200 },
    pollMs: 100,
    defaults: { libraryDir: join(home, 'library') },
  });
  await engine.login(proxy.url, 'demo@megadisc.local', 'demo');
});
afterAll(async () => {
  try {
    execFileSync('chattr', ['-i', join(home, 'locked')], { stdio: 'ignore' });
  } catch {
    // Not locked (the test unlocked it, or never got there).
  }
  engine?.close();
  await proxy?.close();
  await server?.dispose();
  rmSync(home, { recursive: true, force: true });
});

describe('the engine through a faulty network', () => {
  it('completes every purchase, verified, with exactly one settled debit per item', async () => {
    const albums = (await engine.search('orchard')).albums.items;
    const album = await engine.album(albums[0]!.id);
    // The order itself meets a 503 first: the retry reuses the Idempotency-Key.
    // Each request takes the first rule that matches. The rules for resumed (ranged) requests come
    // first: the fresh-request faults below leave partial files, so the first two resumes get them.
    const isResume = (r: { url: string; range: string | null }) => isDownload(r) && r.range !== null;
    proxy.plan([
      {
        when: (r) => r.method === 'POST' && r.url === '/v1/orders',
        fault: { kind: 'status', status: 503, retryAfter: '1' },
      },
      { when: isResume, fault: { kind: 'ignore-range' } },
      { when: isResume, fault: { kind: 'wrong-content-range' } },
      { when: isDownload, fault: { kind: 'reset-after', bytes: 30_000 } },
      { when: isDownload, fault: { kind: 'truncate-after', bytes: 50_000 } },
      { when: isDownload, fault: { kind: 'stall', afterBytes: 20_000, ms: 3_000 } },
      { when: isDownload, fault: { kind: 'status', status: 503, retryAfter: '1' } },
      { when: isDownload, fault: { kind: 'change-etag' } },
    ]);
    const purchase = await engine.buy(album.id, 'flac');
    const summary = await engine.run();
    expect(summary).toMatchObject({ done: album.trackCount, failed: 0 });
    const faults = new Set(proxy.requests.map((r) => r.fault));
    for (const kind of [
      'status',
      'reset-after',
      'truncate-after',
      'stall',
      'ignore-range',
      'change-etag',
      'wrong-content-range',
    ]) {
      expect(faults, kind).toContain(kind);
    }

    const api = await new StoreApi(server.url).login();
    const order = (await api.get(`/v1/orders/${purchase.order_id}`)).body;
    const jobs = engine.queue().filter((j) => j.orderId === order.id);
    expect(jobs).toHaveLength(album.trackCount);
    for (const item of order.items) {
      const job = jobs.find((j) => j.fileName === item.fileName)!;
      expect(job.state).toBe('done');
      // The filed file carries exactly the audio of the store's file (only tags were added).
      const original = join(home, `original-${item.id}.flac`);
      const raw = (await api.get(item.download.url)).body as Buffer;
      expect(createHash('sha256').update(raw).digest('hex')).toBe(item.sha256);
      writeFileSync(original, raw);
      expect(await audioMd5(job.finalPath!)).toBe(await audioMd5(original));
    }
    const verify = await engine.libraryVerify();
    expect(verify.missing).toHaveLength(0);
    expect(verify.changed).toHaveLength(0);
    const { entries } = await expectLedgerBalances(api);
    const settles = entries.filter((e) => e.orderId === order.id && e.kind === 'settle');
    expect(settles).toHaveLength(album.trackCount);
    expect(new Set(settles.map((e) => e.itemId)).size).toBe(album.trackCount);
    const orders = (await api.get('/v1/orders')).body.items.filter(
      (o: any) => o.albumId === album.id && o.encoding === 'flac',
    );
    expect(orders).toHaveLength(1);
    // The local mirror agrees with the store.
    const balance = await engine.balance();
    expect(balance.mismatch).toBeNull();
    expect(balance.balanceBytes).toBe((await api.get('/v1/account')).body.balanceBytes);
  });

  it('pauses jobs it cannot file, keeps their .part, and does not retry in a loop', async () => {
    const albums = (await engine.search('tide')).albums.items;
    // An immutable folder refuses writes even to root; where chattr is unsupported, /sys does too.
    let locked = join(home, 'locked');
    mkdirSync(locked);
    let unlock: () => unknown = () => execFileSync('chattr', ['-i', locked]);
    try {
      execFileSync('chattr', ['+i', locked], { stdio: 'ignore' });
    } catch {
      locked = '/sys/megadisc-test-downloads';
      unlock = () => engine.configure({ libraryDir: join(home, 'library') });
    }
    engine.configure({ libraryDir: locked });
    proxy.plan([]);
    const before = proxy.requests.length;
    await engine.buy(albums[0]!.id, 'mp3-128', undefined);
    const summary = await engine.run();
    expect(summary.paused).toBeGreaterThan(0);
    const paused = engine.queue().filter((j) => j.state === 'paused');
    expect(paused[0]!.error?.code).toBe('PERMISSION_DENIED');
    const parts = readdirSync(join(home, 'staging'));
    expect(parts.length).toBeGreaterThanOrEqual(paused.length);
    // One download request per job at most: no retry storm.
    const downloads = proxy.requests.slice(before).filter(isDownload);
    expect(downloads.length).toBeLessThanOrEqual(paused.length + 2);
    unlock();
    const beforeResume = proxy.requests.length;
    engine.resume('all');
    const after = await engine.run();
    expect(after.paused).toBe(0);
    // The complete .part files were verified and filed without downloading them again: the resume
    // asked for the bytes after the end and got 416, which confirms the size.
    const again = proxy.requests.slice(beforeResume).filter(isDownload);
    expect(again.map((r) => r.status)).toEqual(again.map(() => 416));
    expect(again.every((r) => r.range !== null && /^bytes=\d+-$/.test(r.range))).toBe(true);
  });

  it('sweeps the .part a crash left behind after filing, and only that', async () => {
    // A crash between filing a track and deleting its .part: the job is done, the .part is garbage.
    const done = engine.jobs.all().find((j) => j.state === 'done')!;
    const staging = join(home, 'staging');
    writeFileSync(join(staging, `${done.item_id}.part`), 'left over');
    writeFileSync(join(staging, 'not-a-job.part'), 'unknown: left alone');
    await engine.run();
    const left = readdirSync(staging);
    expect(left).not.toContain(`${done.item_id}.part`);
    expect(left).toContain('not-a-job.part');
  });
});

describe('an order the store refuses for good', () => {
  it('fails its waiting jobs with the reason instead of waiting forever', async () => {
    const albums = (await engine.search('psalms')).albums.items;
    const purchase = await engine.buy(albums[0]!.id, 'wma-192');
    // Make every poll of this order fail as another account's order would: 404.
    proxy.plan([
      { when: (r) => r.url === `/v1/orders/${purchase.order_id}`, fault: { kind: 'status', status: 404 } },
    ]);
    engine.db
      .prepare(`UPDATE jobs SET state = 'waiting_encode', url = NULL WHERE order_id = ?`)
      .run(purchase.order_id);
    const summary = await engine.run();
    expect(summary.failed).toBeGreaterThan(0);
    const failed = engine.queue().filter((j) => j.orderId === purchase.order_id);
    expect(failed.every((j) => j.state === 'failed' && j.error?.code === 'NOT_FOUND')).toBe(true);
    proxy.plan([]);
  });
});
