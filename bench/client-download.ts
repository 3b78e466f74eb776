// Client downloads against curl, from the real store server in a child process:
// (a) throughput of the transfer layer (transferOnce: one verified, resumable file) vs curl, one stream
//     and 4 at once, to disk and to tmpfs, plus a whole engine.run() of an album order vs curl --parallel;
// (b) RSS of a process downloading a ~2 GB file with transferWithRetry, vs curl's;
// (c) RSS of a process that opens an engine with 10,000 queued jobs and runs the queue, vs 10 jobs.
// Usage: npm run bench:download
import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import got from 'got';
import { downloadsView } from '../electron/core/app/downloads-view.ts';
import { createEngine, type Engine } from '../electron/core/create-engine.ts';
import { transferOnce } from '../electron/core/downloads/transfer/index.ts';
import { inTransaction } from '../electron/core/profile/open-profile.ts';
import { CatalogWriter } from '../server/catalog/catalog-writer.ts';
import type { MasterInfo } from '../server/catalog/types.ts';
import { openStore } from '../server/store.ts';
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
import { MemorySampler, type Sample } from './lib/proc-stats.ts';
import type { QueueJob } from './lib/queue-main.ts';
import { startServerProcess } from './lib/server-process.ts';
import type { TransferJob } from './lib/transfer-main.ts';

const ROOT = fileURLToPath(new URL('../.bench-data/', import.meta.url));
/** Bump when the generated data changes. */
const DATA_VERSION = 1;
/** The album for (a): 44.1 kHz 16-bit stereo white noise, ~10.6-21 MB each as FLAC. */
const ALBUM_SECONDS = [60, 72, 84, 96, 108, 120];
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
    const writer = new CatalogWriter(store.db, dataDir);
    const album = writer.addAlbum({
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
    const long = writer.addAlbum({
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

/** curl with the bearer header; several files run as --parallel --parallel-max 4 in one process. */
function curlArgs(auth: Record<string, string>, files: { url: string; path: string }[]): string[] {
  const token = auth.authorization!.replace(/^Bearer /, '');
  const args = ['-s', '-H', `Authorization: Bearer ${token}`];
  if (files.length > 1) args.push('--parallel', '--parallel-max', '4');
  for (const f of files) args.push('-o', f.path, f.url);
  return args;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  printHeader('Client downloads: transfer layer and engine vs curl', 'npm run bench:download');
  const curlVersion = (await run('curl', ['--version'])).stdout
    .split('\n')[0]!
    .split(' ')
    .slice(0, 2)
    .join(' ');

  // Every engine here gets a library folder in its temp home; this guard keeps any default (and any
  // child process) away from the user's real ~/Music.
  const guard = mkdtempSync(join(tmpdir(), 'megadisc-bench-music-'));
  onCleanup(() => rmSync(guard, { recursive: true, force: true }));
  process.env.XDG_MUSIC_DIR = guard;

  // ---- The store: catalog (cached), then the real server in a child process.
  const prepared = performance.now();
  const { data, cached } = await ensureData();
  const store = await openStore({ dataDir: data.dataDir });
  const voucher = store.vouchers.create(50_000_000_000);
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
      `Peer: ${curlVersion}.\n`,
  );

  const diskDir = mkdtempSync(join(tmpdir(), 'megadisc-bench-download-'));
  onCleanup(() => rmSync(diskDir, { recursive: true, force: true }));
  const targets: { name: string; dir: string }[] = [{ name: `disk (${tmpdir()})`, dir: diskDir }];
  if (existsSync('/dev/shm')) {
    const shm = mkdtempSync('/dev/shm/megadisc-bench-download-');
    onCleanup(() => rmSync(shm, { recursive: true, force: true }));
    targets.push({ name: 'tmpfs (/dev/shm)', dir: shm });
  }

  await throughput(items, auth, targets);
  await engineRun(server.url, email, data.albumId, items, auth, diskDir);
  await bigFile(big, auth, diskDir);
  await queueMemory(server.url, email, albumOrder.id, data.albumId, items, diskDir);
}

// ---- (a) Throughput: transferOnce vs curl, one stream and 4 at once.
async function throughput(
  items: Item[],
  auth: Record<string, string>,
  targets: { name: string; dir: string }[],
): Promise<void> {
  const bySize = [...items].sort((a, b) => b.bytes - a.bytes);
  const modes = [
    { name: '1 stream', files: bySize.slice(0, 1) },
    { name: '4 at once', files: bySize.slice(0, 4) },
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
  const curl = async (files: Item[], dir: string, verify: boolean) => {
    const paths = files.map((_, i) => join(dir, `curl-${i}.flac`));
    const { ms } = await run(
      'curl',
      curlArgs(
        auth,
        files.map((f, i) => ({ url: f.url, path: paths[i]! })),
      ),
    );
    for (const [i, f] of files.entries()) {
      if (fileSize(paths[i]!) !== f.bytes)
        throw new Error(`curl wrote ${fileSize(paths[i]!)} of ${f.bytes} bytes`);
      if (verify && (await sha256File(paths[i]!)) !== f.sha256)
        throw new Error('curl output has the wrong SHA-256');
      rmSync(paths[i]!, { force: true });
    }
    return ms;
  };

  const rows: (string | number)[][] = [];
  const detail: (string | number)[][] = [];
  const medians = new Map<string, number>();
  for (const target of targets) {
    for (const mode of modes) {
      const bytes = mode.files.reduce((s, f) => s + f.bytes, 0);
      await ours(mode.files, target.dir); // warm-up
      await curl(mode.files, target.dir, true); // warm-up, checks the bytes
      const times = { ours: [] as number[], curl: [] as number[] };
      for (let r = 1; r <= RUNS; r++) {
        note(`throughput ${target.name}, ${mode.name}, run ${r}/${RUNS}…`);
        // Alternate who goes first, so neither always meets a warmer page cache.
        const order = r % 2 === 1 ? (['ours', 'curl'] as const) : (['curl', 'ours'] as const);
        for (const who of order) {
          const ms =
            who === 'ours' ? await ours(mode.files, target.dir) : await curl(mode.files, target.dir, false);
          times[who].push(ms);
          detail.push([target.name, mode.name, who, r, fmt(ms, 0), fmt(rate(bytes, ms), 0)]);
        }
      }
      const oursMs = median(times.ours);
      const curlMs = median(times.curl);
      medians.set(`${target.dir}|${mode.name}|ours`, oursMs);
      medians.set(`${target.dir}|${mode.name}|curl`, curlMs);
      rows.push([
        target.name,
        mode.files.length === 1
          ? `${mode.name} (${fmt(mb(bytes), 1)} MB)`
          : `${mode.name} (${mode.files.length} × ${fmt(mb(mode.files.at(-1)!.bytes), 1)}–${fmt(mb(mode.files[0]!.bytes), 1)} MB, ${fmt(mb(bytes), 1)} MB)`,
        fmt(oursMs, 0),
        fmt(curlMs, 0),
        fmt(rate(bytes, oursMs), 0),
        fmt(rate(bytes, curlMs), 0),
        fmt(rate(bytes, oursMs) / rate(bytes, curlMs), 2),
      ]);
    }
  }
  say('### (a) Throughput: transfer layer vs curl\n');
  say(
    `Ours: \`transferOnce()\` in the benchmark process (got stream, SHA-256 while writing, fdatasync every ` +
      `1 MiB and at the end), 4 at once = 4 concurrent calls. Curl: \`curl -s -H 'Authorization: Bearer …' -o FILE URL\`, ` +
      `4 at once = \`--parallel --parallel-max 4\` in one process; wall time from spawn to exit. Same URLs (the ` +
      `item's bearer-token URL), same target folder, files deleted after each run. Median of ${RUNS} runs, ` +
      `alternating, after one warm-up each. MB = 10^6 bytes.\n`,
  );
  say(
    markdownTable(['target', 'download', 'ours ms', 'curl ms', 'ours MB/s', 'curl MB/s', 'ours/curl'], rows),
  );
  say('\n<details><summary>Every run</summary>\n');
  say(markdownTable(['target', 'download', 'who', 'run', 'ms', 'MB/s'], detail));
  say('\n</details>\n');

  // Where the time goes on one stream: the same file through got alone, then got + SHA-256, in memory.
  const file = modes[0]!.files[0]!;
  const gotOnly = (hash: boolean) =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const digest = createHash('sha256');
      let bytes = 0;
      const stream = got.stream(file.url, {
        headers: { ...auth, 'accept-encoding': 'identity' },
        decompress: false,
        http2: false,
        retry: { limit: 0 },
      });
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (hash) digest.update(chunk);
      });
      stream.once('error', reject);
      stream.once('end', () => {
        if (bytes !== file.bytes) reject(new Error(`got read ${bytes} of ${file.bytes} bytes`));
        else if (hash && digest.digest('hex') !== file.sha256) reject(new Error('got: wrong SHA-256'));
        else resolve(performance.now() - started);
      });
    });
  await gotOnly(false);
  await gotOnly(true);
  const layers = { plain: [] as number[], hashed: [] as number[] };
  for (let r = 1; r <= RUNS; r++) {
    note(`got.stream() alone, run ${r}/${RUNS}…`);
    layers.plain.push(await gotOnly(false));
    layers.hashed.push(await gotOnly(true));
  }
  const layerRows: [string, number | undefined][] = [
    ['`got.stream()`, bytes discarded', median(layers.plain)],
    ['`got.stream()` + SHA-256 of every chunk, bytes discarded', median(layers.hashed)],
    [
      '`transferOnce()` to tmpfs (+ one positional write per chunk; fdatasync costs ~nothing on tmpfs)',
      medians.get(`${targets[1]?.dir}|1 stream|ours`),
    ],
    [
      '`transferOnce()` to disk (+ a real fdatasync every 1 MiB)',
      medians.get(`${targets[0]!.dir}|1 stream|ours`),
    ],
    ['curl to disk (no hash, no fsync)', medians.get(`${targets[0]!.dir}|1 stream|curl`)],
  ];
  say(`#### Where the time goes: one stream of ${fmt(mb(file.bytes), 1)} MB, in the benchmark process\n`);
  say(
    markdownTable(
      ['layer', 'ms', 'MB/s'],
      layerRows
        .filter((row): row is [string, number] => row[1] !== undefined)
        .map(([name, ms]) => [name, fmt(ms, 0), fmt(rate(file.bytes, ms), 0)]),
    ),
  );
  say(
    `\nMedians of ${RUNS} runs (the got rows alternate with each other; the others are from the table above).\n`,
  );
}

// ---- (a, continued) The whole engine: buy once, then time engine.run() over the album vs curl --parallel.
async function engineRun(
  storeUrl: string,
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
  engine.configure({ concurrency: 4, libraryDir });
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
  const curlDir = join(dir, 'curl-engine');
  const curl = async () => {
    mkdirSync(curlDir, { recursive: true });
    const { ms } = await run(
      'curl',
      curlArgs(
        auth,
        items.map((f, i) => ({ url: f.url, path: join(curlDir, `${i}.flac`) })),
      ),
    );
    for (const [i, f] of items.entries()) {
      if (fileSize(join(curlDir, `${i}.flac`)) !== f.bytes) throw new Error('curl wrote a short file');
    }
    rmSync(curlDir, { recursive: true, force: true });
    return ms;
  };
  await curl(); // warm-up
  const times = { engine: [] as number[], curl: [] as number[] };
  const phases = { download: [] as number[], filing: [] as number[], tail: [] as number[] };
  for (let r = 1; r <= RUNS; r++) {
    note(`engine.run() vs curl, run ${r}/${RUNS}…`);
    const order = r % 2 === 1 ? (['engine', 'curl'] as const) : (['curl', 'engine'] as const);
    for (const who of order) {
      if (who === 'engine') {
        reset();
        const started = performance.now();
        const summary = await engine.run();
        const ended = performance.now();
        times.engine.push(ended - started);
        const lastByte = Math.max(...[...marks.values()].map((m) => m.verifying ?? 0));
        phases.tail.push(ended - lastByte);
        for (const m of marks.values()) {
          if (m.downloading && m.verifying) phases.download.push(m.verifying - m.downloading);
          if (m.verifying && m.done) phases.filing.push(m.done - m.verifying);
        }
        if (summary.done !== items.length || summary.failed > 0)
          throw new Error(`engine run: ${JSON.stringify(summary)}`);
      } else {
        times.curl.push(await curl());
      }
    }
  }
  close();
  const e = median(times.engine);
  const c = median(times.curl);
  say(`### (a) A whole album: \`engine.run()\` vs curl\n`);
  say(
    `\`engine.run()\` (concurrency 4, no bandwidth limit) of a ${items.length}-track flac order whose jobs are ` +
      `reset to queued (and whose library files and index rows are deleted) before each run: the jobs, ` +
      `checkpoints in the profile's SQLite, .part files in staging, then the library step of each file (copy, ` +
      `tags, fsync + rename into the library folder, SHA-256 of the filed copy, index row), a ledger sync at ` +
      `the end. Against ` +
      `\`curl -s --parallel --parallel-max 4 -H 'Authorization: Bearer …' -o F1 URL1 … -o F${items.length} URL${items.length}\`. ` +
      `Both write to disk (${tmpdir()}). Median of ${RUNS} runs, alternating, after a warm-up.\n`,
  );
  say(
    markdownTable(
      ['download', 'engine ms', 'curl ms', 'engine MB/s', 'curl MB/s', 'engine/curl'],
      [
        [
          `${items.length} files, ${fmt(mb(bytes), 1)} MB`,
          fmt(e, 0),
          fmt(c, 0),
          fmt(rate(bytes, e), 0),
          fmt(rate(bytes, c), 0),
          fmt(rate(bytes, e) / rate(bytes, c), 2),
        ],
      ],
    ),
  );
  say(
    `\nPer file (engine, from its job-state events; ${phases.download.length} files over ${RUNS} runs): ` +
      `transfer (downloading → verifying) p50 ${fmt(median(phases.download), 0)} ms, ` +
      `library step (verifying → done) p50 ${fmt(median(phases.filing), 0)} ms, max ${fmt(Math.max(...phases.filing), 0)} ms; ` +
      `from the last verified byte to the end of run() p50 ${fmt(median(phases.tail), 0)} ms. ` +
      `Every run, ms: engine ${times.engine.map((t) => fmt(t, 0)).join(', ')}; curl ${times.curl.map((t) => fmt(t, 0)).join(', ')}.\n`,
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
  const watch = async (who: 'ours' | 'curl') => {
    const target = join(dir, who === 'ours' ? 'big.flac.part' : 'big-curl.flac');
    rmSync(target, { force: true });
    const job: TransferJob = {
      url: big.url,
      headers: auth,
      partPath: target,
      bytes: big.bytes,
      sha256: big.sha256,
    };
    const child =
      who === 'ours'
        ? spawnTracked(process.execPath, [entry, JSON.stringify(job)])
        : spawnTracked('curl', curlArgs(auth, [{ url: big.url, path: target }]));
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
    if (who === 'ours') {
      const done = /DONE (.+)/.exec(stdout);
      if (!done) throw new Error(`transfer child said: ${stdout} ${stderr}`);
      self = JSON.parse(done[1]!) as SelfReport;
      transferMs = self.ms;
    } else if (fileSize(target) !== big.bytes || (await sha256File(target)) !== big.sha256) {
      throw new Error('curl downloaded different bytes');
    }
    rmSync(target, { force: true });
    return { who, samples, transferMs, self };
  };
  const results = [];
  for (const who of ['ours', 'curl'] as const) {
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
      who === 'ours' ? '`transferWithRetry()` (child node process)' : '`curl -s -o FILE`',
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
      `("before"), runs \`transferWithRetry()\` (hashing, fdatasync every 1 MiB, a progress callback) and idles ` +
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
