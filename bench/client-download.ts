// Client downloads against curl and aria2c, from the real store server in a child process:
// (a) throughput of the transfer layer (transferOnce: one verified, resumable file) vs curl and aria2c,
//     one stream and the app's default concurrency (3) at once, to disk and to tmpfs, plus a whole
//     engine.run() of a 12-track album order vs curl --parallel and aria2c -j, at that concurrency;
// (b) RSS of a process downloading a ~2 GB file with transferWithRetry, vs curl's and aria2c's;
// (c) RSS of a process that opens an engine with 10,000 queued jobs and runs the queue, vs 10 jobs.
// Usage: npm run bench:download (aria2c is optional: `apt-get install -y aria2`; skipped when missing).
// While iterating: BENCH_DOWNLOAD_ONLY=throughput,layers,engine,big,queue (any subset),
// BENCH_DOWNLOAD_RUNS=<n>, and BENCH_DOWNLOAD_TRACE=1 (each album run's per-job timeline on stderr).
// Ours runs in this process (the store in a child), so `node --cpu-prof bench/client-download.ts`
// profiles the transfer layer and the engine. Run it under the shared lock:
// `flock /tmp/megadisc-bench.lock npm run bench:download`.
import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import got from 'got';
import { downloadsView } from '../electron/core/app/downloads-view.ts';
import { createEngine, type Engine } from '../electron/core/create-engine.ts';
import { CHECKPOINT as ENGINE_CHECKPOINT } from '../electron/core/downloads/download-manager.ts';
import { transferOnce } from '../electron/core/downloads/transfer/index.ts';
import { inTransaction } from '../electron/core/profile/open-profile.ts';
import { defaultSettings } from '../electron/core/settings/settings.ts';
import { CatalogWriter } from '../server/catalog/catalog-writer.ts';
import type { MasterInfo } from '../server/catalog/sources/types.ts';
import { openStore } from '../server/store/open-store.ts';
import { StoreApi } from '../test/helpers/store-api.ts';
import {
  fmt,
  markdownTable,
  median,
  note,
  onCleanup,
  percentile,
  printHeader,
  run,
  runMain,
  say,
  spawnTracked,
} from './lib/harness.ts';
import { makeNoiseMaster } from './lib/noise-master.ts';
import { MemorySampler, readCpuMs, type Sample } from './lib/proc-stats.ts';
import type { QueueJob } from './lib/queue-main.ts';
import { startServerProcess } from './lib/server-process.ts';
import type { TransferJob } from './lib/transfer-main.ts';

const ROOT = fileURLToPath(new URL('../.bench-data/', import.meta.url));
/** Bump when the generated data changes. */
const DATA_VERSION = 2;
/** The album for (a): 12 tracks of 44.1 kHz 16-bit stereo white noise, ~10.6-22 MB each as FLAC. */
const ALBUM_SECONDS = [60, 66, 72, 78, 84, 90, 96, 102, 108, 114, 120, 126];
/** The app's default number of concurrent downloads; every parallel peer gets the same. */
const CONCURRENCY = defaultSettings().concurrency;
const SECTIONS = new Set(
  (process.env.BENCH_DOWNLOAD_ONLY ?? 'throughput,layers,engine,big,queue').split(',').map((s) => s.trim()),
);
/** The big file for (b): 96 kHz 24-bit stereo white noise, ~588 KB/s, so 3420 s is ~2.0 GB. */
const BIG_SECONDS = Number(process.env.BENCH_DOWNLOAD_BIG_SECONDS ?? 3420);
const RUNS = Number(process.env.BENCH_DOWNLOAD_RUNS ?? 5);
const QUEUE_SIZES = [10, 10_000];
const QUEUE_ROUNDS = 3;
const QUEUE_RUN_SECONDS = 6;
const QUEUE_LIMIT = 1_000_000; // bytes/s: no job finishes while the queue is watched
const SAMPLE_MS = 250;
const EMAIL_PASSWORD = 'bench-password';

const mb = (bytes: number) => bytes / 1e6;
const mib = (bytes: number) => fmt(bytes / 1048576, 1);
const rate = (bytes: number, ms: number) => mb(bytes) / (ms / 1000);

interface BenchData {
  version: number;
  dataDir: string;
  albumId: number;
  trackIds: number[];
  bigAlbumId: number;
  bigTrackId: number;
  masterBytes: number[];
  bigMasterBytes: number;
  generationSeconds: number;
  generatedAt: string;
}

/** The store folder with both albums, generated once and cached (the store caches its encodes there too). */
async function ensureData(): Promise<{ data: BenchData; cached: boolean }> {
  const dir = join(ROOT, `download-v${DATA_VERSION}-${BIG_SECONDS}s`);
  const metaPath = join(dir, 'meta.json');
  if (existsSync(metaPath)) {
    return { data: JSON.parse(readFileSync(metaPath, 'utf8')) as BenchData, cached: true };
  }
  rmSync(dir, { recursive: true, force: true });
  const dataDir = join(dir, 'store');
  const masters = join(dataDir, 'masters');
  mkdirSync(masters, { recursive: true });
  const started = performance.now();
  note(`synthesizing ${ALBUM_SECONDS.length} album masters and a ${BIG_SECONDS} s 96 kHz/24-bit master…`);
  const albumMasters: MasterInfo[] = [];
  for (const [i, seconds] of ALBUM_SECONDS.entries()) {
    albumMasters.push(
      await makeNoiseMaster(join(masters, `noise-${i + 1}.flac`), {
        seconds,
        sampleRate: 44100,
        bitsPerSample: 16,
        seed: i + 1,
      }),
    );
  }
  const big = await makeNoiseMaster(join(masters, 'long-hiss.flac'), {
    seconds: BIG_SECONDS,
    sampleRate: 96000,
    bitsPerSample: 24,
    seed: 100,
  });
  const store = await openStore({ dataDir });
  let ids: Pick<BenchData, 'albumId' | 'trackIds' | 'bigAlbumId' | 'bigTrackId'>;
  try {
    const writer = new CatalogWriter(store.sql, dataDir);
    const album = await writer.addAlbum({
      title: 'Noise Floor',
      albumArtist: 'The Load Generators',
      releaseDate: '2024-06-01',
      genres: ['Electronic'],
      tracks: albumMasters.map((master, i) => ({
        title: `Static ${i + 1}`,
        artists: [],
        discNumber: 1,
        trackNumber: i + 1,
        master,
      })),
    });
    const long = await writer.addAlbum({
      title: 'The Long Hiss',
      albumArtist: 'The Load Generators',
      releaseDate: '2024-06-01',
      genres: ['Electronic'],
      tracks: [{ title: 'One Hour of Hiss', artists: [], discNumber: 1, trackNumber: 1, master: big }],
    });
    ids = {
      albumId: album.albumId,
      trackIds: album.trackIds,
      bigAlbumId: long.albumId,
      bigTrackId: long.trackIds[0]!,
    };
  } finally {
    await store.close();
  }
  const data: BenchData = {
    version: DATA_VERSION,
    dataDir,
    ...ids,
    masterBytes: albumMasters.map((m) => m.bytes),
    bigMasterBytes: big.bytes,
    generationSeconds: (performance.now() - started) / 1000,
    generatedAt: new Date().toISOString(),
  };
  writeFileSync(metaPath, JSON.stringify(data, null, 2));
  return { data, cached: false };
}

interface Item {
  id: string;
  trackId: number;
  /** Full URL of the item's file, which needs the bearer token. */
  url: string;
  /** The path alone, as the client stores it. */
  path: string;
  bytes: number;
  sha256: string;
  fileName: string;
  tags: unknown;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk);
  return hash.digest('hex');
}

/** curl with the bearer header; several files run as --parallel --parallel-max CONCURRENCY in one process. */
function curlArgs(auth: Record<string, string>, files: { url: string; path: string }[]): string[] {
  const token = auth.authorization!.replace(/^Bearer /, '');
  const args = ['-s', '-H', `Authorization: Bearer ${token}`];
  if (files.length > 1) args.push('--parallel', '--parallel-max', String(CONCURRENCY));
  for (const f of files) args.push('-o', f.path, f.url);
  return args;
}

/**
 * aria2c with the same header and parallelism: one connection per file (-x1 -s1), CONCURRENCY files at
 * once (-j), files allocated with fallocate (its own advice for ext4; the default "prealloc" writes
 * zeros first), no checksum (like curl), quiet. The list of files goes in through an input file.
 */
function aria2Args(
  auth: Record<string, string>,
  files: { url: string; path: string }[],
  dir: string,
  allocation: 'falloc' | 'none' = 'falloc',
): string[] {
  const token = auth.authorization!.replace(/^Bearer /, '');
  const input = join(dir, `aria2-input-${process.pid}.txt`);
  writeFileSync(
    input,
    files.map((f) => `${f.url}\n  dir=${dirname(f.path)}\n  out=${basename(f.path)}\n`).join(''),
  );
  return [
    '-q',
    '--console-log-level=error',
    '--summary-interval=0',
    '--allow-overwrite=true',
    '--auto-file-renaming=false',
    `--file-allocation=${allocation}`,
    '-x1',
    '-s1',
    `-j${CONCURRENCY}`,
    `--header=Authorization: Bearer ${token}`,
    '-i',
    input,
  ];
}

let aria2Version: string | null = null;
/** "aria2 version 1.36.0", or null when aria2c is not installed (its rows are then left out). */
async function findAria2(): Promise<string | null> {
  try {
    const probe = await run('aria2c', ['--version'], { allowFailure: true });
    return probe.code === 0 ? (probe.stdout.split('\n')[0] ?? 'aria2c') : null;
  } catch {
    return null;
  }
}

type Peer = 'curl' | 'aria2c';
/** Downloads `files` with a peer program and returns its wall time, spawn to exit. */
async function peerDownload(
  peer: Peer,
  auth: Record<string, string>,
  files: { url: string; path: string }[],
  dir: string,
): Promise<number> {
  const { ms } =
    peer === 'curl'
      ? await run('curl', curlArgs(auth, files))
      : await run('aria2c', aria2Args(auth, files, dir));
  return ms;
}

function peers(): Peer[] {
  return aria2Version ? ['curl', 'aria2c'] : ['curl'];
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  printHeader('Client downloads: transfer layer and engine vs curl and aria2c', 'npm run bench:download');
  const curlVersion = (await run('curl', ['--version'])).stdout
    .split('\n')[0]!
    .split(' ')
    .slice(0, 2)
    .join(' ');
  aria2Version = await findAria2();
  if (!aria2Version) note('aria2c is not installed (apt-get install -y aria2): its rows are left out');

  // Every engine here gets a library folder in its temp home; this guard keeps any default (and any
  // child process) away from the user's real ~/Music.
  const guard = mkdtempSync(join(tmpdir(), 'megadisc-bench-music-'));
  onCleanup(() => rmSync(guard, { recursive: true, force: true }));
  process.env.XDG_MUSIC_DIR = guard;

  // ---- The store: catalog (cached), then the real server in a child process.
  const prepared = performance.now();
  const { data, cached } = await ensureData();
  const store = await openStore({ dataDir: data.dataDir });
  const voucher = await store.vouchers.create(50_000_000_000);
  await store.close();
  const server = await startServerProcess(data.dataDir);
  note(`store at ${server.url} (pid ${server.pid})`);

  const api = new StoreApi(server.url);
  const email = `bench-${Date.now()}@megadisc.local`;
  const account = await api.post('/v1/accounts', { email, password: EMAIL_PASSWORD });
  if (account.status !== 201) throw new Error(`register: ${account.status} ${JSON.stringify(account.body)}`);
  api.token = account.body.token as string;
  const auth = { authorization: `Bearer ${api.token}` };
  const redeemed = await api.post('/v1/account/vouchers', { code: voucher });
  if (redeemed.status !== 200)
    throw new Error(`voucher: ${redeemed.status} ${JSON.stringify(redeemed.body)}`);

  const order = async (albumId: number, trackIds: number[], timeoutMs: number) => {
    const created = await api.post(
      '/v1/orders',
      { albumId, encoding: 'flac', trackIds },
      { 'idempotency-key': `bench-${albumId}-${Date.now()}` },
    );
    if (created.status !== 201) throw new Error(`order: ${created.status} ${JSON.stringify(created.body)}`);
    const started = performance.now();
    const done = await api.waitForOrder(created.body.id, timeoutMs);
    const items: Item[] = (done.items as any[]).map((item) => {
      if (item.state !== 'ready')
        throw new Error(`item ${item.id} ended ${item.state}: ${JSON.stringify(item.error)}`);
      return {
        id: item.id,
        trackId: item.trackId,
        url: `${server.url}${item.download.url}`,
        path: item.download.url,
        bytes: item.bytes,
        sha256: item.sha256,
        fileName: item.fileName,
        tags: item.tags,
      };
    });
    return { id: created.body.id as string, items, waitMs: performance.now() - started };
  };
  note('ordering the album and the big track in flac (the first run waits for the store to encode them)…');
  const albumOrder = await order(data.albumId, data.trackIds, 300_000);
  const bigOrder = await order(data.bigAlbumId, [data.bigTrackId], 900_000);
  const items = albumOrder.items;
  const big = bigOrder.items[0]!;
  const setupSeconds = (performance.now() - prepared) / 1000;

  say(
    markdownTable(
      ['data', 'files', 'flac sizes', 'generation'],
      [
        [
          'album "Noise Floor": 44.1 kHz 16-bit stereo white noise',
          `${items.length} × ${ALBUM_SECONDS[0]}–${ALBUM_SECONDS.at(-1)} s`,
          `${fmt(mb(Math.min(...items.map((i) => i.bytes))), 1)}–${fmt(mb(Math.max(...items.map((i) => i.bytes))), 1)} MB (${fmt(mb(items.reduce((s, i) => s + i.bytes, 0)), 1)} MB in all)`,
          cached
            ? `cached, generated ${data.generatedAt.slice(0, 10)}`
            : `${fmt(data.generationSeconds, 1)} s`,
        ],
        [
          'big file: 96 kHz 24-bit stereo white noise',
          `1 × ${BIG_SECONDS} s`,
          `${fmt(mb(big.bytes), 1)} MB (${mib(big.bytes)} MiB)`,
          cached ? `cached, generated ${data.generatedAt.slice(0, 10)}` : 'with the above',
        ],
      ],
    ),
  );
  say(
    `\nSetup (generation if needed, store start, account, orders, encodes) took ${fmt(setupSeconds, 1)} s; ` +
      `the orders were ready after ${fmt(albumOrder.waitMs / 1000, 1)} s and ${fmt(bigOrder.waitMs / 1000, 1)} s. ` +
      `Peers: ${curlVersion}; ${aria2Version ?? 'aria2c not installed'}. Concurrency ${CONCURRENCY} (the app's default).\n`,
  );

  const diskDir = mkdtempSync(join(tmpdir(), 'megadisc-bench-download-'));
  onCleanup(() => rmSync(diskDir, { recursive: true, force: true }));
  const targets: { name: string; dir: string }[] = [{ name: `disk (${tmpdir()})`, dir: diskDir }];
  if (existsSync('/dev/shm')) {
    const shm = mkdtempSync('/dev/shm/megadisc-bench-download-');
    onCleanup(() => rmSync(shm, { recursive: true, force: true }));
    targets.push({ name: 'tmpfs (/dev/shm)', dir: shm });
  }

  if (SECTIONS.has('throughput') || SECTIONS.has('layers')) {
    const medians = SECTIONS.has('throughput') ? await throughput(items, auth, targets) : new Map();
    if (SECTIONS.has('layers')) await layers(items, auth, targets, medians);
  }
  if (SECTIONS.has('engine'))
    await engineRun(server.url, server.pid, email, data.albumId, items, auth, diskDir);
  if (SECTIONS.has('big')) await bigFile(big, auth, diskDir);
  if (SECTIONS.has('queue'))
    await queueMemory(server.url, email, albumOrder.id, data.albumId, items, diskDir);
}

// ---- (a) Throughput: transferOnce vs curl (and aria2c), one stream and CONCURRENCY at once.
async function throughput(
  items: Item[],
  auth: Record<string, string>,
  targets: { name: string; dir: string }[],
): Promise<Map<string, number>> {
  const bySize = [...items].sort((a, b) => b.bytes - a.bytes);
  const modes = [
    { name: '1 stream', files: bySize.slice(0, 1) },
    { name: `${CONCURRENCY} at once`, files: bySize.slice(0, CONCURRENCY) },
  ];
  const ours = async (files: Item[], dir: string) => {
    const paths = files.map((_, i) => join(dir, `ours-${i}.part`));
    const started = performance.now();
    await Promise.all(
      files.map((f, i) =>
        transferOnce({
          url: f.url,
          headers: auth,
          partPath: paths[i]!,
          expected: { bytes: f.bytes, sha256: f.sha256 },
        }),
      ),
    );
    const ms = performance.now() - started;
    for (const p of paths) rmSync(p, { force: true });
    return ms;
  };
  const peer = async (who: Peer, files: Item[], dir: string, verify: boolean) => {
    const paths = files.map((_, i) => join(dir, `${who}-${i}.flac`));
    const ms = await peerDownload(
      who,
      auth,
      files.map((f, i) => ({ url: f.url, path: paths[i]! })),
      dir,
    );
    for (const [i, f] of files.entries()) {
      if (fileSize(paths[i]!) !== f.bytes)
        throw new Error(`${who} wrote ${fileSize(paths[i]!)} of ${f.bytes} bytes`);
      if (verify && (await sha256File(paths[i]!)) !== f.sha256)
        throw new Error(`${who} output has the wrong SHA-256`);
      rmSync(paths[i]!, { force: true });
    }
    return ms;
  };
  const contenders = ['ours', ...peers()] as const;
  type Who = (typeof contenders)[number];

  const rows: (string | number)[][] = [];
  const detail: (string | number)[][] = [];
  const medians = new Map<string, number>();
  for (const target of targets) {
    for (const mode of modes) {
      const bytes = mode.files.reduce((s, f) => s + f.bytes, 0);
      await ours(mode.files, target.dir); // warm-up
      for (const who of peers()) await peer(who, mode.files, target.dir, true); // warm-up, checks the bytes
      const times = new Map<Who, number[]>(contenders.map((w) => [w, []]));
      for (let r = 1; r <= RUNS; r++) {
        note(`throughput ${target.name}, ${mode.name}, run ${r}/${RUNS}…`);
        // Rotate who goes first, so nobody always meets a warmer page cache or a fresher disk.
        const order = contenders.map((_, i) => contenders[(i + r - 1) % contenders.length]!);
        for (const who of order) {
          const ms =
            who === 'ours'
              ? await ours(mode.files, target.dir)
              : await peer(who, mode.files, target.dir, false);
          times.get(who)!.push(ms);
          detail.push([target.name, mode.name, who, r, fmt(ms, 0), fmt(rate(bytes, ms), 0)]);
        }
      }
      const m = (who: Who) => median(times.get(who) ?? []);
      for (const who of contenders) medians.set(`${target.dir}|${mode.name}|${who}`, m(who));
      const aria = aria2Version !== null;
      rows.push([
        target.name,
        mode.files.length === 1
          ? `${mode.name} (${fmt(mb(bytes), 1)} MB)`
          : `${mode.name} (${mode.files.length} × ${fmt(mb(mode.files.at(-1)!.bytes), 1)}–${fmt(mb(mode.files[0]!.bytes), 1)} MB, ${fmt(mb(bytes), 1)} MB)`,
        fmt(m('ours'), 0),
        fmt(m('curl'), 0),
        aria ? fmt(m('aria2c'), 0) : 'n/a',
        fmt(rate(bytes, m('ours')), 0),
        fmt(rate(bytes, m('curl')), 0),
        aria ? fmt(rate(bytes, m('aria2c')), 0) : 'n/a',
        fmt(m('curl') / m('ours'), 2),
        aria ? fmt(m('aria2c') / m('ours'), 2) : 'n/a',
      ]);
    }
  }
  say('### (a) Throughput: transfer layer vs curl and aria2c\n');
  say(
    `Ours: \`transferOnce()\` in the benchmark process with its defaults (HTTP GET on a bare socket, SHA-256 on ` +
      `its hashing thread, a durable checkpoint (fdatasync) every 1 MiB, overlapping the writes, and at the end), ` +
      `${CONCURRENCY} at once = ${CONCURRENCY} concurrent calls ` +
      `(the app's default concurrency). curl: \`curl -s -H 'Authorization: Bearer …' -o FILE URL\`, ${CONCURRENCY} ` +
      `at once = \`--parallel --parallel-max ${CONCURRENCY}\` in one process. aria2c: ` +
      `\`aria2c -x1 -s1 -j${CONCURRENCY} --file-allocation=falloc --header …\` with an input file. Peers: wall ` +
      `time from spawn to exit, no hash, no fsync. Same URLs (the item's bearer-token URL), same target folder, files ` +
      `deleted after each run. Median of ${RUNS} runs, the order rotating, after one warm-up each. MB = 10^6 bytes; ` +
      `ratios are throughput ratios (peer time / our time), so above 1 means faster than the peer.\n`,
  );
  say(
    markdownTable(
      [
        'target',
        'download',
        'ours ms',
        'curl ms',
        'aria2c ms',
        'ours MB/s',
        'curl MB/s',
        'aria2c MB/s',
        'ours/curl',
        'ours/aria2c',
      ],
      rows,
    ),
  );
  say('\n<details><summary>Every run</summary>\n');
  say(markdownTable(['target', 'download', 'who', 'run', 'ms', 'MB/s'], detail));
  say('\n</details>\n');
  return medians;
}

// Where the time goes on one stream: the same file through node:http alone, then + SHA-256, in memory.
async function layers(
  items: Item[],
  auth: Record<string, string>,
  targets: { name: string; dir: string }[],
  medians: Map<string, number>,
): Promise<void> {
  const file = [...items].sort((a, b) => b.bytes - a.bytes)[0]!;
  const httpOnly = (hash: boolean) =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const digest = createHash('sha256');
      let bytes = 0;
      const request = httpGet(file.url, { headers: { ...auth, 'accept-encoding': 'identity' } }, (res) => {
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (hash) digest.update(chunk);
        });
        res.once('error', reject);
        res.once('end', () => {
          if (bytes !== file.bytes) reject(new Error(`http read ${bytes} of ${file.bytes} bytes`));
          else if (hash && digest.digest('hex') !== file.sha256) reject(new Error('http: wrong SHA-256'));
          else resolve(performance.now() - started);
        });
      });
      request.once('error', reject);
    });
  const gotOnly = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      let bytes = 0;
      const stream = got.stream(file.url, {
        headers: { ...auth, 'accept-encoding': 'identity' },
        decompress: false,
        http2: false,
        retry: { limit: 0 },
      });
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      stream.once('error', reject);
      stream.once('end', () => {
        if (bytes !== file.bytes) reject(new Error(`got read ${bytes} of ${file.bytes} bytes`));
        else resolve(performance.now() - started);
      });
    });
  await httpOnly(false);
  await httpOnly(true);
  await gotOnly();
  const times = { plain: [] as number[], hashed: [] as number[], got: [] as number[] };
  for (let r = 1; r <= RUNS; r++) {
    note(`node:http and got alone, run ${r}/${RUNS}…`);
    times.plain.push(await httpOnly(false));
    times.hashed.push(await httpOnly(true));
    times.got.push(await gotOnly());
  }
  const layerRows: [string, number | undefined][] = [
    ['`got.stream()`, bytes discarded (what the transfer used before)', median(times.got)],
    ['`node:http` GET, bytes discarded', median(times.plain)],
    ['`node:http` GET + SHA-256 of every chunk, bytes discarded', median(times.hashed)],
    [
      '`transferOnce()` to tmpfs (+ writes; fdatasync costs ~nothing on tmpfs)',
      medians.get(`${targets[1]?.dir}|1 stream|ours`),
    ],
    ['`transferOnce()` to disk (+ real fdatasyncs)', medians.get(`${targets[0]!.dir}|1 stream|ours`)],
    ['curl to disk (no hash, no fsync)', medians.get(`${targets[0]!.dir}|1 stream|curl`)],
    ['aria2c to disk (no hash, no fsync)', medians.get(`${targets[0]!.dir}|1 stream|aria2c`)],
  ];
  say(`#### Where the time goes: one stream of ${fmt(mb(file.bytes), 1)} MB, in the benchmark process\n`);
  say(
    markdownTable(
      ['layer', 'ms', 'MB/s'],
      layerRows
        .filter((row): row is [string, number] => row[1] !== undefined && Number.isFinite(row[1]))
        .map(([name, ms]) => [name, fmt(ms, 0), fmt(rate(file.bytes, ms), 0)]),
    ),
  );
  say(
    `\nMedians of ${RUNS} runs (the first three rows alternate with each other; the others are from the table above).\n`,
  );
}

/** CPU ms (user + system) of each of this process's threads, summed by thread name (from /proc). */
function threadCpu(): Map<string, number> {
  const byName = new Map<string, number>();
  let tasks: string[] = [];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return byName;
  }
  for (const tid of tasks) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/[0-9]+$/, '');
      // Node leaves its worker threads (hashing, tag read-back) and V8's helpers named "node".
      const name =
        tid === String(process.pid)
          ? 'event loop'
          : comm === 'node'
            ? 'worker threads and V8 helpers'
            : comm === 'libuv-worker'
              ? 'libuv thread pool'
              : comm;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
      byName.set(name, (byName.get(name) ?? 0) + ms);
    } catch {
      // the thread ended meanwhile
    }
  }
  return byName;
}

// ---- (a, continued) The whole engine: buy once, then time engine.run() over the album vs curl --parallel.
async function engineRun(
  storeUrl: string,
  storePid: number,
  email: string,
  albumId: number,
  items: Item[],
  auth: Record<string, string>,
  dir: string,
): Promise<void> {
  const home = join(dir, 'engine-home');
  const engine = createEngine({ home });
  let open = true;
  const close = () => {
    if (open) engine.close();
    open = false;
  };
  onCleanup(close);
  await engine.login(storeUrl, email, EMAIL_PASSWORD);
  const libraryDir = join(home, 'library');
  engine.configure({ concurrency: CONCURRENCY, libraryDir });
  // Per job: when its transfer started, when the verified .part was handed to the library step, when filed.
  const marks = new Map<number, { downloading?: number; verifying?: number; done?: number }>();
  engine.events.on('job-state', ({ job }) => {
    const m = marks.get(job.id) ?? {};
    if (job.state === 'downloading' || job.state === 'verifying' || job.state === 'done') {
      m[job.state] = performance.now();
    }
    marks.set(job.id, m);
  });
  const purchase = await engine.buy(albumId, 'flac');
  note('engine: first run (untimed: it also turns the order into queued jobs)…');
  const first = await engine.run();
  if (first.done !== items.length) throw new Error(`engine warm-up: ${JSON.stringify(first)}`);
  const jobs = engine.queue().filter((j) => j.purchaseId === purchase.id);
  const bytes = jobs.reduce((s, j) => s + (j.bytesTotal ?? 0), 0);
  const reset = () => {
    engine.db
      .prepare(
        `UPDATE jobs SET state = 'queued', checkpoint_bytes = 0, etag = NULL, part_path = NULL, final_path = NULL,
           attempts = 0, error_code = NULL, error_message = NULL WHERE purchase_id = ?`,
      )
      .run(purchase.id);
    engine.db.exec('DELETE FROM library_files; DELETE FROM library_tracks; DELETE FROM library_albums;');
    rmSync(libraryDir, { recursive: true, force: true });
    rmSync(join(home, 'staging'), { recursive: true, force: true });
    marks.clear();
  };
  const peerDir = join(dir, 'peer-engine');
  const peer = async (who: Peer) => {
    mkdirSync(peerDir, { recursive: true });
    const paths = items.map((_, i) => join(peerDir, `${i}.flac`));
    const ms = await peerDownload(
      who,
      auth,
      items.map((f, i) => ({ url: f.url, path: paths[i]! })),
      peerDir,
    );
    for (const [i, f] of items.entries()) {
      if (fileSize(paths[i]!) !== f.bytes) throw new Error(`${who} wrote a short file`);
    }
    rmSync(peerDir, { recursive: true, force: true });
    return ms;
  };
  for (const who of peers()) await peer(who); // warm-up
  const contenders = ['engine', ...peers()] as const;
  type Who = (typeof contenders)[number];
  const times = new Map<Who, number[]>(contenders.map((w) => [w, []]));
  /** CPU ms per run: the store process during each contender's runs, and our own process (all threads). */
  const storeCpu = new Map<Who, number[]>(contenders.map((w) => [w, []]));
  const ownCpu: number[] = [];
  const threads = new Map<string, number[]>();
  const phases = { download: [] as number[], filing: [] as number[], tail: [] as number[] };
  for (let r = 1; r <= RUNS; r++) {
    note(`engine.run() vs ${peers().join(' and ')}, run ${r}/${RUNS}…`);
    const order = contenders.map((_, i) => contenders[(i + r - 1) % contenders.length]!);
    for (const who of order) {
      const storeBefore = readCpuMs(storePid) ?? 0;
      if (who === 'engine') {
        reset();
        const cpuBefore = process.cpuUsage();
        const threadsBefore = threadCpu();
        const started = performance.now();
        const summary = await engine.run();
        const ended = performance.now();
        const cpu = process.cpuUsage(cpuBefore);
        for (const [name, ms] of threadCpu()) {
          threads.set(name, [...(threads.get(name) ?? []), ms - (threadsBefore.get(name) ?? 0)]);
        }
        ownCpu.push((cpu.user + cpu.system) / 1000);
        times.get('engine')!.push(ended - started);
        const lastByte = Math.max(...[...marks.values()].map((m) => m.verifying ?? 0));
        phases.tail.push(ended - lastByte);
        for (const m of marks.values()) {
          if (m.downloading && m.verifying) phases.download.push(m.verifying - m.downloading);
          if (m.verifying && m.done) phases.filing.push(m.done - m.verifying);
        }
        if (summary.done !== items.length || summary.failed > 0)
          throw new Error(`engine run: ${JSON.stringify(summary)}`);
        if (process.env.BENCH_DOWNLOAD_TRACE) {
          const at = (t?: number) => (t === undefined ? '-' : fmt(t - started, 0));
          note(
            `run ${r} (${fmt(ended - started, 0)} ms), per job downloading/verifying/done: ` +
              [...marks.values()]
                .map((m) => `${at(m.downloading)}/${at(m.verifying)}/${at(m.done)}`)
                .join('  '),
          );
        }
      } else {
        times.get(who)!.push(await peer(who));
      }
      storeCpu.get(who)!.push((readCpuMs(storePid) ?? 0) - storeBefore);
    }
  }
  close();
  const m = (who: Who) => median(times.get(who) ?? []);
  const aria = aria2Version !== null;
  say(`### (a) A whole album: \`engine.run()\` vs curl and aria2c\n`);
  say(
    `\`engine.run()\` (concurrency ${CONCURRENCY}, the app's default, no bandwidth limit) of a ${items.length}-track ` +
      `flac order whose jobs are reset to queued (and whose library files and index rows are deleted) before each ` +
      `run: the jobs, checkpoints in the profile's SQLite, .part files in staging, then the library step of each ` +
      `file (tagged copy, read-back check, fsync + rename into the library folder, index row), a ledger sync at ` +
      `the end. Against \`curl -s --parallel --parallel-max ${CONCURRENCY} -H 'Authorization: Bearer …' -o F1 URL1 … ` +
      `-o F${items.length} URL${items.length}\` and \`aria2c -x1 -s1 -j${CONCURRENCY} --file-allocation=falloc\` ` +
      `with the same URLs. All write to disk (${tmpdir()}). Median of ${RUNS} runs, the order rotating, after a warm-up.\n`,
  );
  say(
    markdownTable(
      [
        'download',
        'engine ms',
        'curl ms',
        'aria2c ms',
        'engine MB/s',
        'curl MB/s',
        'aria2c MB/s',
        'engine/curl',
        'engine/aria2c',
      ],
      [
        [
          `${items.length} files, ${fmt(mb(bytes), 1)} MB`,
          fmt(m('engine'), 0),
          fmt(m('curl'), 0),
          aria ? fmt(m('aria2c'), 0) : 'n/a',
          fmt(rate(bytes, m('engine')), 0),
          fmt(rate(bytes, m('curl')), 0),
          aria ? fmt(rate(bytes, m('aria2c')), 0) : 'n/a',
          fmt(m('curl') / m('engine'), 2),
          aria ? fmt(m('aria2c') / m('engine'), 2) : 'n/a',
        ],
      ],
    ),
  );
  const list = (who: Who) => (times.get(who) ?? []).map((t) => fmt(t, 0)).join(', ');
  say(
    `\nPer file (engine, from its job-state events; ${phases.download.length} files over ${RUNS} runs): ` +
      `transfer (downloading → verifying) p50 ${fmt(median(phases.download), 0)} ms, ` +
      `library step (verifying → done) p50 ${fmt(median(phases.filing), 0)} ms, max ${fmt(Math.max(...phases.filing), 0)} ms; ` +
      `from the last verified byte to the end of run() p50 ${fmt(median(phases.tail), 0)} ms. ` +
      `Every run, ms: engine ${list('engine')}; curl ${list('curl')}${aria ? `; aria2c ${list('aria2c')}` : ''}. ` +
      `CPU per run, medians (user + system, all threads; /proc and process.cpuUsage(), 10 ms ticks for the store): ` +
      `the engine's process ${fmt(median(ownCpu), 0)} ms; the store ${contenders.map((w) => `${fmt(median(storeCpu.get(w)!), 0)} ms while ${w} ran`).join(', ')}. ` +
      `Two cores give ${fmt(2 * m('engine'), 0)} ms of CPU in the engine's median run. By thread (median ms per run): ` +
      `${[...threads]
        .map(([name, values]) => [name, median(values)] as const)
        .filter(([, ms]) => ms >= 10)
        .sort((a, b) => b[1] - a[1])
        .map(([name, ms]) => `${name} ${fmt(ms, 0)}`)
        .join(', ')}.\n`,
  );
}

// ---- (b) RSS over a ~2 GB download: transferWithRetry in a child process vs curl.
interface ChildMemory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
}
interface SelfReport {
  ms: number;
  before: ChildMemory;
  after: ChildMemory;
}

async function bigFile(big: Item, auth: Record<string, string>, dir: string): Promise<void> {
  const entry = fileURLToPath(new URL('./lib/transfer-main.ts', import.meta.url));
  type Who = 'ours' | 'engine' | Peer;
  const watch = async (who: Who) => {
    const mine = who === 'ours' || who === 'engine';
    const target = join(dir, mine ? 'big.flac.part' : `big-${who}.flac`);
    rmSync(target, { force: true });
    const job: TransferJob = {
      url: big.url,
      headers: auth,
      partPath: target,
      bytes: big.bytes,
      sha256: big.sha256,
      checkpoint: who === 'engine' ? ENGINE_CHECKPOINT : undefined,
    };
    const child = mine
      ? spawnTracked(process.execPath, [entry, JSON.stringify(job)])
      : who === 'curl'
        ? spawnTracked('curl', curlArgs(auth, [{ url: big.url, path: target }]))
        : // No preallocation here, so that the bytes on disk say how far it got.
          spawnTracked('aria2c', aria2Args(auth, [{ url: big.url, path: target }], dir, 'none'));
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const started = performance.now();
    const sampler = new MemorySampler(child.pid!, SAMPLE_MS, () => fileSize(target));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    const elapsed = performance.now() - started;
    const samples = sampler.stop();
    if (code !== 0) throw new Error(`${who} exited with ${code}: ${stderr.slice(-800)}`);
    let transferMs = elapsed;
    let self: SelfReport | null = null;
    if (mine) {
      const done = /DONE (.+)/.exec(stdout);
      if (!done) throw new Error(`transfer child said: ${stdout} ${stderr}`);
      self = JSON.parse(done[1]!) as SelfReport;
      transferMs = self.ms;
    } else if (fileSize(target) !== big.bytes || (await sha256File(target)) !== big.sha256) {
      throw new Error(`${who} downloaded different bytes`);
    }
    rmSync(target, { force: true });
    return { who, samples, transferMs, self };
  };
  const results = [];
  for (const who of ['ours', 'engine', ...peers()] as const) {
    note(`${fmt(mb(big.bytes), 0)} MB download (${who}), sampling RSS every ${SAMPLE_MS} ms…`);
    results.push(await watch(who));
  }
  const rows = results.map(({ who, samples, transferMs }) => {
    if (samples.length === 0) throw new Error(`no RSS samples of ${who}`);
    const during = samples.filter((s) => s.value > 0);
    const before = samples.filter((s) => s.value === 0).at(-1) ?? samples[0]!;
    const at10 = samples.find((s) => s.value >= big.bytes * 0.1) ?? samples.at(-1)!;
    const end = samples.at(-1)!;
    const afterTen = samples.filter((s) => s.t >= at10.t);
    const maxAfterTen = Math.max(...afterTen.map((s: Sample) => s.rss));
    return [
      who === 'ours'
        ? '`transferWithRetry()`, its defaults (child node process)'
        : who === 'engine'
          ? "`transferWithRetry()`, the engine's checkpoints (child node process)"
          : who === 'curl'
            ? '`curl -s -o FILE`'
            : '`aria2c -x1 -s1 --file-allocation=none`',
      fmt(transferMs / 1000, 1),
      fmt(rate(big.bytes, transferMs), 0),
      samples.length,
      mib(before.rss),
      mib(at10.rss),
      mib(
        percentile(
          during.map((s) => s.rss),
          50,
        ),
      ),
      mib(Math.max(...samples.map((s) => s.rss))),
      mib(Math.max(...samples.map((s) => s.hwm))),
      `${mib(end.rss)} (at ${fmt((100 * end.value) / big.bytes, 0)} %)`,
      `${fmt((end.rss - at10.rss) / 1048576, 1)} / ${fmt((maxAfterTen - at10.rss) / 1048576, 1)}`,
    ];
  });
  say(`### (b) Memory over a ${fmt(mb(big.bytes), 0)} MB download\n`);
  say(
    `One ${fmt(mb(big.bytes), 1)} MB flac file (${mib(big.bytes)} MiB) over the bearer-token URL to disk, ` +
      `one run each. The parent reads the child's VmRSS and VmHWM from /proc every ${SAMPLE_MS} ms, with ` +
      `the bytes on disk at the same moment. Ours: a node process that loads the transfer layer, idles 1 s ` +
      `("before"), runs \`transferWithRetry()\` (SHA-256 on its hashing thread, a progress callback; with its ` +
      `defaults, a durable checkpoint every 1 MiB and at the end; with the engine's, every 16 MiB or 1 s and none ` +
      `at the end) and idles ` +
      `0.5 s after the end. RSS in MiB.\n`,
  );
  say(
    markdownTable(
      [
        'downloader',
        'seconds',
        'MB/s',
        'samples',
        'RSS before',
        'at 10 %',
        'p50 during',
        'max sampled',
        'peak (VmHWM)',
        'at the end',
        'growth 10 %→end / 10 %→max',
      ],
      rows,
    ),
  );
  const ours = results[0]!.samples;
  const marks = [0.1, 0.25, 0.5, 0.75, 0.9, 1].map((p) => ours.find((s) => s.value >= big.bytes * p));
  const self = results[0]!.self!;
  const parts = (m: ChildMemory) =>
    `RSS ${mib(m.rss)}, V8 heap ${mib(m.heapUsed)} used of ${mib(m.heapTotal)}, external ${mib(m.external)}`;
  say(
    `\nOurs, RSS (MiB) at 10/25/50/75/90/100 % of the bytes: ${marks.map((s) => (s ? mib(s.rss) : 'n/a')).join(' / ')}. ` +
      `Its own \`process.memoryUsage()\` (MiB) before the transfer: ${parts(self.before)}; after it: ${parts(self.after)}.\n`,
  );
}

// ---- (c) RSS of an engine process with 10,000 queued jobs vs 10.
async function queueMemory(
  storeUrl: string,
  email: string,
  orderId: string,
  albumId: number,
  items: Item[],
  dir: string,
): Promise<void> {
  const homes = new Map<number, string>();
  for (const n of QUEUE_SIZES) {
    const home = join(dir, `queue-${n}`);
    const engine: Engine = createEngine({ home });
    try {
      const session = await engine.login(storeUrl, email, EMAIL_PASSWORD);
      engine.configure({ libraryDir: join(home, 'library') });
      const now = new Date().toISOString();
      inTransaction(engine.db, () => {
        const purchaseId = Number(
          engine.db
            .prepare(
              `INSERT INTO purchases (store, account_id, idempotency_key, album_id, album_title, artist_name, encoding,
                 track_ids, high_bytes, state, order_id, created_at)
               VALUES (?, ?, ?, ?, 'Noise Floor', 'The Load Generators', 'flac', NULL, 0, 'ordered', ?, ?)`,
            )
            .run(session.storeUrl, session.accountId, `bench-${n}`, albumId, orderId, now).lastInsertRowid,
        );
        const insert = engine.db.prepare(
          `INSERT INTO jobs (purchase_id, order_id, item_id, track_id, title, file_name, position, state,
             bytes_total, sha256, url, tags, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?)`,
        );
        for (let i = 0; i < n; i++) {
          const item = items[i % items.length]!;
          insert.run(
            purchaseId,
            orderId,
            `bench-item-${i}`,
            item.trackId,
            (item.tags as { title: string }).title,
            item.fileName,
            i + 1,
            item.bytes,
            item.sha256,
            item.path,
            JSON.stringify(item.tags),
            now,
            now,
          );
        }
      });
    } finally {
      engine.close();
    }
    homes.set(n, home);
  }

  // The Downloads screen's model over each queue, timed here (not in the child) so that the objects
  // it builds do not show in the child's memory figures. Median of 5 after a warm-up.
  const viewMs = new Map<number, number>();
  for (const n of QUEUE_SIZES) {
    const engine = createEngine({ home: homes.get(n)! });
    try {
      downloadsView(engine, false);
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        downloadsView(engine, false);
        times.push(performance.now() - started);
      }
      viewMs.set(n, median(times));
    } finally {
      engine.close();
    }
  }

  const entry = fileURLToPath(new URL('./lib/queue-main.ts', import.meta.url));
  interface Step {
    name: string;
    rss: number;
    heapUsed: number;
    cpuMs: number;
    ms?: number;
    jobs?: number;
    summary?: unknown;
  }
  const measure = async (n: number) => {
    const home = homes.get(n)!;
    // The previous round left checkpoints and .part files: start every round from the same state.
    rmSync(join(home, 'staging'), { recursive: true, force: true });
    const job: QueueJob = {
      home,
      runSeconds: QUEUE_RUN_SECONDS,
      bandwidthLimit: QUEUE_LIMIT,
      concurrency: 3,
    };
    const child = spawnTracked(process.execPath, [entry, JSON.stringify(job)]);
    const steps: Step[] = [];
    let buffer = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      buffer += d;
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('STEP ')) steps.push(JSON.parse(line.slice(5)) as Step);
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    // The probe tags each sample with the step the child last reported, so run-time samples are known.
    const sampler = new MemorySampler(child.pid!, SAMPLE_MS, () => steps.length);
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    const samples = sampler.stop();
    if (code !== 0) throw new Error(`queue child (${n} jobs) exited with ${code}: ${stderr.slice(-800)}`);
    const at = (name: string) => {
      const s = steps.find((x) => x.name === name);
      if (!s) throw new Error(`queue child (${n} jobs) did not report ${name}: ${stderr}`);
      return s;
    };
    const runIndex = steps.findIndex((s) => s.name === 'run-started') + 1;
    const running = samples.filter((s) => s.value === runIndex);
    return {
      opened: at('opened'),
      queue: at('queue'),
      runP50: percentile(
        running.map((s) => s.rss),
        50,
      ),
      runMax: Math.max(...running.map((s) => s.rss)),
      hwm: Math.max(...samples.map((s) => s.hwm)),
      cpuPercent:
        (100 * (at('run-before-stop').cpuMs - at('run-started').cpuMs)) / (QUEUE_RUN_SECONDS * 1000),
      heapRun: at('run-before-stop').heapUsed,
    };
  };
  const results = new Map<number, Awaited<ReturnType<typeof measure>>[]>(QUEUE_SIZES.map((n) => [n, []]));
  for (let r = 1; r <= QUEUE_ROUNDS; r++) {
    for (const n of QUEUE_SIZES) {
      note(
        `engine with ${fmt(n, 0)} queued jobs, round ${r}/${QUEUE_ROUNDS} (${QUEUE_RUN_SECONDS} s of run())…`,
      );
      results.get(n)!.push(await measure(n));
    }
  }
  const metrics: [string, (m: Awaited<ReturnType<typeof measure>>) => number, 'mem' | 'ms' | 'pct'][] = [
    ['RSS after createEngine()', (m) => m.opened.rss, 'mem'],
    ['RSS after engine.queue()', (m) => m.queue.rss, 'mem'],
    ['RSS during run(), p50', (m) => m.runP50, 'mem'],
    ['RSS during run(), max sampled', (m) => m.runMax, 'mem'],
    ['peak RSS (VmHWM)', (m) => m.hwm, 'mem'],
    ['JS heap used at the end of the run', (m) => m.heapRun, 'mem'],
    ['engine.queue() time, ms', (m) => m.queue.ms ?? 0, 'ms'],
    ['CPU during run(), % of one core', (m) => m.cpuPercent, 'pct'],
  ];
  const [few, many] = QUEUE_SIZES as [number, number];
  const rows = metrics.map(([label, pick, kind]) => {
    const a = median(results.get(few)!.map(pick));
    const b = median(results.get(many)!.map(pick));
    if (kind === 'mem') {
      return [label, mib(a), mib(b), fmt((b - a) / 1048576, 1), fmt((b - a) / (many - few) / 1024, 2)];
    }
    return [label, fmt(a, 1), fmt(b, 1), fmt(b - a, 1), ''];
  });
  const [viewFew, viewMany] = [viewMs.get(few)!, viewMs.get(many)!];
  rows.push([
    'downloadsView() time (the Downloads screen), ms',
    fmt(viewFew, 1),
    fmt(viewMany, 1),
    fmt(viewMany - viewFew, 1),
    '',
  ]);
  say(`### (c) Memory with ${fmt(many, 0)} queued jobs vs ${few}\n`);
  say(
    `Two profiles whose queue holds ${few} and ${fmt(many, 0)} \`queued\` jobs (rows inserted into the profile's ` +
      `jobs table, one purchase, each job pointing at a real ready flac item of the album, with its real tag ` +
      `JSON). A child node process opens the engine, calls \`engine.queue()\`, sets a ${fmt(QUEUE_LIMIT / 1e6, 0)} MB/s ` +
      `bandwidth limit and concurrency 3, and lets \`engine.run()\` work for ${QUEUE_RUN_SECONDS} s (3 transfers ` +
      `start; none finishes), then aborts it. RSS at each step is the child's own \`process.memoryUsage().rss\`; ` +
      `during the run the parent samples /proc every ${SAMPLE_MS} ms. Median of ${QUEUE_ROUNDS} rounds, ` +
      `alternating. Memory in MiB; the last column is (${fmt(many, 0)} − ${few}) / ${fmt(many - few, 0)} in KiB per job. ` +
      `\`downloadsView()\` (what \`downloads.list\` returns: jobs grouped by purchase) is timed in this process, ` +
      `median of 5 calls after a warm-up.\n`,
  );
  say(markdownTable(['measure', `${few} jobs`, `${fmt(many, 0)} jobs`, 'difference', 'per job, KiB'], rows));
  say('');
}

runMain(main, { timeoutMs: 25 * 60_000 });
