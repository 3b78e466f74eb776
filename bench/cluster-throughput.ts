// The store as a cluster (scripts/cluster/start-cluster.ts: a throw-away PostgreSQL, 3 API nodes
// `megadisc server --no-encode --accel-redirect …`, nginx in front running the shipped
// nginx-store.conf) under three loads, each against a peer measured in the same run:
//   1. encodes: 1, 2 and 3 `megadisc server worker --concurrency 1` processes take 7 whole-album
//      orders (the 24 demo tracks as mp3-v2, nothing cached), submit → every item ready; peer: the
//      store's encoder command lines run bare at the same parallelism (bench/lib/bare-encode.ts);
//   2. one download through nginx (X-Accel-Redirect) with 3 nodes behind it vs 1 node (wrk);
//   3. orders/s with the workers stopped: 16 buyers creating whole-album orders through nginx; peers:
//      the same against one node directly, spread over 4 albums, one buyer, and GET /v1/encodings.
// CPU of every part comes from /proc, serialization failures from PostgreSQL's log.
// Usage: flock /tmp/megadisc-bench.lock npm run bench:cluster   (about 4.5 min; +20 s the first time)
// BENCH_CLUSTER_RUNS=<n> (default 3) and BENCH_CLUSTER_ORDER_S=<s> (default 8) shorten a run.
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { EncodingId } from '../api/schemas/encoding-catalog.ts';
import { startNginx } from '../scripts/cluster/nginx-process.ts';
import {
  ACCEL_PREFIX,
  endProcess,
  type LocalCluster,
  type RunMegadisc,
  startLocalCluster,
} from '../scripts/cluster/start-cluster.ts';
import { anyFreePort } from '../scripts/cluster/throwaway-postgres.ts';
import { fromStoredPath } from '../server/db/stored-path.ts';
import { seedDemo } from '../server/demo/seed-demo.ts';
import { storeSites } from '../server/deploy/nginx-config.ts';
import { openStore } from '../server/store/open-store.ts';
import { StoreApi } from '../test/helpers/store-api.ts';
import { bareCommand, runBareBatch } from './lib/bare-encode.ts';
import {
  closedLoop,
  type LoadResult,
  parentOf,
  type SerializationFailures,
  serializationFailures,
  trackedMegadisc,
  treeCpu,
  treeCpuMs,
} from './lib/cluster-kit.ts';
import { cpuWindow } from './lib/cpu-window.ts';
import { fmt, markdownTable, median, note, onCleanup, printHeader, runMain, say } from './lib/harness.ts';
import { readChildrenCpuMs } from './lib/proc-stats.ts';
import { runWrk, type WrkResult } from './lib/wrk.ts';

const RUNS = Number(process.env.BENCH_CLUSTER_RUNS ?? 3);
const ORDER_S = Number(process.env.BENCH_CLUSTER_ORDER_S ?? 8);
const SERVE_S = 5;
const NODES = 3;
const BUYERS = 16;
const WORKER_COUNTS = [1, 2, 3];
const SCALE = 0.2;
const ENCODING: EncodingId = 'mp3-v2';
const ACCOUNTS = 40;
const PASSWORD = 'bench-password';
const SEED = fileURLToPath(new URL(`../.bench-data/cluster-store-v1-scale${SCALE}`, import.meta.url));
const emailOf = (i: number) => `cluster-bench-${String(i).padStart(2, '0')}@megadisc.local`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The demo catalog at SCALE plus ACCOUNTS buyers with 1 TB each, seeded once into .bench-data (SQLite). */
async function ensureSeed(): Promise<void> {
  if (existsSync(SEED)) return;
  const tmp = `${SEED}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  note(`seeding the demo catalog at scale ${SCALE} into ${SEED}…`);
  const store = await openStore({ dataDir: tmp, log: note });
  try {
    await seedDemo(store, { durationScale: SCALE });
    for (let i = 1; i <= ACCOUNTS; i++) {
      const account = await store.sessions.createAccount(emailOf(i), PASSWORD);
      await store.sql.tx((q) =>
        store.ledger.apply(q, {
          accountId: account.id,
          kind: 'topup',
          amountBytes: 1e12,
          reservedDeltaBytes: 0,
          note: 'bench credit',
        }),
      );
    }
  } finally {
    await store.close();
  }
  renameSync(tmp, SEED);
}

interface Track {
  albumId: number;
  durationMs: number;
  master: string;
}

/** CPU ms used by each part: API nodes, nginx (master + worker), PostgreSQL, this process, wrk. */
interface CpuTotals {
  nodes: number;
  nginx: number;
  pg: number;
  self: number;
  wrk: number;
}

interface Bench {
  cluster: LocalCluster;
  db: pg.Client;
  dir: string;
  run: RunMegadisc;
  tracks: Track[];
  albumIds: number[];
  buyers: StoreApi[];
  pgLog: string;
  cpuNow(nginxPid?: number): CpuTotals;
  /** Serialization failures PostgreSQL logged since `offset` (a size of its log). */
  failuresSince(offset: number): SerializationFailures;
}

function cpuSince(bench: Bench, before: CpuTotals, nginxPid?: number): CpuTotals {
  const after = bench.cpuNow(nginxPid);
  const keys = ['nodes', 'nginx', 'pg', 'self', 'wrk'] as const;
  return Object.fromEntries(keys.map((k) => [k, after[k] - before[k]])) as unknown as CpuTotals;
}

async function startBench(): Promise<Bench> {
  // A fresh buyer per encode run (warm-up included), and the order phase's buyers.
  if (1 + RUNS * WORKER_COUNTS.length + BUYERS > ACCOUNTS)
    throw new Error(`BENCH_CLUSTER_RUNS=${RUNS} needs more than the ${ACCOUNTS} seeded buyers`);
  const dir = mkdtempSync(join(tmpdir(), 'megadisc-bench-cluster-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const run = trackedMegadisc(join(dir, 'logs'));
  note(`starting PostgreSQL, ${NODES} API nodes and nginx…`);
  const cluster = await startLocalCluster({
    dir,
    nodes: NODES,
    workers: 0,
    seed: { copyOf: SEED },
    run,
    log: note,
  });
  onCleanup(() => cluster.stop());
  const db = new pg.Client({ connectionString: cluster.database });
  await db.connect();
  onCleanup(() => db.end());
  const one = async <T>(sql: string) => (await db.query(sql)).rows[0] as T;
  const postmaster = parentOf((await one<{ pid: number }>('SELECT pg_backend_pid() AS pid')).pid)!;
  // throwaway-postgres.ts starts the server with `pg_ctl -l <its folder>/server.log`, beside data/.
  const pgLog = join(
    dirname((await one<{ data_directory: string }>('SHOW data_directory')).data_directory),
    'server.log',
  );
  if (!existsSync(pgLog)) throw new Error(`PostgreSQL's log is not at ${pgLog}`);
  const tracks = (
    await db.query<{ album_id: string; duration_ms: string; master_path: string }>(
      'SELECT album_id, duration_ms, master_path FROM tracks ORDER BY album_id, disc_number, track_number',
    )
  ).rows.map((r) => ({
    albumId: Number(r.album_id),
    durationMs: Number(r.duration_ms),
    master: fromStoredPath(cluster.dataDir, r.master_path),
  }));
  const buyers = await Promise.all(
    Array.from({ length: ACCOUNTS }, (_, i) => new StoreApi(cluster.url).login(emailOf(i + 1), PASSWORD)),
  );
  const nodePids = cluster.nodes.map((n) => n.process.child.pid!);
  const cpuNow = (nginxPid = cluster.nginx.child.pid!): CpuTotals => {
    const usage = process.cpuUsage();
    return {
      nodes: nodePids.reduce((sum, pid) => sum + treeCpuMs(pid), 0),
      nginx: treeCpuMs(nginxPid),
      pg: treeCpuMs(postmaster),
      self: (usage.user + usage.system) / 1000,
      wrk: readChildrenCpuMs('self') ?? 0,
    };
  };
  const failuresSince = (offset: number): SerializationFailures => {
    const fd = openSync(pgLog, 'r');
    try {
      const buffer = Buffer.alloc(Math.max(0, statSync(pgLog).size - offset));
      readSync(fd, buffer, 0, buffer.length, offset);
      return serializationFailures(buffer.toString('utf8'));
    } finally {
      closeSync(fd);
    }
  };
  const albumIds = [...new Set(tracks.map((t) => t.albumId))];
  return { cluster, db, dir, run, tracks, albumIds, buyers, pgLog, cpuNow, failuresSince };
}

// ---- 1. Encodes with 1, 2 and 3 workers, against the bare encoders ----------------------------------

interface EncodeRun {
  ms: number;
  firstClaimMs: number;
  /** From the first worker to finish its last item to the end. */
  tailMs: number;
  /** Time a worker had nothing while another held claimed items it had not started. */
  heldIdleMs: number;
  perWorker: number[];
  workerCpuMs: number;
  encoderCpuMs: number;
  /** Nodes, nginx and PostgreSQL over the run. */
  restCpuMs: number;
  /** Share of both cores busy with anything (ours or other work on the machine). */
  machineBusy: number;
  /** Transactions PostgreSQL aborted as serialization failures (re-run by the port). */
  failures: number;
  load: number;
  orderIds: string[];
  buyer: StoreApi;
}

interface BareRun {
  ms: number;
  cpuMs: number;
  machineBusy: number;
  load: number;
}

async function storeEncodes(bench: Bench, workers: number, label: string): Promise<EncodeRun> {
  const { cluster, db, tracks } = bench;
  rmSync(join(cluster.dataDir, 'cache', ENCODING), { recursive: true, force: true });
  const buyer = bench.buyers.pop()!; // a fresh buyer each run: nothing owned, every item charged
  const started = await Promise.all(
    Array.from({ length: workers }, async (_, n) => {
      const proc = bench.run(
        [
          ...['--lang', 'en', 'server', 'worker'],
          ...['--db', cluster.database, '--data', cluster.dataDir, '--concurrency', '1'],
        ],
        `worker-${label}-${n + 1}`,
      );
      const [, name] = await proc.waitFor(/worker (\S+) takes encodes from/, 60_000);
      return { proc, name: name! };
    }),
  );
  try {
    const before = started.map((w) => treeCpu(w.proc.child.pid!));
    const rest = bench.cpuNow();
    const window = cpuWindow(process.pid);
    const logOffset = statSync(bench.pgLog).size;
    const t0 = Date.now();
    const orderIds = await Promise.all(
      bench.albumIds.map(async (albumId, i) => {
        const key = `bench-encode-${label}-${i}-${t0}`;
        const res = await buyer.post(
          '/v1/orders',
          { albumId, encoding: ENCODING },
          { 'idempotency-key': key },
        );
        if (res.status !== 201) throw new Error(`order: ${res.status} ${JSON.stringify(res.body)}`);
        return res.body.id as string;
      }),
    );
    let firstClaimMs = Number.NaN;
    // Each worker claims up to 4 items per encoder slot (server/store/open-store.ts); with
    // --concurrency 1 the items beyond the first wait in their worker. Counted: time in which the
    // queue was empty, a worker had nothing, and another held an item it had not started.
    let heldIdleMs = 0;
    let polled = Date.now();
    for (const deadline = Date.now() + 120_000; ; await sleep(50)) {
      const { rows } = await db.query<{ state: string; worker: string | null; n: number }>(
        `SELECT state, worker, count(*)::int AS n FROM order_items WHERE order_id = ANY($1)
         GROUP BY state, worker`,
        [orderIds],
      );
      const now = Date.now();
      const count = (state: string) => rows.filter((r) => r.state === state).reduce((sum, r) => sum + r.n, 0);
      const holding = started.map(
        (w) => rows.find((r) => r.state === 'encoding' && r.worker === w.name)?.n ?? 0,
      );
      if (Number.isNaN(firstClaimMs) && count('queued') < tracks.length) firstClaimMs = now - t0;
      if (count('queued') === 0 && holding.includes(0) && holding.some((n) => n >= 2))
        heldIdleMs += now - polled;
      polled = now;
      if (count('failed') > 0) throw new Error(`an encode failed; see ${join(bench.dir, 'logs')}`);
      if (count('ready') === tracks.length) break;
      if (now > deadline) throw new Error(`encodes not done within 120 s: ${JSON.stringify(rows)}`);
    }
    // Read before the workers exit: their encoders' CPU is in their cutime only while they live.
    const used = started.map((w, i) => {
      const now = treeCpu(w.proc.child.pid!);
      return { own: now.own - before[i]!.own, children: now.children - before[i]!.children };
    });
    const restUsed = cpuSince(bench, rest);
    const { machineBusy } = window();
    const failures = bench.failuresSince(logOffset);
    const items = (
      await db.query<{ worker: string; ready_at: string }>(
        'SELECT worker, ready_at FROM order_items WHERE order_id = ANY($1)',
        [orderIds],
      )
    ).rows;
    const readyAt = (of: typeof items) => Math.max(...of.map((i) => Date.parse(i.ready_at)));
    const end = readyAt(items);
    return {
      ms: end - t0,
      firstClaimMs,
      tailMs: end - Math.min(...started.map((w) => readyAt(items.filter((i) => i.worker === w.name)))),
      heldIdleMs,
      perWorker: started.map((w) => items.filter((i) => i.worker === w.name).length),
      workerCpuMs: used.reduce((sum, u) => sum + u.own, 0),
      encoderCpuMs: used.reduce((sum, u) => sum + u.children, 0),
      restCpuMs: restUsed.nodes + restUsed.nginx + restUsed.pg,
      machineBusy,
      failures: failures.update + failures.rw + failures.deadlock,
      load: loadavg()[0]!,
      orderIds,
      buyer,
    };
  } finally {
    await Promise.all(started.map((w) => endProcess(w.proc)));
  }
}

async function measureEncodes(bench: Bench) {
  const out = join(bench.dir, 'bare');
  const commands = bench.tracks.map((t, i) => bareCommand(ENCODING, t.master, join(out, `${i + 1}.mp3`)));
  const bareEncodes = async (parallelism: number): Promise<BareRun> => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    const load = loadavg()[0]!;
    const window = cpuWindow(process.pid);
    const result = await runBareBatch(commands, parallelism);
    return { ...result, machineBusy: window().machineBusy, load };
  };
  note('encodes: warm-up (untimed)…');
  await bareEncodes(2);
  await storeEncodes(bench, 2, 'warm-up');
  const store = new Map<number, EncodeRun[]>(WORKER_COUNTS.map((w) => [w, []]));
  const bare = new Map<number, BareRun[]>(WORKER_COUNTS.map((w) => [w, []]));
  for (let r = 1; r <= RUNS; r++) {
    for (const workers of WORKER_COUNTS) {
      // Alternate which goes first, so a drift in the machine's load hits both alike.
      for (const who of r % 2 === 1 ? ['store', 'bare'] : ['bare', 'store']) {
        if (who === 'store') store.get(workers)!.push(await storeEncodes(bench, workers, `${r}-${workers}`));
        else bare.get(workers)!.push(await bareEncodes(workers));
      }
      const s = store.get(workers)!.at(-1)!;
      note(
        `encodes run ${r}/${RUNS}, ${workers} worker(s): ${fmt(s.ms, 0)} ms (bare ${fmt(bare.get(workers)!.at(-1)!.ms, 0)} ms), ` +
          `first claim ${fmt(s.firstClaimMs, 0)} ms, items per worker ${s.perWorker.join('/')}`,
      );
    }
  }
  return { store, bare, last: store.get(WORKER_COUNTS.at(-1)!)!.at(-1)!, command: commands[0]! };
}

// ---- 2. One download through nginx: 3 nodes behind it vs 1 -----------------------------------------

interface ServeRun {
  r: WrkResult;
  cpu: CpuTotals;
}

async function measureServe(bench: Bench, last: EncodeRun) {
  const { cluster, db } = bench;
  const pick = (
    await db.query<{ order_id: string; id: string; bytes: string }>(
      'SELECT order_id, id, bytes FROM order_items WHERE order_id = ANY($1) ORDER BY abs(bytes - 520000) LIMIT 1',
      [last.orderIds],
    )
  ).rows[0]!;
  const order = await last.buyer.get(`/v1/orders/${pick.order_id}`);
  // The signed link is a path; it is asked of either front.
  const path: string = order.body.items.find((i: { id: string }) => i.id === pick.id).download.signedUrl;
  const oneNode = await startNginx({
    dir: join(bench.dir, 'nginx-one-node'),
    port: await anyFreePort(),
    sites: (listen) =>
      storeSites({
        listen,
        store: [new URL(cluster.nodes[0]!.url).host],
        cacheDir: join(cluster.dataDir, 'cache'),
        prefix: ACCEL_PREFIX,
        serverName: '127.0.0.1',
      }),
  });
  onCleanup(() => oneNode.stop());
  const fronts = [
    { label: `nginx → ${NODES} nodes`, url: `${cluster.url}${path}`, pid: cluster.nginx.child.pid! },
    { label: 'nginx → 1 node', url: `${oneNode.url}${path}`, pid: oneNode.child.pid! },
  ];
  const wrk = { threads: 2, connections: 64 };
  for (const front of fronts) {
    const res = await fetch(front.url);
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200 || body.length !== Number(pick.bytes) || !res.headers.get('etag'))
      throw new Error(`GET ${front.url}: ${res.status}, ${body.length} bytes`);
    await runWrk(front.url, { ...wrk, durationS: 2 }); // warm-up
  }
  const runs = new Map(fronts.map((f) => [f.label, [] as ServeRun[]]));
  for (let r = 1; r <= RUNS; r++) {
    for (const front of r % 2 === 1 ? fronts : [...fronts].reverse()) {
      note(`download via ${front.label}, run ${r}/${RUNS}…`);
      const before = bench.cpuNow(front.pid);
      const result = await runWrk(front.url, { ...wrk, durationS: SERVE_S });
      const cpu = cpuSince(bench, before, front.pid);
      if (result.errors > 0) throw new Error(`${front.label}: ${result.errors} wrk errors`);
      runs.get(front.label)!.push({ r: result, cpu });
    }
  }
  return { fronts, runs, bytes: Number(pick.bytes) };
}

// ---- 3. Orders/s, workers stopped -------------------------------------------------------------------

interface OrderRun {
  result: LoadResult;
  /** Answers with the expected status (201 Created; 200 for the GET). */
  ok: number;
  cpu: CpuTotals;
  machineBusy: number;
  load: number;
  failures: SerializationFailures;
}

async function measureOrders(bench: Bench) {
  const { cluster, tracks, pgLog } = bench;
  const failuresSince = bench.failuresSince;
  const threeTrack = bench.albumIds.filter((id) => tracks.filter((t) => t.albumId === id).length === 3);
  const hot = [threeTrack[0]!];
  const viaNginx = `nginx → ${NODES} nodes`;
  const cases = [
    { id: 'nginx', label: `POST /v1/orders, ${viaNginx}`, clients: BUYERS, albums: hot, base: cluster.url },
    {
      id: 'node',
      label: 'POST /v1/orders, node 1 directly',
      clients: BUYERS,
      albums: hot,
      base: cluster.nodes[0]!.url,
    },
    {
      id: 'spread',
      label: `POST /v1/orders, ${viaNginx}, ${threeTrack.length} albums`,
      clients: BUYERS,
      albums: threeTrack,
      base: cluster.url,
    },
    {
      id: 'serial',
      label: `POST /v1/orders, ${viaNginx}, 1 buyer`,
      clients: 1,
      albums: hot,
      base: cluster.url,
    },
    { id: 'get', label: `GET /v1/encodings, ${viaNginx}`, clients: BUYERS, albums: [], base: cluster.url },
  ];
  const buyers = bench.buyers.splice(0, BUYERS);
  const runs = new Map(cases.map((c) => [c.id, [] as OrderRun[]]));
  for (let r = 1; r <= RUNS; r++) {
    for (const c of r % 2 === 1 ? cases : [...cases].reverse()) {
      note(`${c.label}, ${c.clients} client(s), run ${r}/${RUNS}…`);
      const offset = statSync(pgLog).size;
      const before = bench.cpuNow();
      const window = cpuWindow(process.pid);
      const expect = c.id === 'get' ? 200 : 201;
      const result = await closedLoop(c.base, c.clients, ORDER_S, expect, (client, n) =>
        c.id === 'get'
          ? { method: 'GET', path: '/v1/encodings' }
          : {
              method: 'POST',
              path: '/v1/orders',
              headers: {
                authorization: `Bearer ${buyers[client]!.token}`,
                'content-type': 'application/json',
                'idempotency-key': `bench-${c.id}-${r}-${client}-${n}`,
              },
              body: JSON.stringify({ albumId: c.albums[client % c.albums.length]!, encoding: ENCODING }),
            },
      );
      const cpu = cpuSince(bench, before);
      const { machineBusy, load1 } = window();
      const ok = result.statuses.get(expect) ?? 0;
      runs.get(c.id)!.push({ result, ok, cpu, machineBusy, load: load1, failures: failuresSince(offset) });
      if (result.firstUnexpected) note(`  unexpected answer: ${result.firstUnexpected}`);
    }
  }
  return { cases, runs };
}

// ---- Report -----------------------------------------------------------------------------------------

function reportEncodes(bench: Bench, e: Awaited<ReturnType<typeof measureEncodes>>): void {
  const audioS = bench.tracks.reduce((sum, t) => sum + t.durationMs, 0) / 1000;
  const items = bench.tracks.length;
  const one = {
    store: median(e.store.get(1)!.map((x) => x.ms)),
    bare: median(e.bare.get(1)!.map((x) => x.ms)),
  };
  say(`### Encodes: ${items} fresh ${ENCODING} encodes (${bench.albumIds.length} whole-album orders)\n`);
  say(
    markdownTable(
      [
        'workers',
        'submit → all ready ms',
        'items/s',
        'audio s/s',
        'bare ms',
        'vs bare',
        'speed-up: store / bare',
        'first claim ms',
        'idle tail ms',
        'idle beside held claims ms',
        'CPU ms: encoders store / bare',
        'workers (Node)',
        'nodes + nginx + PG',
        'cores busy: ours / bare',
        'machine busy: ours / bare',
      ],
      WORKER_COUNTS.map((w) => {
        const s = e.store.get(w)!;
        const b = e.bare.get(w)!;
        const ms = median(s.map((x) => x.ms));
        const bareMs = median(b.map((x) => x.ms));
        const m = (pick: (x: EncodeRun) => number) => fmt(median(s.map(pick)), 0);
        const m2 = (pick: (x: EncodeRun) => number) => fmt(median(s.map(pick)), 2);
        return [
          `${w} × --concurrency 1`,
          fmt(ms, 0),
          fmt(items / (ms / 1000), 2),
          fmt(audioS / (ms / 1000), 1),
          fmt(bareMs, 0),
          `**${fmt(ms / bareMs, 2)}**`,
          `${fmt(one.store / ms, 2)} / ${fmt(one.bare / bareMs, 2)}`,
          m((x) => x.firstClaimMs),
          m((x) => x.tailMs),
          m((x) => x.heldIdleMs),
          `${m((x) => x.encoderCpuMs)} / ${fmt(median(b.map((x) => x.cpuMs)), 0)}`,
          m((x) => x.workerCpuMs),
          m((x) => x.restCpuMs),
          `${m2((x) => (x.encoderCpuMs + x.workerCpuMs + x.restCpuMs) / x.ms)} / ${fmt(median(b.map((x) => x.cpuMs / x.ms)), 2)}`,
          `${m((x) => x.machineBusy * 100)} / ${fmt(median(b.map((x) => x.machineBusy * 100)), 0)} %`,
        ];
      }),
    ),
  );
  say('\n<details><summary>Every encode run</summary>\n');
  say(
    markdownTable(
      [
        'workers',
        'run',
        'store ms',
        'bare ms',
        'first claim ms',
        'idle tail ms',
        'held idle ms',
        'items per worker',
        'serialization failures',
        'load',
      ],
      WORKER_COUNTS.flatMap((w) =>
        e.store.get(w)!.map((s, i) => {
          const b = e.bare.get(w)![i]!;
          return [
            w,
            i + 1,
            fmt(s.ms, 0),
            fmt(b.ms, 0),
            fmt(s.firstClaimMs, 0),
            fmt(s.tailMs, 0),
            fmt(s.heldIdleMs, 0),
            s.perWorker.join('/'),
            s.failures,
            `${fmt(s.load, 1)} / ${fmt(b.load, 1)}`,
          ];
        }),
      ),
    ),
  );
  say(
    `\nBare command line (first track): \`${e.command.replaceAll(bench.cluster.dataDir, '$DATA').replaceAll(bench.dir, '$TMP')}\`\n`,
  );
  say('</details>\n');
}

function reportServe(s: Awaited<ReturnType<typeof measureServe>>): void {
  say(
    `### A download through nginx (X-Accel-Redirect), ${fmt(s.bytes / 1e6, 2)} MB, wrk -t2 -c64 -d${SERVE_S}s\n`,
  );
  const perS = (label: string) => median(s.runs.get(label)!.map((x) => x.r.requestsPerS));
  const perReq = (x: ServeRun, k: keyof CpuTotals) => (x.cpu[k] * 1000) / x.r.requests;
  const cores = (x: ServeRun) => (x.cpu.nodes + x.cpu.nginx + x.cpu.pg + x.cpu.wrk) / 1000 / x.r.seconds;
  say(
    markdownTable(
      [
        'front',
        'req/s',
        'vs 1 node',
        'p50 ms',
        'CPU µs/req: nodes',
        'nginx',
        'PostgreSQL',
        'wrk',
        'cores busy',
      ],
      s.fronts.map((f) => {
        const runs = s.runs.get(f.label)!;
        const m = (pick: (x: ServeRun) => number, d = 0) => fmt(median(runs.map(pick)), d);
        return [
          f.label,
          fmt(perS(f.label), 0),
          fmt(perS(f.label) / perS(s.fronts[1]!.label), 2),
          m((x) => x.r.latencyP50Ms, 1),
          m((x) => perReq(x, 'nodes')),
          m((x) => perReq(x, 'nginx')),
          m((x) => perReq(x, 'pg')),
          m((x) => perReq(x, 'wrk')),
          m(cores, 2),
        ];
      }),
    ),
  );
  say('\n<details><summary>Every download run</summary>\n');
  say(
    markdownTable(
      ['front', 'run', 'req/s', 'MB/s', 'p50 ms', 'p99 ms', 'nodes µs/req', 'nginx', 'PostgreSQL', 'wrk'],
      s.fronts.flatMap((f) =>
        s.runs
          .get(f.label)!
          .map((x, i) => [
            f.label,
            i + 1,
            fmt(x.r.requestsPerS, 0),
            fmt(x.r.mbPerS, 0),
            fmt(x.r.latencyP50Ms, 1),
            fmt(x.r.latencyP99Ms, 1),
            ...(['nodes', 'nginx', 'pg', 'wrk'] as const).map((k) => fmt(perReq(x, k), 0)),
          ]),
      ),
    ),
  );
  say('\n</details>\n');
}

function reportOrders(o: Awaited<ReturnType<typeof measureOrders>>): void {
  say(
    `### Orders: ${ORDER_S} s a run, workers stopped, a whole 3-track album (${ENCODING}, already encoded)\n`,
  );
  const perOk = (x: OrderRun, k: keyof CpuTotals) => (x.cpu[k] * 1000) / x.ok;
  const cores = (x: OrderRun) =>
    (x.cpu.nodes + x.cpu.nginx + x.cpu.pg + x.cpu.self) / 1000 / x.result.seconds;
  say(
    markdownTable(
      [
        'case',
        'clients',
        'ok answers/s',
        'p50 ms',
        'p95 ms',
        'other answers',
        'CPU µs per ok answer: nodes',
        'nginx',
        'PostgreSQL',
        'client',
        'cores busy',
        'serialization failures per order: update / rw',
      ],
      o.cases.map((c) => {
        const runs = o.runs.get(c.id)!;
        const m = (pick: (x: OrderRun) => number, d = 0) => fmt(median(runs.map(pick)), d);
        return [
          c.label,
          c.clients,
          `**${m((x) => x.ok / x.result.seconds)}**`,
          m((x) => x.result.p50Ms, 1),
          m((x) => x.result.p95Ms, 1),
          runs.reduce((sum, x) => sum + (x.result.requests - x.ok), 0),
          m((x) => perOk(x, 'nodes')),
          m((x) => perOk(x, 'nginx')),
          m((x) => perOk(x, 'pg')),
          m((x) => perOk(x, 'self')),
          m(cores, 2),
          c.id === 'get'
            ? '—'
            : `${m((x) => x.failures.update / x.ok, 2)} / ${m((x) => x.failures.rw / x.ok, 2)}`,
        ];
      }),
    ),
  );
  say('\n<details><summary>Every orders run</summary>\n');
  say(
    markdownTable(
      [
        'case',
        'run',
        'ok/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'statuses',
        'cores busy',
        'machine busy',
        'load',
        'failures: update / rw / deadlock',
      ],
      o.cases.flatMap((c) =>
        o.runs
          .get(c.id)!
          .map((x, i) => [
            c.id,
            i + 1,
            fmt(x.ok / x.result.seconds, 0),
            fmt(x.result.p50Ms, 1),
            fmt(x.result.p95Ms, 1),
            fmt(x.result.p99Ms, 1),
            [...x.result.statuses].map(([status, n]) => `${status}: ${n}`).join(', '),
            fmt(cores(x), 2),
            `${fmt(x.machineBusy * 100, 0)} %`,
            fmt(x.load, 1),
            `${x.failures.update} / ${x.failures.rw} / ${x.failures.deadlock}`,
          ]),
      ),
    ),
  );
  const posts = o.cases.filter((c) => c.id !== 'get');
  const statements = new Map<string, number[]>();
  for (const [n, c] of posts.entries())
    for (const x of o.runs.get(c.id)!)
      for (const [statement, count] of x.failures.byStatement) {
        const counts = statements.get(statement) ?? posts.map(() => 0);
        counts[n]! += count;
        statements.set(statement, counts);
      }
  const total = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
  say("\nSerialization failures by the statement that failed, all runs (PostgreSQL's log):\n");
  say(
    markdownTable(
      ['kind: statement', ...posts.map((c) => c.id)],
      [...statements]
        .sort((a, b) => total(b[1]) - total(a[1]))
        .map(([statement, counts]) => [`\`${statement}\``, ...counts]),
    ),
  );
  say('\n</details>\n');
}

async function main(): Promise<void> {
  printHeader('Cluster throughput: encodes, downloads and orders', 'npm run bench:cluster');
  const loadAtStart = loadavg();
  // The throw-away PostgreSQL re-raises SIGINT/SIGTERM when nobody else listens; the harness's
  // listener is gone by then (once), so this one keeps the process alive until the cleanup has run.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => {});
  await ensureSeed();
  const bench = await startBench();
  const started = performance.now();
  const encodes = await measureEncodes(bench);
  const serve = await measureServe(bench, encodes.last);
  const orders = await measureOrders(bench);
  const { tracks, db } = bench;
  const version = (await db.query("SELECT current_setting('server_version') AS v")).rows[0].v;
  const seconds = tracks.map((t) => t.durationMs / 1000);
  say(
    `Load average (1/5/15 min) ${loadAtStart.map((l) => fmt(l, 2)).join(' / ')} at the start, ` +
      `${loadavg()
        .map((l) => fmt(l, 2))
        .join(' / ')} at the end; measured for ${fmt((performance.now() - started) / 1000, 0)} s. ` +
      `${NODES} API nodes, PostgreSQL ${version} (fsync off), nginx (1 worker) and the load on the same 2 cores. ` +
      `The demo catalog at --scale ${SCALE}: ${tracks.length} tracks in ${bench.albumIds.length} albums, ` +
      `${fmt(
        seconds.reduce((a, b) => a + b, 0),
        0,
      )} s of audio (${fmt(Math.min(...seconds), 0)}–${fmt(Math.max(...seconds), 0)} s a track). ` +
      `Medians of ${RUNS} runs, ours and the peer alternating.\n`,
  );
  reportEncodes(bench, encodes);
  reportServe(serve);
  reportOrders(orders);
}

runMain(main, { timeoutMs: 12 * 60_000 });
