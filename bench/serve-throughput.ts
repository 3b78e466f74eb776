// Download throughput of the store (signed-URL GET of an order item's file) against nginx serving the
// very same files with sendfile: wrk -t2 -c64 -d10s, median of 3 runs each, small MP3 and larger FLAC.
// Usage: npm run bench:serve
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CatalogWriter } from '../server/catalog/catalog-writer.ts';
import { startServer } from '../server/start-server.ts';
import { StoreApi } from '../test/helpers/store-api.ts';
import { makeMaster } from './lib/audio.ts';
import { fmt, markdownTable, median, note, onCleanup, printHeader, runMain, say } from './lib/harness.ts';
import { startNginx } from './lib/nginx.ts';
import { runWrk, type WrkResult } from './lib/wrk.ts';

const RUNS = 3;
const WRK = { threads: 2, connections: 64, durationS: 10 };
const NGINX_WORKERS = 1; // the store is one Node process (one event loop); give nginx one worker too

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
  const { albumId, trackIds } = new CatalogWriter(server.store.db, dataDir).addAlbum({
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
  const code = server.store.vouchers.create(200_000_000);
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
    const row = server.store.db.prepare('SELECT file_path FROM order_items WHERE id = ?').get(item.id) as {
      file_path: string;
    };
    return {
      signedUrl: item.download.signedUrl as string,
      bytes: item.bytes as number,
      path: resolve(dataDir, row.file_path),
    };
  };
  const files = [
    { name: 'small.mp3', label: 'mp3-320, 13 s', ...(await order('mp3-320', trackIds[0]!)) },
    { name: 'large.flac', label: 'flac, 60 s', ...(await order('flac', trackIds[1]!)) },
  ];

  const www = join(dir, 'www');
  mkdirSync(www);
  for (const f of files) symlinkSync(f.path, join(www, f.name));
  const nginx = await startNginx(join(dir, 'nginx'), www, { workers: NGINX_WORKERS });

  // Both servers must hand out the same bytes before we time them.
  for (const f of files) {
    for (const url of [`${server.url}${f.signedUrl}`, `${nginx.url}/${f.name}`]) {
      const res = await fetch(url);
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200 || body.length !== f.bytes)
        throw new Error(`GET ${url}: ${res.status}, ${body.length} bytes`);
    }
  }

  const rows: (string | number)[][] = [];
  const detail: (string | number)[][] = [];
  for (const f of files) {
    const targets = { store: `${server.url}${f.signedUrl}`, nginx: `${nginx.url}/${f.name}` };
    const results: Record<'store' | 'nginx', WrkResult[]> = { store: [], nginx: [] };
    for (const url of Object.values(targets)) await runWrk(url, { ...WRK, durationS: 2 }); // warm-up
    for (let run = 1; run <= RUNS; run++) {
      for (const who of ['store', 'nginx'] as const) {
        note(`${f.name} ${who} run ${run}/${RUNS}…`);
        const r = await runWrk(targets[who], WRK);
        if (r.errors > 0) throw new Error(`${who} ${f.name}: ${r.errors} wrk errors`);
        results[who].push(r);
        detail.push([
          f.name,
          who,
          run,
          fmt(r.requestsPerS, 0),
          fmt(r.mbPerS, 0),
          fmt(r.latencyP50Ms, 1),
          fmt(r.latencyP99Ms, 1),
        ]);
      }
    }
    const med = (who: 'store' | 'nginx', key: 'requestsPerS' | 'mbPerS' | 'latencyP50Ms' | 'latencyP99Ms') =>
      median(results[who].map((r) => r[key]));
    rows.push([
      `${f.name} (${f.label})`,
      `${fmt(f.bytes / 1e6, 2)} MB`,
      fmt(med('store', 'requestsPerS'), 0),
      fmt(med('nginx', 'requestsPerS'), 0),
      fmt(med('store', 'mbPerS'), 0),
      fmt(med('nginx', 'mbPerS'), 0),
      fmt(med('store', 'requestsPerS') / med('nginx', 'requestsPerS'), 2),
      `${fmt(med('store', 'latencyP50Ms'), 1)} / ${fmt(med('nginx', 'latencyP50Ms'), 1)}`,
    ]);
  }

  say(
    `\`wrk -t${WRK.threads} -c${WRK.connections} -d${WRK.durationS}s\` on loopback, median of ${RUNS} runs ` +
      `(store and nginx alternating, after a 2 s warm-up each). Store: the order item's signed download URL, ` +
      `served by the store process (one Node event loop). ${nginx.version}: the same files ` +
      `(symlinked), \`sendfile on\`, ${NGINX_WORKERS} worker. MB/s counts response bytes including headers.\n`,
  );
  say(
    markdownTable(
      [
        'file',
        'size',
        'store req/s',
        'nginx req/s',
        'store MB/s',
        'nginx MB/s',
        'store/nginx',
        'p50 ms store / nginx',
      ],
      rows,
    ),
  );
  say('\n<details><summary>Every run</summary>\n');
  say(markdownTable(['file', 'server', 'run', 'req/s', 'MB/s', 'p50 ms', 'p99 ms'], detail));
  say('\n</details>');
}

runMain(main, { timeoutMs: 15 * 60_000 });
