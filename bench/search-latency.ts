// Search latency on a 100k-album / 1M-track synthetic catalog: GET /v1/search over HTTP (sequential and
// 8 concurrent), against the same queries run in-process with node:sqlite (FTS alone, then the full
// CatalogSearch.search()), so the HTTP + validation + JSON overhead is visible.
// Usage: npm run bench:search
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { CatalogQueries } from '../server/catalog/catalog-queries.ts';
import { CatalogSearch, isRanked, toMatchExpression } from '../server/catalog/search.ts';
import { fmt, markdownTable, median, note, percentile, printHeader, runMain, say } from './lib/harness.ts';
import { KeepAliveClient } from './lib/http-client.ts';
import { ensureCatalog } from './lib/search-catalog.ts';
import { startServerProcess } from './lib/server-process.ts';
import { prng } from './lib/words.ts';
import { runWrk } from './lib/wrk.ts';

// BENCH_SEARCH_ALBUMS shrinks the catalog for a quick trial run (tracks are always 10 per album on average).
const ALBUMS = Number(process.env.BENCH_SEARCH_ALBUMS ?? 100_000);
const SPEC = { albums: ALBUMS, artists: Math.max(100, ALBUMS / 5), vocabulary: 20_000, seed: 2024 };
const SEQUENTIAL_REQUESTS = 2000;
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
const TABLES = [
  ['artists_fts', '1.0'],
  ['albums_fts', '10.0, 4.0, 1.0'],
  ['tracks_fts', '10.0, 4.0, 2.0'],
] as const;

const ms = (v: number) => fmt(v, v < 10 ? 2 : 1);

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

  // ---- Peer: the same queries in-process, straight on the database file.
  const db = new DatabaseSync(join(dataDir, 'store.db'));
  db.exec('CREATE VIRTUAL TABLE temp.track_terms USING fts5vocab(main, tracks_fts, row)');
  const candidates = db
    .prepare(
      `SELECT term FROM temp.track_terms WHERE doc BETWEEN 5 AND 30 AND length(term) >= 6 AND term NOT LIKE '%s'
       ORDER BY term`,
    )
    .all() as { term: string }[];
  const rare = [0, 1, 2, 3, 4].map((k) => candidates[Math.floor(((k + 0.5) * candidates.length) / 5)]!.term);
  const classes: QueryClass[] = [FIXED[0]!, { name: 'rare word', queries: rare }, ...FIXED.slice(1)];
  const all = classes.flatMap((c) => c.queries.map((q) => ({ q, cls: c.name })));
  const search = new CatalogSearch(db, new CatalogQueries(db, dataDir));
  // The same statements as server/catalog/search.ts: bm25-ranked, or (isRanked() false: a single word
  // shorter than 3 letters) unranked in catalog order, which SQLite can stop early.
  const ftsStatements = (ranked: boolean) =>
    TABLES.map(([table, weights]) =>
      db.prepare(
        `SELECT rowid AS id, score FROM (SELECT rowid, ${ranked ? `bm25(${table}, ${weights})` : '0'} AS score FROM ${table} WHERE ${table} MATCH ?)
       WHERE 1 ORDER BY score, rowid LIMIT 11`,
      ),
    );
  const ftsRanked = ftsStatements(true);
  const ftsUnranked = ftsStatements(false);
  const countTracks = db.prepare('SELECT count(*) AS n FROM tracks_fts WHERE tracks_fts MATCH ?');
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
  note(`in-process peer over ${all.length} queries…`);
  const peer = new Map<string, { matches: number; fts: number[]; search: number[] }>();
  for (const { q } of all) {
    const match = toMatchExpression(q);
    const matches = match ? (countTracks.get(match) as { n: number }).n : 0;
    const statements = isRanked(q) ? ftsRanked : ftsUnranked;
    const fts = timed(() => {
      if (match) for (const s of statements) s.all(match);
    });
    const full = timed(() => search.search({ q, limit: 10 }));
    peer.set(q, { matches, fts, search: full });
  }
  db.close();

  // ---- The real server in a child process, one sequential keep-alive client.
  note('starting the store server…');
  const server = await startServerProcess(dataDir);
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
  let done = 0;
  for (const { q } of schedule) {
    if (performance.now() - began > SEQUENTIAL_BUDGET_MS) break;
    const r = await client.get(path(q));
    if (r.status !== 200) throw new Error(`GET ${path(q)} -> ${r.status}`);
    http.get(q)!.ms.push(r.ms);
    http.get(q)!.bytes.push(r.bytes);
    done += 1;
  }
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
        'peer: FTS only p50',
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
        'ranked',
        'matching tracks',
        'FTS only',
        'search() in-process',
        'HTTP',
      ],
      all.map(({ q, cls }) => {
        const p = peer.get(q)!;
        return [
          `\`${q}\``,
          cls,
          `\`${toMatchExpression(q) ?? ''}\``,
          isRanked(q) ? 'bm25' : 'no',
          fmt(p.matches, 0),
          ms(median(p.fts)),
          ms(median(p.search)),
          ms(median(http.get(q)!.ms)),
        ];
      }),
    ),
  );

  // ---- Throughput: wrk, 8 connections, rotating through the queries.
  const runs = [
    { mix: 'all queries', paths: all.map(({ q }) => path(q)) },
    {
      mix: 'rare + no match only',
      paths: all.filter((a) => /rare|no match/.test(a.cls)).map(({ q }) => path(q)),
    },
  ];
  const wrkRows: (string | number)[][] = [];
  for (const r of runs) {
    note(`wrk -t2 -c8 -d10s (${r.mix})…`);
    const w = await runWrk(server.url, { threads: 2, connections: 8, durationS: 10, paths: r.paths });
    wrkRows.push([
      r.mix,
      fmt(w.requests, 0),
      fmt(w.requestsPerS, 1),
      ms(w.latencyP50Ms),
      ms(w.latencyP99Ms),
      w.errors,
    ]);
  }
  say('\n### 8 concurrent connections (`wrk -t2 -c8 -d10s`, each connection cycling through the mix)\n');
  say(markdownTable(['mix', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors'], wrkRows));
  say(
    '\nPeer: the same queries in-process on the same database with node:sqlite: "FTS only" runs the three ' +
      'MATCH queries of server/catalog/search.ts (bm25-ranked, or unranked when isRanked() says so); "search()" ' +
      'is CatalogSearch.search() (FTS + row hydration). HTTP overhead = HTTP p50 - search() p50.',
  );
}

runMain(main, { timeoutMs: 25 * 60_000 });
