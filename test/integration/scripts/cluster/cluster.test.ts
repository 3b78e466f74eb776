// The store as a cluster, on loopback, as real processes: one PostgreSQL, three API nodes that only
// serve, two encode workers, nginx in front running the shipped nginx-store.conf (started by
// scripts/cluster/start-cluster.ts, as `npm run cluster:local` does). Buyers order at once through
// nginx while a worker is killed mid-encode and a node is killed with requests in flight; then every
// order is complete, every file is what its order says, every item was charged once, and the books,
// lots and royalties hold. PostgreSQL restarts under the running cluster, which recovers by itself;
// curl, wget and aria2c resume a download through nginx. Skipped where nginx or PostgreSQL is missing.
import { execFile, spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findNginx } from '../../../../scripts/cluster/nginx-process.ts';
import { type LocalCluster, startLocalCluster } from '../../../../scripts/cluster/start-cluster.ts';
import { findPostgresBin } from '../../../../scripts/cluster/throwaway-postgres.ts';
import { requestHash } from '../../../../server/orders/idempotency.ts';
import { jsonOutput, runCli, startCli } from '../../../helpers/cli-process.ts';
import { expectLedgerBalances } from '../../../helpers/ledger-checks.ts';
import { holdPort } from '../../../helpers/ports.ts';
import { StoreApi } from '../../../helpers/store-api.ts';
import {
  descendantsOf,
  eventually,
  killMarked,
  type ProcessMark,
  requestsWaitingOn,
  untilFinal,
} from './cluster-kit.ts';
import { type PartialDownload, resumeWith } from './resume-download.ts';
import { expectItemsSettledOnce, expectRoyaltiesExact } from './store-books.ts';

const run = promisify(execFile);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const installed = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

const missing = [!findNginx() && 'nginx', !findPostgresBin() && 'the PostgreSQL server (initdb, pg_ctl)']
  .filter(Boolean)
  .join(' and ');
const title = `a store cluster behind nginx${missing ? ` (skipped: ${missing} not installed)` : ''}`;

/** What each buyer orders, as [album index by title, encoding]: pairs bought twice share encodes. */
const FIRST_WAVE = [
  [0, 'flac'],
  [1, 'mp3-v0'],
  [2, 'opus-160'],
  [4, 'vorbis-q6'],
  [5, 'mp3-v2'],
  [6, 'aac-128'],
] as const;
const SECOND_WAVE = [
  [0, 'mp3-320'],
  [1, 'flac'],
  [4, 'opus-160'],
] as const;
const BUYERS = 6;

interface Buyer {
  api: StoreApi;
  accountId: number;
  /** Idempotency-Key → the order it made. */
  orders: Map<string, string>;
}

describe.skipIf(missing !== '')(title, () => {
  let root: string;
  let cluster: LocalCluster;
  let db: pg.Pool;
  let albums: { id: number; title: string }[];
  const buyers: Buyer[] = [];
  /** Encoders the killed worker left running; ended in afterAll if still there. */
  let orphans: ProcessMark[] = [];
  /** Every order, once complete. */
  const done = new Map<string, any>();

  const sql = async <T = any>(text: string, ...params: unknown[]): Promise<T[]> =>
    (await db.query(text, params)).rows as T[];
  const cli = async (args: string[]) => {
    const r = await runCli([
      '--lang',
      'en',
      'server',
      ...args,
      '--db',
      cluster.database,
      '--data',
      cluster.dataDir,
    ]);
    if (r.code !== 0) throw new Error(`megadisc server ${args[0]}: exit ${r.code}\n${r.output}`);
    return r.output;
  };
  /** Places an order through nginx as a client does: retried with the same key until final. */
  const order = async (buyer: Buyer, [album, encoding]: readonly [number, string], key = randomUUID()) => {
    const body = { albumId: albums[album]!.id, encoding };
    const placed = await untilFinal(`order ${encoding} by ${buyer.accountId}`, () =>
      buyer.api.post('/v1/orders', body, { 'idempotency-key': key }),
    );
    expect(placed.res.status, JSON.stringify(placed.res.body)).toBe(201);
    buyer.orders.set(key, placed.res.body.id);
    return placed;
  };
  const waitComplete = async (buyer: Buyer, orderId: string) => {
    const finished = await eventually(
      `order ${orderId} to finish`,
      async () => {
        const { res } = await untilFinal(`order ${orderId}`, () =>
          buyer.api.get(`/v1/orders/${orderId}?waitMs=5000`),
        );
        return res.status === 200 && res.body.state !== 'processing' ? res.body : undefined;
      },
      120_000,
    );
    expect(finished.state, JSON.stringify(finished.items.map((i: any) => i.error))).toBe('complete');
    done.set(orderId, finished);
    return finished;
  };
  const nodePort = (n: number) => Number(new URL(cluster.nodes[n]!.url).port);
  const alive = (p: { child: { exitCode: number | null; signalCode: string | null } }) =>
    p.child.exitCode === null && p.child.signalCode === null;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'megadisc-cluster-test-'));
    cluster = await startLocalCluster({
      dir: root,
      nodes: 3,
      workers: 2,
      seed: { copyOf: inject('templateStore') },
      run: (args) => startCli(args),
      reservePort: holdPort,
    });
    db = new pg.Pool({ connectionString: cluster.database, max: 2 });
    // PostgreSQL is stopped on purpose below: its idle connections die then.
    db.on('error', () => {});
    albums = (await new StoreApi(cluster.url).get('/v1/albums?limit=100&sort=title')).body.items;
    expect(albums.length).toBeGreaterThanOrEqual(7);
    // Two vouchers each, sold for money, so settles draw on two lots and owe royalties.
    const [small, large] = await Promise.all([
      cli(['vouchers', 'create', '--mb', '1', '--count', String(BUYERS), '--sold-for', '0.05', '--json']),
      cli(['vouchers', 'create', '--mb', '60', '--count', String(BUYERS), '--sold-for', '1.20', '--json']),
    ]);
    const codes = [jsonOutput(small).codes, jsonOutput(large).codes];
    for (let n = 0; n < BUYERS; n++) {
      const api = await new StoreApi(cluster.url).register('DE');
      for (const batch of codes)
        expect((await api.post('/v1/account/vouchers', { code: batch[n] })).status).toBe(200);
      buyers.push({ api, accountId: (await api.get('/v1/account')).body.id, orders: new Map() });
    }
  }, 120_000);

  afterAll(async () => {
    // A node left stopped (a test failed mid-way) must be able to take its SIGTERM.
    for (const node of cluster?.nodes ?? []) if (alive(node.process)) node.process.child.kill('SIGCONT');
    await cluster?.stop();
    killMarked(orphans);
    await db?.end().catch(() => {});
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('takes many orders at once, and loses a worker mid-encode without losing an item', async () => {
    const placed = await Promise.all(
      buyers.flatMap((buyer, n) => [
        order(buyer, FIRST_WAVE[n % FIRST_WAVE.length]!),
        order(buyer, FIRST_WAVE[(n + 1) % FIRST_WAVE.length]!),
      ]),
    );
    expect(placed).toHaveLength(BUYERS * 2);

    // The first worker, while it encodes: an item of its own in 'encoding' and an encoder running.
    const victim = cluster.workers[0]!;
    const pid = victim.process.child.pid!;
    const held = await eventually(
      `worker ${victim.name} to encode`,
      async () => {
        const rows = await sql<{ id: string }>(
          `SELECT id FROM order_items WHERE state = 'encoding' AND worker = $1`,
          victim.name,
        );
        return rows.length > 0 && descendantsOf(pid).length > 0 ? rows.map((r) => r.id) : undefined;
      },
      30_000,
      20,
    );
    orphans = descendantsOf(pid);
    victim.process.child.kill('SIGKILL');
    await victim.process.exited;

    // The other worker takes its items over once their heartbeats are missed, and settles them.
    const after = await eventually(
      'the killed worker’s items to be settled',
      async () => {
        const rows = await sql<{ state: string; worker: string | null; attempt: number }>(
          'SELECT state, worker, attempt FROM order_items WHERE id = ANY($1)',
          held,
        );
        return rows.every((r) => r.state !== 'queued' && r.state !== 'encoding') ? rows : undefined;
      },
      60_000,
      250,
    );
    expect(after.map((r) => r.state)).toEqual(held.map(() => 'ready'));
    // (One it was just settling when it died may be its own.)
    const retaken = after.filter((r) => r.worker !== victim.name);
    expect(retaken.length).toBeGreaterThan(0);
    for (const row of retaken) {
      expect(row.worker).toBe(cluster.workers[1]!.name);
      expect(row.attempt).toBeGreaterThanOrEqual(2);
    }
  }, 90_000);

  it('loses a node with orders in flight, and makes each order once', async () => {
    const victim = cluster.nodes[0]!;
    const victimHost = new URL(victim.url).host;
    // What a node killed right after claiming a buyer's key leaves: the claim, and no order.
    const planted = { key: randomUUID(), pair: SECOND_WAVE[0]! };
    const first = buyers[0]!;
    await sql(
      `INSERT INTO idempotency_keys (account_id, key, request_hash, state, created_at)
       VALUES ($1, $2, $3, 'in_progress', $4)`,
      first.accountId,
      planted.key,
      requestHash({ albumId: albums[planted.pair[0]]!.id, encoding: planted.pair[1], trackIds: null }),
      new Date().toISOString(),
    );
    // Stopped, the node takes requests into its sockets and never answers: nginx sends it every
    // third one. Killed then, it dies with those requests in flight.
    victim.process.child.kill('SIGSTOP');
    let answered = 0;
    const wave = buyers
      .slice(1)
      .map((buyer, n) => order(buyer, SECOND_WAVE[(n + 1) % SECOND_WAVE.length]!).finally(() => answered++));
    const inFlight = await eventually('each order answered, or waiting on the stopped node', () => {
      const waiting = requestsWaitingOn(nodePort(0));
      return waiting > 0 && answered + waiting === wave.length ? waiting : undefined;
    });
    victim.process.child.kill('SIGKILL');
    await victim.process.exited;
    // Meanwhile the buyer whose claim was left behind orders again, with the same key.
    const again = await order(first, planted.pair, planted.key);
    await Promise.all(wave);

    // The claim held the key until it went stale (10 s); then the retry made the order.
    expect(again.before).toContain('409 IDEMPOTENCY_IN_PROGRESS');
    // nginx passed the orders the dead node had received on to another node, which made them. (nginx
    // writes a request's log line just after its answer: the last one may come a moment later.)
    const passedOn = () =>
      cluster.nginx
        .accessLog()
        .filter(
          (l) => l.startsWith('201 ') && / \/v1\/orders POST /.test(l) && l.includes(`"${victimHost}, `),
        );
    await eventually(
      `${inFlight} order(s) passed on from ${victimHost} in nginx's log`,
      () => (passedOn().length >= inFlight ? true : undefined),
      5_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${cluster.nginx.accessLog().slice(-30).join('\n')}`);
    });

    // One order per key, whatever was retried where.
    for (const buyer of buyers) {
      const listed = (await buyer.api.get('/v1/orders?limit=100')).body.items.map((o: any) => o.id);
      expect(listed.sort()).toEqual([...buyer.orders.values()].sort());
    }
  }, 90_000);

  it('completes every order', async () => {
    await Promise.all(
      buyers.flatMap((buyer) => [...buyer.orders.values()].map((id) => waitComplete(buyer, id))),
    );
    expect(done.size).toBe(BUYERS * 3);
  }, 150_000);

  it('rides out a PostgreSQL restart without restarting a process', async () => {
    const running = [...cluster.nodes.slice(1), ...cluster.workers.slice(1)].map((p) => p.process);
    const pids = running.map((p) => p.child.pid);
    const buyer = buyers[1]!;
    await cluster.postgres.pause();
    try {
      for (let n = 0; n < 3; n++) {
        const res = await buyer.api.get('/v1/account');
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(res.body.error.code).toBe('STORE_DB_UNAVAILABLE');
      }
      const refused = await buyer.api.post(
        '/v1/orders',
        { albumId: albums[6]!.id, encoding: 'flac' },
        { 'idempotency-key': randomUUID() },
      );
      expect(refused.status).toBe(503);
    } finally {
      await cluster.postgres.resume();
    }
    // The same processes answer again, and a new order is encoded and settled.
    const placed = await order(buyer, [6, 'flac']);
    const finished = await waitComplete(buyer, placed.res.body.id);
    for (const item of finished.items) {
      const file = await buyer.api.get(item.download.url);
      expect(file.status).toBe(200);
      expect(sha256(file.body)).toBe(item.sha256);
    }
    expect(running.every(alive)).toBe(true);
    expect(running.map((p) => p.child.pid)).toEqual(pids);
  }, 90_000);

  it('serves every file as its order says, through nginx', async () => {
    for (const buyer of buyers)
      for (const id of buyer.orders.values())
        for (const item of done.get(id).items) {
          const file = await buyer.api.get(item.download.url);
          expect(file.status).toBe(200);
          expect(file.body.length).toBe(item.bytes);
          expect(sha256(file.body), `${id} ${item.fileName}`).toBe(item.sha256);
        }
  }, 60_000);

  it('charges each item once, and keeps the books, lots and royalties', async () => {
    for (const buyer of buyers) {
      const { entries, account } = await expectLedgerBalances(buyer.api);
      expect(account.balanceBytes).toBeGreaterThanOrEqual(0);
      expect(account.availableBytes).toBeGreaterThanOrEqual(0);
      expect(account.reservedBytes).toBe(0);
      const settles = entries.filter((e: any) => e.kind === 'settle');
      const items = [...buyer.orders.values()].flatMap((id) => done.get(id).items);
      for (const item of items) {
        const mine = settles.filter((e: any) => e.itemId === item.id);
        expect(mine, item.id).toHaveLength(item.alreadyOwned ? 0 : 1);
        if (!item.alreadyOwned) {
          expect(item.chargedBytes).toBe(item.bytes);
          expect(mine[0].amountBytes).toBe(-item.bytes);
        }
      }
      expect(settles).toHaveLength(items.filter((i: any) => !i.alreadyOwned).length);
    }
    await expectItemsSettledOnce(sql);
    // The operator's own check of ledger, balances and lots.
    expect(await cli(['check-ledger'])).toMatch(/^ledger ok: \d+ account/m);
    await expectRoyaltiesExact(sql);
  }, 60_000);

  describe('resuming a download through nginx with a signed link', () => {
    let download: PartialDownload;
    let dir: string;

    beforeAll(async () => {
      const item = [...done.values()]
        .flatMap((o) => o.items)
        .reduce((big, i) => (i.bytes > big.bytes ? i : big));
      dir = join(root, 'downloads');
      mkdirSync(dir);
      // A real client's first, interrupted part: the first 40% of the file.
      const url = `${cluster.url}${item.download.signedUrl}`;
      const partBytes = Math.floor(item.bytes * 0.4);
      const partFile = join(dir, 'part');
      await run('curl', ['-sS', '-f', '-r', `0-${partBytes - 1}`, '-o', partFile, url], { timeout: 30_000 });
      expect(readFileSync(partFile).length).toBe(partBytes);
      download = {
        url,
        path: item.download.url,
        bytes: item.bytes,
        sha256: item.sha256,
        partFile,
        partBytes,
        accessLog: cluster.nginx.accessLog,
      };
    });

    it('with curl -C -', () => {
      const file = join(dir, 'by-curl');
      return resumeWith(download, 'curl', file, ['-sS', '-f', '-C', '-', '-o', file, download.url]);
    });

    it('with wget -c', () => {
      const file = join(dir, 'by-wget');
      return resumeWith(download, 'wget', file, ['-q', '-c', '-O', file, download.url]);
    });

    // aria2c asks for the size with a plain GET first, and resumes at a 16 KiB block boundary.
    it.skipIf(!installed('aria2c'))('with aria2c -c', () => {
      const args = ['-c', '-q', '--allow-overwrite=false', '--auto-file-renaming=false'];
      args.push('--file-allocation=none', '--split=1', '--max-connection-per-server=1');
      args.push('-d', dir, '-o', 'by-aria2c', download.url);
      return resumeWith(download, 'aria2c', join(dir, 'by-aria2c'), args, {
        alignBytes: 16 * 1024,
        probes: true,
      });
    });
  });
});
