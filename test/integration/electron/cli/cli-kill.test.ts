import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../../../helpers/cli-process.ts';
import { FaultProxy } from '../../../helpers/fault-proxy.ts';
import { expectLedgerBalances } from '../../../helpers/ledger-checks.ts';
import { StoreApi } from '../../../helpers/store-api.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;
let proxy: FaultProxy;
let api: StoreApi;
const homes: string[] = [];

interface JobRow {
  id: number;
  item_id: string;
  state: string;
  checkpoint_bytes: number;
  url: string | null;
  sha256: string | null;
  final_path: string | null;
  order_id: string;
}

function readJobs(home: string): JobRow[] {
  const db = new DatabaseSync(join(home, 'profile.db'), { readOnly: true });
  try {
    return db.prepare('SELECT * FROM jobs ORDER BY id').all() as unknown as JobRow[];
  } finally {
    db.close();
  }
}

async function until<T>(probe: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function newHome(): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), 'megadisc-kill-'));
  homes.push(home);
  const r = await runCli([
    'login',
    '--store',
    proxy.url,
    '--email',
    'demo@megadisc.local',
    '--password',
    'demo',
    '--home',
    home,
  ]);
  expect(r.code, r.output).toBe(0);
  expect((await runCli(['config', '--library-dir', join(home, 'library'), '--home', home])).code).toBe(0);
  return home;
}

beforeAll(async () => {
  server = await startTestServer();
  proxy = await FaultProxy.start(server.url);
  api = await new StoreApi(server.url).login();
});
afterAll(async () => {
  await proxy?.close();
  await server?.dispose();
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

describe('kill -9 and restart', () => {
  it('resumes a killed download from its checkpoint, not from zero', async () => {
    const home = await newHome();
    const album = (await api.get('/v1/search?q=orchard')).body.albums.items[0];
    expect(
      (await runCli(['config', '--bandwidth-limit', '150000', '--concurrency', '2', '--home', home])).code,
    ).toBe(0);
    expect(
      (await runCli(['buy', String(album.id), '--encoding', 'flac', '--yes', '--home', home])).code,
    ).toBe(0);

    const run = startCli(['run', '--home', home]);
    await until(() =>
      readJobs(home).some((j) => j.state === 'downloading' && j.checkpoint_bytes > 0) ? true : undefined,
    );
    run.child.kill('SIGKILL');
    await run.exited;

    const atKill = readJobs(home).filter((j) => j.state !== 'done' && j.checkpoint_bytes > 0);
    expect(atKill.length).toBeGreaterThan(0);
    const mark = proxy.requests.length;
    expect((await runCli(['config', '--bandwidth-limit', 'off', '--home', home])).code).toBe(0);
    const rerun = await runCli(['run', '--home', home]);
    expect(rerun.code, rerun.output).toBe(0);

    const after = proxy.requests.slice(mark);
    for (const job of atKill) {
      const mine = after.filter((r) => r.url === job.url);
      expect(mine.length, job.item_id).toBeGreaterThan(0);
      expect(mine[0]!.range, job.item_id).toBe(`bytes=${job.checkpoint_bytes}-`);
      expect(
        mine.some((r) => r.range === null),
        'never from zero',
      ).toBe(false);
    }
    for (const job of readJobs(home)) {
      expect(job.state).toBe('done');
      expect(existsSync(job.final_path!)).toBe(true);
    }
    const verify = await runCli(['library', 'verify', '--home', home]);
    expect(verify.code, verify.output).toBe(0);
    expect(verify.output).toMatch(new RegExp(`^${album.trackCount} ok, 0 missing, 0 changed`, 'm'));
  });

  it('never buys twice when killed between sending an order and its answer', async () => {
    const home = await newHome();
    const album = (await api.get('/v1/search?q=tide')).body.albums.items[0];
    const ordersBefore = (await api.get('/v1/orders')).body.items.length;
    // The store gets the order and answers, but the proxy holds the answer back.
    proxy.plan([
      { when: (r) => r.method === 'POST' && r.url === '/v1/orders', fault: { kind: 'stall', afterBytes: 0 } },
    ]);
    const mark = proxy.requests.length;
    const buy = startCli(['buy', String(album.id), '--encoding', 'opus-160', '--yes', '--home', home]);
    await until(() =>
      proxy.requests
        .slice(mark)
        .find((r) => r.method === 'POST' && r.url === '/v1/orders' && r.status !== null),
    );
    buy.child.kill('SIGKILL');
    await buy.exited;
    expect((await api.get('/v1/orders')).body.items.length).toBe(ordersBefore + 1);

    proxy.plan([]);
    const queue = JSON.parse((await runCli(['queue', '--json', '--home', home])).output);
    expect(queue.pendingPurchases).toHaveLength(1);
    const rerun = await runCli(['run', '--home', home]);
    expect(rerun.code, rerun.output).toBe(0);

    const orders = (await api.get('/v1/orders')).body.items;
    expect(orders.length).toBe(ordersBefore + 1);
    const order = orders[0];
    const { entries } = await expectLedgerBalances(api);
    expect(entries.filter((e) => e.orderId === order.id && e.kind === 'reserve')).toHaveLength(1);
    const jobs = readJobs(home);
    expect(jobs.length).toBe(album.trackCount);
    expect(jobs.every((j) => j.state === 'done' && j.order_id === order.id)).toBe(true);
  });
});
