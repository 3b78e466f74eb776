// Search latency on a 100k-album / 1M-track synthetic catalog: GET /v1/search over HTTP (sequential and
// 8 concurrent with wrk, with the event-loop delay of the store process), against the same queries run
// in-process with node:sqlite (FTS + ranking alone, then the full CatalogSearch.searchNow()), so the
// HTTP + validation + JSON overhead is visible; and 8 concurrent clients again on a store that searches
// on its event loop (MEGADISC_SEARCH_WORKERS=0), what the search worker threads are measured against.
// Usage: npm run bench:search
// Env: BENCH_SEARCH_ALBUMS (catalog size), BENCH_SEARCH_REQUESTS (sequential requests, 2000),
// BENCH_SEARCH_WRK_S (seconds per wrk run, 10); MEGADISC_SEARCH_WORKERS reaches the store process.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { CatalogQueries } from '../server/catalog/catalog-queries.ts';
import { CatalogSearch, DEFAULT_CANDIDATES, toMatchExpression } from '../server/catalog/search.ts';
import { openSearchConnection } from '../server/catalog/search-pool.ts';
import { SqliteDatabase } from '../server/db/sqlite/sqlite-database.ts';
import { type CpuWindow, cpuWindow } from './lib/cpu-window.ts';
import { fmt, markdownTable, median, note, percentile, printHeader, runMain, say } from './lib/harness.ts';
import { KeepAliveClient } from './lib/http-client.ts';
import { runQueueWindow } from './lib/run-queue-wait.ts';
import { ensureCatalog } from './lib/search-catalog.ts';
import {
  type EventLoopDelay,
  type SearchServer,
  startIdleLoop,
  startSearchServer,
} from './lib/search-server.ts';
import { prng } from './lib/words.ts';
import { runWrk } from './lib/wrk.ts';

// BENCH_SEARCH_ALBUMS shrinks the catalog for a quick trial run (tracks are always 10 per album on average).
const ALBUMS = Number(process.env.BENCH_SEARCH_ALBUMS ?? 100_000);
const SPEC = { albums: ALBUMS, artists: Math.max(100, ALBUMS / 5), vocabulary: 20_000, seed: 2024 };
const SEQUENTIAL_REQUESTS = Number(process.env.BENCH_SEARCH_REQUESTS ?? 2000);
const WRK_SECONDS = Number(process.env.BENCH_SEARCH_WRK_S ?? 10);
const SEQUENTIAL_BUDGET_MS = 360_000;
const PEER_RUNS = 15;
const PEER_BUDGET_MS = 3000; // per query and layer: slow queries get fewer runs (at least 5)
const ROOT = fileURLToPath(new URL('../.bench-data/', import.meta.url));

interface QueryClass {
  name: string;
  queries: string[];
}

const FIXED: QueryClass[] = [
  { name: 'common word', queries: ['love', 'night', 'heart', 'fire', 'dream'] },
  {
    name: '2 words',
    queries: ['midnight love', 'broken heart', 'summer rain', 'golden river', 'silver moon'],
  },
  { name: 'as you type (2-5 letters)', queries: ['mo', 'moo', 'moon', 'moonl', 'mid'] },
  { name: '1 letter', queries: ['m', 's', 'l'] },
  { name: 'no match', queries: ['qqxz', 'zzyzx', 'xyzzy plugh', 'vvvvq', 'jjjkkk'] },
];
const KINDS = ['artist', 'album', 'track'] as const;

const ms = (v: number) => fmt(v, v < 10 ? 2 : 1);
/** The store process's CPU in cores, the share of the machine's cores busy, and the 1-minute load average. */
const loadText = (c: CpuWindow) =>
  `${fmt(c.processCores, 2)} / ${fmt(c.machineBusy * 100, 0)}% / ${fmt(c.load1, 1)}`;
const eldText = (e: EventLoopDelay) => `p50 ${ms(e.p50)} ms, p99 ${ms(e.p99)} ms, max ${ms(e.max)} ms`;

async function main(): Promise<void> {
  printHeader(
    `Search latency (${fmt(ALBUMS, 0)} albums, ${fmt(ALBUMS * 10, 0)} tracks)`,
    'npm run bench:search',
  );
  note('preparing the catalog (cached in .bench-data/ after the first run)…');
  const { dataDir, info, cached } = ensureCatalog(ROOT, SPEC);
  say(
    markdownTable(
      ['catalog', 'albums', 'tracks', 'artists', 'database', 'generation'],
      [
        [
          info.version,
          fmt(info.albums, 0),
          fmt(info.tracks, 0),
          fmt(info.artists, 0),
          `${fmt(info.dbBytes / 1e6, 0)} MB`,
          `${fmt(info.generationSeconds, 1)} s${cached ? ` (cached, generated ${info.generatedAt.slice(0, 10)})` : ''}`,
        ],
      ],
    ),
  );

  // ---- Peer: the same queries in-process, on the database file.
  const dbPath = join(dataDir, 'store.db');
  const plain = new DatabaseSync(dbPath);
  plain.exec('CREATE VIRTUAL TABLE temp.track_terms USING fts5vocab(main, tracks_fts, row)');
  const candidates = plain
    .prepare(
      `SELECT term FROM temp.track_terms WHERE doc BETWEEN 5 AND 30 AND length(term) >= 6 AND term NOT LIKE '%s'
       ORDER BY term`,
    )
    .all() as { term: string }[];
  const rare = [0, 1, 2, 3, 4].map((k) => candidates[Math.floor(((k + 0.5) * candidates.length) / 5)]!.term);
  const classes: QueryClass[] = [FIXED[0]!, { name: 'rare word', queries: rare }, ...FIXED.slice(1)];
  const all = classes.flatMap((c) => c.queries.map((q) => ({ q, cls: c.name })));
  const countTracks = plain.prepare('SELECT count(*) AS n FROM tracks_fts WHERE tracks_fts MATCH ?');
  const matching = new Map(
    all.map(({ q }) => {
      const match = toMatchExpression(q);
      return [q, match ? (countTracks.get(match) as { n: number }).n : 0];
    }),
  );
  plain.close();
  // The peer searches on a connection set up as the server's search workers set theirs up.
  const db = openSearchConnection(dbPath);
  const search = new CatalogSearch(db, new CatalogQueries(new SqliteDatabase(db), dataDir), { workers: 0 });
  const timed = (fn: () => void): number[] => {
    fn(); // warm
    const samples: number[] = [];
    const deadline = performance.now() + PEER_BUDGET_MS;
    while (samples.length < PEER_RUNS && (samples.length < 5 || performance.now() < deadline)) {
      const t = performance.now();
      fn();
      samples.push(performance.now() - t);
    }
    return samples;
  };
  // searchNow() reads the rows of its results through the storage port, which answers in promises.
  const timedAsync = async (fn: () => Promise<unknown>): Promise<number[]> => {
    await fn(); // warm
    const samples: number[] = [];
    const deadline = performance.now() + PEER_BUDGET_MS;
    while (samples.length < PEER_RUNS && (samples.length < 5 || performance.now() < deadline)) {
      const t = performance.now();
      await fn();
      samples.push(performance.now() - t);
    }
    return samples;
  };
  note(`in-process peer over ${all.length} queries…`);
  const peer = new Map<string, { matches: number; fts: number[]; search: number[] }>();
  for (const { q } of all) {
    const fts = timed(() => {
      for (const type of KINDS) search.matchIds({ q, type, limit: 10 });
    });
    const full = await timedAsync(() => search.searchNow({ q, limit: 10 }));
    peer.set(q, { matches: matching.get(q)!, fts, search: full });
  }
  db.close();

  // ---- The real server in a child process, one sequential keep-alive client.
  note('starting the store server…');
  const server = await startSearchServer(dataDir);
  // The control: an idle Node process's own event-loop delay in the same windows (the machine's noise).
  const idle = await startIdleLoop();
  const client = new KeepAliveClient(server.url);
  const path = (q: string) => `/v1/search?q=${encodeURIComponent(q)}`;
  for (let round = 0; round < 2; round++) {
    for (const { q } of all) {
      const r = await client.get(path(q));
      if (r.status !== 200)
        throw new Error(`GET ${path(q)} -> ${r.status}: ${r.body.toString().slice(0, 300)}`);
    }
  }
  const random = prng(7);
  const schedule: typeof all = [];
  while (schedule.length < SEQUENTIAL_REQUESTS) {
    const round = [...all];
    for (let i = round.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [round[i], round[j]] = [round[j]!, round[i]!];
    }
    schedule.push(...round);
  }
  schedule.length = SEQUENTIAL_REQUESTS;
  note(`${schedule.length} sequential requests (at most ${SEQUENTIAL_BUDGET_MS / 1000} s)…`);
  const http = new Map<string, { ms: number[]; bytes: number[] }>(
    all.map(({ q }) => [q, { ms: [], bytes: [] }]),
  );
  const began = performance.now();
  server.eldStart();
  idle.eldStart();
  const sequentialCpu = cpuWindow(server.pid);
  const sequentialWaited = runQueueWindow(server.pid);
  let done = 0;
  for (const { q } of schedule) {
    if (performance.now() - began > SEQUENTIAL_BUDGET_MS) break;
    const r = await client.get(path(q));
    if (r.status !== 200) throw new Error(`GET ${path(q)} -> ${r.status}`);
    http.get(q)!.ms.push(r.ms);
    http.get(q)!.bytes.push(r.bytes);
    done += 1;
  }
  const sequentialEld = await server.eldStop();
  const sequentialIdle = await idle.eldStop();
  const sequentialLoad = sequentialCpu();
  const sequentialWaitMs = sequentialWaited();
  client.close();

  say(`\n### Sequential, one keep-alive client (${done} requests after a warm-up of ${all.length * 2})\n`);
  const rows: (string | number)[][] = [];
  const pooled = (qs: string[], pick: (q: string) => number[]) => qs.flatMap(pick);
  for (const c of [...classes, { name: '**all**', queries: all.map((a) => a.q) }]) {
    const lat = pooled(c.queries, (q) => http.get(q)!.ms);
    const bytes = pooled(c.queries, (q) => http.get(q)!.bytes);
    const fts = median(pooled(c.queries, (q) => peer.get(q)!.fts));
    const full = median(pooled(c.queries, (q) => peer.get(q)!.search));
    rows.push([
      c.name,
      lat.length,
      ms(percentile(lat, 50)),
      ms(percentile(lat, 95)),
      ms(percentile(lat, 99)),
      ms(fts),
      ms(full),
      ms(percentile(lat, 50) - full),
      fmt(bytes.reduce((a, b) => a + b, 0) / bytes.length / 1024, 1),
    ]);
  }
  say(
    markdownTable(
      [
        'query class',
        'requests',
        'HTTP p50 ms',
        'HTTP p95 ms',
        'HTTP p99 ms',
        'peer: FTS + rank p50',
        'peer: search() p50',
        'HTTP overhead p50',
        'response KB',
      ],
      rows,
    ),
  );

  say('\n### Per query (medians, ms)\n');
  say(
    markdownTable(
      [
        'query',
        'class',
        'FTS expression',
        'matching tracks',
        'tracks ranked',
        'FTS + rank',
        'search() in-process',
        'HTTP',
      ],
      all.map(({ q, cls }) => {
        const p = peer.get(q)!;
        return [
          `\`${q}\``,
          cls,
          `\`${toMatchExpression(q) ?? ''}\``,
          fmt(p.matches, 0),
          fmt(Math.min(p.matches, DEFAULT_CANDIDATES), 0),
          ms(median(p.fts)),
          ms(median(p.search)),
          ms(median(http.get(q)!.ms)),
        ];
      }),
    ),
  );

  // ---- Throughput: wrk, 8 connections, rotating through the queries; then the same on a store that
  // searches on its event loop (no worker threads), the design the pool replaced.
  const runs = [
    { mix: 'all queries', paths: all.map(({ q }) => path(q)) },
    { mix: 'common words only', paths: all.filter((a) => a.cls === 'common word').map(({ q }) => path(q)) },
    {
      mix: 'rare + no match only',
      paths: all.filter((a) => /rare|no match/.test(a.cls)).map(({ q }) => path(q)),
    },
  ];
  const wrkRows: (string | number)[][] = [];
  const underWrk = async (on: SearchServer, store: string, mixes: typeof runs) => {
    for (const r of mixes) {
      note(`wrk -t2 -c8 -d${WRK_SECONDS}s (${store}, ${r.mix})…`);
      on.eldStart();
      idle.eldStart();
      const cpu = cpuWindow(on.pid);
      const waited = runQueueWindow(on.pid);
      const w = await runWrk(on.url, { threads: 2, connections: 8, durationS: WRK_SECONDS, paths: r.paths });
      const eld = await on.eldStop();
      const control = await idle.eldStop();
      const load = cpu();
      const waitMs = waited();
      wrkRows.push([
        store,
        r.mix,
        fmt(w.requests, 0),
        fmt(w.requestsPerS, 1),
        ms(w.latencyP50Ms),
        ms(w.latencyP99Ms),
        w.errors,
        ms(eld.p99),
        ms(eld.max),
        ms(control.max),
        fmt(waitMs, 0),
        loadText(load),
      ]);
    }
  };
  await underWrk(server, 'search workers (default)', runs);
  await server.stop();
  note('starting a store that searches on its event loop (MEGADISC_SEARCH_WORKERS=0)…');
  const inThread = await startSearchServer(dataDir, { MEGADISC_SEARCH_WORKERS: '0' });
  const warm = new KeepAliveClient(inThread.url);
  for (const { q } of all) await warm.get(path(q));
  warm.close();
  await underWrk(inThread, 'peer: search on the event loop', runs.slice(0, 2));
  await inThread.stop();
  await idle.stop();
  say(
    `\n### 8 concurrent connections (\`wrk -t2 -c8 -d${WRK_SECONDS}s\`, each connection cycling through the mix)\n`,
  );
  say(
    markdownTable(
      [
        'store',
        'mix',
        'requests',
        'req/s',
        'p50 ms',
        'p99 ms',
        'errors',
        'event loop delay p99 ms',
        'event loop delay max ms',
        'control: idle process max ms',
        'store waited for a core, ms/s',
        'store CPU (cores) / machine busy / load',
      ],
      wrkRows,
    ),
  );
  say(
    `\nEvent-loop delay in the store process (monitorEventLoopDelay, 1 ms resolution) over the sequential run: ${eldText(sequentialEld)} (control, an idle Node process in the same window: ${eldText(sequentialIdle)}); store CPU / machine busy / load: ${loadText(sequentialLoad)}; the store's threads waited for a core ${fmt(sequentialWaitMs, 0)} ms a second.`,
  );
  say(
    '\nPeer: the same queries in-process on the same database with node:sqlite, on a connection opened as the ' +
      'server\'s search workers open theirs (openSearchConnection): "FTS + rank" reads and ranks the candidates ' +
      'of the three kinds and pages them (CatalogSearch.matchIds); "search()" is CatalogSearch.searchNow() (that ' +
      'plus loading the rows of the results). HTTP overhead = HTTP p50 - search() p50 (fastify, zod, JSON, the ' +
      'hop to a search worker and back, loopback). Under wrk, "peer: search on the event loop" is the same ' +
      'store with MEGADISC_SEARCH_WORKERS=0. "control" is the event-loop delay of an idle Node process in the ' +
      'same window, and "waited for a core" the run-queue wait of all the store\'s threads (schedstat): both ' +
      'measure the machine, not the store.',
  );
}

runMain(main, { timeoutMs: 25 * 60_000 });
