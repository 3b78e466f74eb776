// Buy → every file tagged in the library, against the bare encode time of the same album: the real store
// server (a child process) encodes a 12-track order while the real client engine (this process, as the
// CLI uses it) downloads, verifies, tags and files each track as it becomes ready. The peer runs the
// store's own encoder command lines for the same 12 masters directly, at the store's encode parallelism.
// Every store run starts from an empty encode cache and a fresh account and profile.
// Usage: flock /tmp/megadisc-bench.lock npm run bench:buy
// BENCH_BUY_RUNS=<n> (default 3), BENCH_BUY_ENCODINGS=mp3-v0,flac; BENCH_BUY_PROFILE=<dir> starts the
// store with --cpu-prof into <dir> (profile the client with `node --cpu-prof bench/buy-to-filed.ts`).
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENCODINGS, type EncodingId } from '../api/schemas/encoding-catalog.ts';
import { addAlbums } from '../server/catalog/seed-catalog.ts';
import { openStore } from '../server/store/open-store.ts';
import { StoreApi } from '../test/helpers/store-api.ts';
import { makeMaster } from './lib/audio.ts';
import { bareCommand, runBareBatch } from './lib/bare-encode.ts';
import { type BuyRun, buyAndFile } from './lib/buy-album.ts';
import {
  fmt,
  markdownTable,
  median,
  note,
  onCleanup,
  printHeader,
  run,
  runMain,
  say,
} from './lib/harness.ts';
import { startServerProcess } from './lib/server-process.ts';

const RUNS = Number(process.env.BENCH_BUY_RUNS ?? 3);
const ENCODING_IDS = (process.env.BENCH_BUY_ENCODINGS ?? 'mp3-v0,flac').split(',') as EncodingId[];
/** 12 tracks of 24-46 s: 7 minutes of music. */
const SECONDS = Array.from({ length: 12 }, (_, i) => 24 + 2 * i);
/** The store's encoder pool: `new Transcoder()` without a concurrency runs one encode per core. */
const PARALLELISM = availableParallelism();
const PASSWORD = 'bench-password';
const MASTERS = fileURLToPath(new URL('../.bench-data/buy-masters-v1/', import.meta.url));

/** The masters, synthesized once and kept in .bench-data (the store reads them from there). */
async function ensureMasters() {
  const masters = [];
  for (const [i, seconds] of SECONDS.entries()) {
    const path = join(MASTERS, `track-${String(i + 1).padStart(2, '0')}.flac`);
    if (!existsSync(path)) {
      mkdirSync(MASTERS, { recursive: true });
      note(`synthesizing master ${i + 1}/${SECONDS.length} (${seconds} s)…`);
      await makeMaster(`${path}.tmp.flac`, seconds);
      renameSync(`${path}.tmp.flac`, path);
    }
    const info = { sampleRate: 44100, channels: 2, bitsPerSample: 16 };
    masters.push({ path, bytes: statSync(path).size, durationMs: seconds * 1000, ...info });
  }
  return masters;
}

async function main(): Promise<void> {
  printHeader('Buy → every file tagged in the library, vs the bare encode', 'npm run bench:buy');
  const dir = mkdtempSync(join(tmpdir(), 'megadisc-bench-buy-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  process.env.XDG_MUSIC_DIR = join(dir, 'no-music'); // keeps any default away from the real ~/Music
  const masters = await ensureMasters();

  // The store: the album (with a cover the client embeds in every file), a voucher per account.
  const dataDir = join(dir, 'store');
  const cover = join(dir, 'cover.jpg');
  await run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=1400x1400', '-frames:v', '1', cover]);
  const store = await openStore({ dataDir });
  const [albumId] = await addAlbums(store.sql, store.paths, [
    {
      title: 'Twelve Encodes',
      albumArtist: 'The Bench Ensemble',
      releaseDate: '2025-01-01',
      genres: ['Electronic'],
      coverPath: cover,
      tracks: masters.map((master, i) => ({
        title: `Movement ${i + 1}`,
        artists: [],
        discNumber: 1,
        trackNumber: i + 1,
        master,
      })),
    },
  ]);
  const vouchers = await Promise.all(
    Array.from({ length: ENCODING_IDS.length * (RUNS + 1) }, () => store.vouchers.create(10_000_000_000)),
  );
  const storeDb = store.paths.database;
  const cacheDir = store.paths.cache;
  await store.close();
  const profileDir = process.env.BENCH_BUY_PROFILE;
  const server = await startServerProcess(
    dataDir,
    60_000,
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  note(`store at ${server.url} (pid ${server.pid}), encode parallelism ${PARALLELISM}`);

  const target = { storeUrl: server.url, storePid: server.pid, storeDb, albumId: albumId!, trackCount: 12 };
  const newAccount = async () => {
    const api = new StoreApi(server.url);
    const email = `bench-${crypto.randomUUID()}@megadisc.local`;
    const created = await api.post('/v1/accounts', { email, password: PASSWORD });
    if (created.status !== 201) throw new Error(`register: ${created.status}`);
    api.token = created.body.token as string;
    const redeemed = await api.post('/v1/account/vouchers', { code: vouchers.pop() });
    if (redeemed.status !== 200) throw new Error(`voucher: ${redeemed.status}`);
    return { email, password: PASSWORD };
  };
  const storeRun = async (encoding: EncodingId) => {
    rmSync(cacheDir, { recursive: true, force: true }); // a fresh encode cache: the store really encodes
    return buyAndFile(target, await newAccount(), encoding, join(dir, 'client-home'));
  };
  const bareRun = async (encoding: EncodingId) => {
    const out = join(dir, 'bare');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    const ext = ENCODINGS[encoding].extension;
    const commands = masters.map((m, i) => bareCommand(encoding, m.path, join(out, `${i + 1}.${ext}`)));
    const { ms, cpuMs } = await runBareBatch(commands, PARALLELISM);
    rmSync(out, { recursive: true, force: true });
    return { ms, cpuMs, command: commands[0]!.replaceAll(MASTERS, '$MASTERS/').replaceAll(out, '$OUT') };
  };

  const rows: (string | number)[][] = [];
  const details: string[] = [];
  const commands: string[] = [];
  for (const encoding of ENCODING_IDS) {
    note(`${encoding}: warm-up (untimed)…`);
    await bareRun(encoding);
    await storeRun(encoding);
    const ours: BuyRun[] = [];
    const bare: number[] = [];
    const bareCpu: number[] = [];
    for (let r = 1; r <= RUNS; r++) {
      const load = loadavg()[0]!;
      // Alternate which goes first, so a drift in the machine's load hits both alike.
      const order = r % 2 === 1 ? (['store', 'bare'] as const) : (['bare', 'store'] as const);
      for (const who of order) {
        if (who === 'store') ours.push(await storeRun(encoding));
        else {
          const b = await bareRun(encoding);
          bare.push(b.ms);
          bareCpu.push(b.cpuMs);
          if (r === 1) commands.push(`${encoding}: ${b.command}`);
        }
      }
      note(
        `${encoding} run ${r}/${RUNS}: buy→filed ${fmt(ours.at(-1)!.ms, 0)} ms, bare ${fmt(bare.at(-1)!, 0)} ms, ` +
          `last ready ${fmt(ours.at(-1)!.lastReadyMs, 0)} ms (load ${fmt(load, 1)})`,
      );
    }
    const m = (pick: (r: BuyRun) => number) => fmt(median(ours.map(pick)), 0);
    const ratio = median(ours.map((r) => r.ms)) / median(bare);
    rows.push([
      encoding,
      m((r) => r.ms),
      fmt(median(bare), 0),
      `**${fmt(ratio, 2)}**`,
      m((r) => r.firstFiledMs),
      m((r) => r.lastReadyMs),
      m((r) => r.lastFiledMs - r.lastReadyMs),
      `${m((r) => r.encoderCpuMs)} / ${fmt(median(bareCpu), 0)}`,
      m((r) => r.storeCpuMs),
      m((r) => r.clientCpuMs),
    ]);
    details.push(
      `- ${encoding}: buy→filed ${ours.map((r) => fmt(r.ms, 0)).join(', ')} ms; bare ${bare.map((b) => fmt(b, 0)).join(', ')} ms`,
    );
  }

  const totalSeconds = SECONDS.reduce((a, b) => a + b, 0);
  say(
    `Album: ${SECONDS.length} tracks of ${SECONDS[0]}-${SECONDS.at(-1)} s (${totalSeconds} s), stereo 44.1 kHz 16-bit ` +
      `FLAC masters (bench/lib/audio.ts), a 1400 px cover. Encode parallelism ${PARALLELISM} (the store's ` +
      `default: one encode per core) for the store and the bare peer. Medians of ${RUNS} runs each, store and ` +
      'bare alternating, after an untimed warm-up of each.\n',
  );
  say(
    markdownTable(
      [
        'encoding',
        'buy → last filed ms',
        'bare encode ms',
        'ratio',
        'first filed ms',
        'last item ready ms',
        'last ready → last filed ms',
        'encoder CPU ms: store / bare',
        'store CPU ms',
        'client CPU ms',
      ],
      rows,
    ),
  );
  say(
    '\n*Buy → last filed*: `engine.buy()` (quote, order) to `engine.run()` resolving with every track filed ' +
      '(downloaded, SHA-256 checked, tagged with the cover, read back, fsynced, indexed). *Last item ready*: ' +
      "the store's `ready_at` of the last item (encoded, hashed, settled). *Bare*: the 12 command lines, " +
      `${PARALLELISM} at a time in track order, wall time from the first start to the last exit. *Encoder CPU*: ` +
      "user + system time of the encoder processes (the store's children; the peer's shells and theirs); " +
      "*store CPU*: the store's own process; *client CPU*: the engine's process, every thread.\n",
  );
  say(details.join('\n'));
  say(
    '\n<details><summary>Bare command lines (first track; the others differ in the file names)</summary>\n',
  );
  say(['```sh', ...commands, '```'].join('\n'));
  say('\n</details>');
}

runMain(main, { timeoutMs: 20 * 60_000 });
