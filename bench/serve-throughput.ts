// Download throughput of the store (signed-URL GET of an order item's file) against nginx serving the
// very same files with sendfile: wrk -t2 -c64 -d5s, median of 5 runs each, a small MP3 and a larger
// FLAC, whole and as a Range request (the second half, with If-Range, as a resuming client asks).
// Three servers: the store serving the bytes itself; the store behind nginx with X-Accel-Redirect
// (server/deploy/nginx-store.conf: the store authorizes, nginx sends the file); bare nginx (the peer).
// Usage: npm run bench:serve (about 6 min; split it with BENCH_SERVE_CASES to keep each run short)
// Subsets (env): BENCH_SERVE_RUNS=1 BENCH_SERVE_SECONDS=5 BENCH_SERVE_CASES=small,large-range
//   BENCH_SERVE_MODES=store,nginx (store-disk: the store with its memory cache off; not run by default)
// BENCH_SERVE_PROFILE=out.cpuprofile records a V8 CPU profile of the store process over its timed runs
// (the store runs in this process) and prints where the time went.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp } from '../server/app.ts';
import { CatalogWriter } from '../server/catalog/catalog-writer.ts';
import { storeSites } from '../server/deploy/nginx-config.ts';
import { startServer } from '../server/start-server.ts';
import { StoreApi } from '../test/helpers/store-api.ts';
import { makeMaster } from './lib/audio.ts';
import { fmt, markdownTable, median, note, onCleanup, printHeader, runMain, say } from './lib/harness.ts';
import { startNginx } from './lib/nginx.ts';
import { readCpuMs } from './lib/proc-stats.ts';
import { startProfile } from './lib/store-profile.ts';
import { runWrk, type WrkResult } from './lib/wrk.ts';

const RUNS = Number(process.env.BENCH_SERVE_RUNS ?? 5);
const SECONDS = Number(process.env.BENCH_SERVE_SECONDS ?? 5);
const WRK = { threads: 2, connections: 64, durationS: SECONDS };
const NGINX_WORKERS = 1; // the store is one Node process (one event loop); give nginx one worker too
const ACCEL_PREFIX = '/internal-cache/';

// store-disk (not run by default): the store with its memory cache off, every file streamed from disk.
const ALL_MODES = ['store', 'store-disk', 'accel', 'nginx'] as const;
const DEFAULT_MODES = 'store,accel,nginx';
type Mode = (typeof ALL_MODES)[number];
const MODE_LABEL: Record<Mode, string> = {
  store: 'store',
  'store-disk': 'store, memory cache off',
  accel: 'store + nginx X-Accel',
  nginx: 'nginx',
};
const ALL_CASES = ['small', 'large', 'small-range', 'large-range'] as const;

function pick<T extends string>(env: string | undefined, all: readonly T[], what: string): T[] {
  if (!env) return [...all];
  const asked = env.split(',').map((s) => s.trim());
  for (const a of asked)
    if (!all.includes(a as T)) throw new Error(`unknown ${what} "${a}": ${all.join(', ')}`);
  return all.filter((a) => asked.includes(a));
}

const MODES = pick(process.env.BENCH_SERVE_MODES ?? DEFAULT_MODES, ALL_MODES, 'mode');
const CASES = pick(process.env.BENCH_SERVE_CASES, ALL_CASES, 'case');

interface Target {
  url: string;
  headers: Record<string, string>;
  status: number;
  bytes: number;
}

async function main(): Promise<void> {
  printHeader('Download throughput: store vs nginx', 'npm run bench:serve');
  const dir = mkdtempSync(join(tmpdir(), 'megadisc-bench-serve-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const dataDir = join(dir, 'store');
  mkdirSync(join(dataDir, 'masters'), { recursive: true });

  note('synthesizing masters (13 s and 60 s)…');
  const short = await makeMaster(join(dataDir, 'masters', 'short.flac'), 13);
  const long = await makeMaster(join(dataDir, 'masters', 'long.flac'), 60);

  const server = await startServer({ dataDir, port: 0, host: '127.0.0.1' });
  onCleanup(() => server.close());
  const { albumId, trackIds } = await new CatalogWriter(server.store.sql, dataDir).addAlbum({
    title: 'Benchmark Sessions',
    albumArtist: 'The Load Generators',
    releaseDate: '2024-06-01',
    genres: ['Electronic'],
    tracks: [short, long].map((master, i) => ({
      title: i === 0 ? 'Short One' : 'Long One',
      artists: [],
      discNumber: 1,
      trackNumber: i + 1,
      master,
    })),
  });

  note('registering, redeeming a voucher and ordering (mp3-320 of the short track, flac of the long one)…');
  const api = new StoreApi(server.url);
  const account = await api.post('/v1/accounts', {
    email: 'bench@megadisc.local',
    password: 'bench-password',
  });
  if (account.status !== 201) throw new Error(`register: ${account.status} ${JSON.stringify(account.body)}`);
  api.token = account.body.token;
  const code = await server.store.vouchers.create(200_000_000);
  const redeemed = await api.post('/v1/account/vouchers', { code });
  if (redeemed.status !== 200)
    throw new Error(`voucher: ${redeemed.status} ${JSON.stringify(redeemed.body)}`);

  const order = async (encoding: string, trackId: number) => {
    const created = await api.post(
      '/v1/orders',
      { albumId, encoding, trackIds: [trackId] },
      { 'idempotency-key': `bench-${encoding}-${Date.now()}` },
    );
    if (created.status !== 201)
      throw new Error(`order ${encoding}: ${created.status} ${JSON.stringify(created.body)}`);
    const done = await api.waitForOrder(created.body.id, 120_000);
    const item = done.items[0];
    if (item?.state !== 'ready')
      throw new Error(`order ${encoding} ended ${done.state}: ${JSON.stringify(item?.error)}`);
    const row = (await server.store.sql.get<{ file_path: string }>(
      'SELECT file_path FROM order_items WHERE id = ?',
      item.id,
    ))!;
    return {
      signedUrl: item.download.signedUrl as string,
      bytes: item.bytes as number,
      path: resolve(dataDir, row.file_path),
    };
  };
  const files = {
    small: { name: 'small.mp3', label: 'mp3-320, 13 s', ...(await order('mp3-320', trackIds[0]!)) },
    large: { name: 'large.flac', label: 'flac, 60 s', ...(await order('flac', trackIds[1]!)) },
  };

  const www = join(dir, 'www');
  mkdirSync(www);
  for (const f of Object.values(files)) symlinkSync(f.path, join(www, f.name));
  const bases: Partial<Record<Mode, string>> = { store: server.url };
  /** Processes that serve each mode besides this one (the store): nginx masters, workers are children. */
  const helpers: Partial<Record<Mode, number>> = {};
  let nginxVersion = 'nginx';
  if (MODES.includes('nginx')) {
    const nginx = await startNginx(join(dir, 'nginx'), www, { workers: NGINX_WORKERS });
    bases.nginx = nginx.url;
    helpers.nginx = nginx.pid;
    nginxVersion = nginx.version;
  }
  if (MODES.includes('store-disk')) {
    const diskApp = buildApp(server.store, { downloads: { fileMemoryBytes: 0 } });
    await diskApp.listen({ host: '127.0.0.1', port: 0 });
    onCleanup(() => diskApp.close());
    const address = diskApp.server.address();
    bases['store-disk'] = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }
  if (MODES.includes('accel')) {
    // A second HTTP front on the same store (same database, same event loop), in X-Accel mode, behind
    // an nginx running the shipped server/deploy/nginx-store.conf.
    const accelApp = buildApp(server.store, { downloads: { accelRedirect: ACCEL_PREFIX } });
    await accelApp.listen({ host: '127.0.0.1', port: 0 });
    onCleanup(() => accelApp.close());
    const address = accelApp.server.address();
    const storePort = typeof address === 'object' && address ? address.port : 0;
    const front = await startNginx(join(dir, 'nginx-accel'), www, {
      workers: NGINX_WORKERS,
      sites: (port) =>
        storeSites({
          listen: `127.0.0.1:${port}`,
          store: `127.0.0.1:${storePort}`,
          cacheDir: server.store.paths.cache,
          prefix: ACCEL_PREFIX,
        }),
    });
    bases.accel = front.url;
    helpers.accel = front.pid;
    nginxVersion = front.version;
  }

  const pathOf = (mode: Mode, file: (typeof files)['small']) =>
    mode === 'nginx' ? `/${file.name}` : file.signedUrl;

  // Each case against each server, with the server's own ETag for If-Range, checked before timing:
  // the same status and byte count everywhere.
  const targets = new Map<string, Target>();
  for (const c of CASES) {
    const file = files[c.startsWith('small') ? 'small' : 'large'];
    const ranged = c.endsWith('-range');
    const from = Math.floor(file.bytes / 2);
    for (const mode of MODES) {
      const url = `${bases[mode]}${pathOf(mode, file)}`;
      const headers: Record<string, string> = {};
      if (ranged) {
        const head = await fetch(url, { method: 'HEAD' });
        const etag = head.headers.get('etag');
        if (!etag) throw new Error(`HEAD ${url}: no ETag (${head.status})`);
        Object.assign(headers, { range: `bytes=${from}-`, 'if-range': etag });
      }
      const res = await fetch(url, { headers });
      const body = Buffer.from(await res.arrayBuffer());
      const status = ranged ? 206 : 200;
      const bytes = ranged ? file.bytes - from : file.bytes;
      if (res.status !== status || body.length !== bytes)
        throw new Error(`GET ${url} ${JSON.stringify(headers)}: ${res.status}, ${body.length} bytes`);
      targets.set(`${c} ${mode}`, { url, headers, status, bytes });
    }
  }

  const profiler = process.env.BENCH_SERVE_PROFILE ? await startProfile() : undefined;
  const rows: (string | number)[][] = [];
  const detail: (string | number)[][] = [];
  for (const c of CASES) {
    const results = new Map<Mode, Run[]>(MODES.map((m) => [m, []]));
    for (const mode of MODES) {
      const t = targets.get(`${c} ${mode}`)!;
      await runWrk(t.url, { ...WRK, durationS: Math.min(2, SECONDS), headers: t.headers }); // warm-up
    }
    for (let run = 1; run <= RUNS; run++) {
      for (const mode of MODES) {
        const t = targets.get(`${c} ${mode}`)!;
        note(`${c} ${mode} run ${run}/${RUNS}…`);
        if (profiler && mode !== 'nginx') await profiler.resume();
        const before = cpuNow(mode, helpers[mode]);
        const r = await runWrk(t.url, { ...WRK, headers: t.headers });
        const after = cpuNow(mode, helpers[mode]);
        if (profiler && mode !== 'nginx') await profiler.pause();
        if (r.errors > 0) throw new Error(`${mode} ${c}: ${r.errors} wrk errors`);
        const used: Run = {
          ...r,
          serverUsPerReq: ((after.server - before.server) * 1000) / r.requests,
          storeUsPerReq: ((after.store - before.store) * 1000) / r.requests,
          wrkUsPerReq: ((after.wrk - before.wrk) * 1000) / r.requests,
          cores: (after.server - before.server + after.wrk - before.wrk) / 1000 / r.seconds,
        };
        results.get(mode)!.push(used);
        detail.push([
          c,
          MODE_LABEL[mode],
          run,
          fmt(r.requestsPerS, 0),
          fmt(r.mbPerS, 0),
          fmt(r.latencyP50Ms, 1),
          fmt(r.latencyP99Ms, 1),
          fmt(used.serverUsPerReq, 0),
          fmt(used.wrkUsPerReq, 0),
          fmt(used.cores, 2),
        ]);
      }
    }
    const med = (
      mode: Mode,
      key: 'requestsPerS' | 'mbPerS' | 'latencyP50Ms' | 'serverUsPerReq' | 'storeUsPerReq' | 'wrkUsPerReq',
    ) => median(results.get(mode)!.map((r) => r[key]));
    const file = files[c.startsWith('small') ? 'small' : 'large'];
    const t0 = targets.get(`${c} ${MODES[0]}`)!;
    const peer = MODES.includes('nginx') ? med('nginx', 'requestsPerS') : Number.NaN;
    for (const mode of MODES) {
      rows.push([
        `${file.name} (${file.label})${c.endsWith('-range') ? ', Range: 2nd half' : ''}`,
        `${fmt(t0.bytes / 1e6, 2)} MB`,
        MODE_LABEL[mode],
        fmt(med(mode, 'requestsPerS'), 0),
        fmt(med(mode, 'mbPerS'), 0),
        fmt(med(mode, 'latencyP50Ms'), 1),
        mode === 'accel'
          ? `${fmt(med(mode, 'serverUsPerReq'), 0)} (store ${fmt(med(mode, 'storeUsPerReq'), 0)})`
          : fmt(med(mode, 'serverUsPerReq'), 0),
        fmt(med(mode, 'wrkUsPerReq'), 0),
        mode === 'nginx' ? '1.00' : fmt(med(mode, 'requestsPerS') / peer, 2),
      ]);
    }
  }

  say(
    `\`wrk -t${WRK.threads} -c${WRK.connections} -d${WRK.durationS}s\` on loopback, median of ${RUNS} run(s) ` +
      `(servers alternating, after a ${Math.min(2, SECONDS)} s warm-up each). *store*: the order item's signed ` +
      `download URL, served by the store process (one Node event loop). *store + nginx X-Accel*: the same URL ` +
      `through ${nginxVersion} (${NGINX_WORKERS} worker) running server/deploy/nginx-store.conf; the store ` +
      `authorizes and answers X-Accel-Redirect, nginx sends the file. *nginx*: the same files (symlinked), ` +
      `\`sendfile on\`, ${NGINX_WORKERS} worker. Range cases ask for the second half with If-Range: <that ` +
      `server's ETag>. MB/s counts response bytes including headers. *CPU µs/req*: user + system CPU time ` +
      `per response of the serving processes (the store process; nginx master and worker; both for ` +
      `X-Accel, with the store's part in brackets) and of wrk, from /proc, over the timed run.\n`,
  );
  say(
    markdownTable(
      [
        'file',
        'response',
        'server',
        'req/s',
        'MB/s',
        'p50 ms',
        'server CPU µs/req',
        'wrk CPU µs/req',
        'vs nginx',
      ],
      rows,
    ),
  );
  say('\n<details><summary>Every run</summary>\n');
  say(
    markdownTable(
      [
        'case',
        'server',
        'run',
        'req/s',
        'MB/s',
        'p50 ms',
        'p99 ms',
        'server µs/req',
        'wrk µs/req',
        'cores busy',
      ],
      detail,
    ),
  );
  say('\n</details>');
  if (profiler) {
    const out = resolve(process.env.BENCH_SERVE_PROFILE!);
    const summary = await profiler.save(out);
    say(`\nCPU profile of the store process over its timed runs: ${out}\n`);
    say(summary);
  }
}

interface Run extends WrkResult {
  /** CPU time of the serving processes per response, µs. */
  serverUsPerReq: number;
  /** The store process's part of it (all of it in store mode, none for bare nginx). */
  storeUsPerReq: number;
  /** CPU time of wrk per response, µs. */
  wrkUsPerReq: number;
  /** Cores kept busy by server and wrk together. */
  cores: number;
}

/** CPU ms of a process and its children (nginx: master and workers). */
function treeCpuMs(pid: number): number {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    // no children file: count the master alone
  }
  return [pid, ...children].reduce((sum, p) => sum + (readCpuMs(p) ?? 0), 0);
}

/** CPU ms so far of what serves `mode` and of wrk (finished children of this process: cutime + cstime). */
function cpuNow(mode: Mode, helper: number | undefined): { server: number; store: number; wrk: number } {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const wrk = ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  const usage = process.cpuUsage();
  const store = (usage.user + usage.system) / 1000;
  const nginx = helper === undefined ? 0 : treeCpuMs(helper);
  const own = mode === 'nginx' ? 0 : store;
  return { server: own + nginx, store: own, wrk };
}

runMain(main, { timeoutMs: 15 * 60_000 });
