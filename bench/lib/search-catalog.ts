// Generates (once) and caches a big synthetic catalog for the search benchmark: the store schema and
// FTS tables, filled with batched inserts in ONE transaction (CatalogWriter does one per album).
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { slugify } from '../../server/catalog/catalog-writer.ts';
import { openDatabase } from '../../server/db/sqlite/open-database.ts';
import { note } from './harness.ts';
import { capitalize, FIRST_NAMES, GENRES, prng, vocabulary, zipfSampler } from './words.ts';

export interface CatalogSpec {
  albums: number;
  /** Artists to spread the albums over. */
  artists: number;
  vocabulary: number;
  seed: number;
}

export interface CatalogInfo {
  version: string;
  albums: number;
  tracks: number;
  artists: number;
  generationSeconds: number;
  generatedAt: string;
  dbBytes: number;
}

/**
 * Bump when the generator or the store's search schema changes: a new version gets a new folder and a
 * fresh catalog. 2: built on migration 5 (prefix indexes of 2 to 10 letters), indexes optimized.
 */
const GENERATOR_VERSION = 2;
const DUMMY_MASTER = '/nonexistent/megadisc-bench/master.flac';
/** Artist surnames come from the invented tail so they are distinct from title words. */
const COMMON_OFFSET = 200;

export function catalogVersion(spec: CatalogSpec): string {
  return `v${GENERATOR_VERSION}-${spec.albums}a-${spec.artists}ar-${spec.vocabulary}w-s${spec.seed}`;
}

/** Returns the data folder holding the cached catalog, generating it first when absent or incomplete. */
export function ensureCatalog(
  root: string,
  spec: CatalogSpec,
): { dataDir: string; info: CatalogInfo; cached: boolean } {
  const version = catalogVersion(spec);
  const dataDir = join(root, `search-${version}`);
  const existing = readInfo(dataDir);
  if (existing?.version === version) return { dataDir, info: existing, cached: true };
  rmSync(dataDir, { recursive: true, force: true });
  const building = `${dataDir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const info = generate(join(building, 'store.db'), spec, version);
  renameSync(building, dataDir);
  return { dataDir, info, cached: false };
}

function readInfo(dataDir: string): CatalogInfo | undefined {
  const path = join(dataDir, 'store.db');
  if (!existsSync(path)) return undefined;
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const row = db.prepare(`SELECT value FROM meta WHERE key = 'bench_catalog'`).get() as
      | { value: string }
      | undefined;
    return row ? (JSON.parse(row.value) as CatalogInfo) : undefined;
  } catch {
    return undefined;
  } finally {
    db.close();
  }
}

function generate(path: string, spec: CatalogSpec, version: string): CatalogInfo {
  const started = performance.now();
  openDatabase(path).close(); // the store's own schema and migrations
  const db = new DatabaseSync(path);
  // Bulk-load settings; the server reopens it with its own (WAL, synchronous=FULL).
  db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144');
  const random = prng(spec.seed);
  const words = vocabulary(spec.vocabulary, random);
  const zipf = zipfSampler(words.length, 1.0, 10, random);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const phrase = (min: number, max: number) => {
    const n = min + Math.floor(random() * (max - min + 1));
    return Array.from({ length: n }, () => capitalize(words[zipf()]!)).join(' ');
  };

  const artistNames: string[] = [];
  const seen = new Set<string>();
  while (artistNames.length < spec.artists) {
    const r = random();
    const name =
      r < 0.4
        ? `${pick(FIRST_NAMES)} ${capitalize(words[COMMON_OFFSET + Math.floor(random() * (words.length - COMMON_OFFSET))]!)}`
        : r < 0.7
          ? `The ${phrase(1, 2)}s`
          : phrase(1, 2);
    if (!seen.has(name)) {
      seen.add(name);
      artistNames.push(name);
    }
  }
  const labels = Array.from(
    { length: 400 },
    (_, i) => `${phrase(1, 1)} ${pick(['Records', 'Music', 'Sound'])} ${i}`,
  );

  const q = {
    artist: db.prepare('INSERT INTO artists (id, name) VALUES (?, ?)'),
    artistFts: db.prepare('INSERT INTO artists_fts (rowid, name) VALUES (?, ?)'),
    album: db.prepare(
      `INSERT INTO albums (id, title, artist_id, release_date, year, label, genres, disc_count, track_count,
         duration_ms, sales, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    ),
    albumFts: db.prepare('INSERT INTO albums_fts (rowid, title, artist, label) VALUES (?, ?, ?, ?)'),
    genre: db.prepare('INSERT OR IGNORE INTO genres (slug, name) VALUES (?, ?)'),
    albumGenre: db.prepare('INSERT INTO album_genres (genre_slug, album_id, release_date) VALUES (?, ?, ?)'),
    track: db.prepare(
      `INSERT INTO tracks (id, album_id, disc_number, track_number, title, duration_ms, master_path, master_bytes,
         sample_rate, channels, bits_per_sample) VALUES (?, ?, 1, ?, ?, ?, ?, ?, 44100, 2, 16)`,
    ),
    trackArtist: db.prepare('INSERT INTO track_artists (track_id, position, artist_id) VALUES (?, ?, ?)'),
    trackFts: db.prepare('INSERT INTO tracks_fts (rowid, title, artists, album) VALUES (?, ?, ?, ?)'),
  };

  const now = new Date().toISOString();
  let trackId = 0;
  db.exec('BEGIN');
  artistNames.forEach((name, i) => {
    q.artist.run(i + 1, name);
    q.artistFts.run(i + 1, name);
  });
  for (const genre of GENRES) q.genre.run(slugify(genre), genre);
  for (let albumId = 1; albumId <= spec.albums; albumId++) {
    const artistIndex = Math.floor(random() * artistNames.length);
    const artist = artistNames[artistIndex]!;
    const title = phrase(1, 3);
    const year = 1960 + Math.floor(random() * 65);
    const date = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const genres = [...new Set([pick(GENRES), ...(random() < 0.3 ? [pick(GENRES)] : [])])];
    const label = pick(labels);
    const trackCount = 8 + (albumId % 5); // averages exactly 10
    const durations = Array.from({ length: trackCount }, () => 120_000 + Math.floor(random() * 240_000));
    const total = durations.reduce((a, b) => a + b, 0);
    q.album.run(
      albumId,
      title,
      artistIndex + 1,
      date,
      year,
      label,
      JSON.stringify(genres),
      trackCount,
      total,
      Math.floor(random() * 1000),
      now,
    );
    q.albumFts.run(albumId, title, artist, label);
    for (const genre of genres) q.albumGenre.run(slugify(genre), albumId, date);
    durations.forEach((durationMs, index) => {
      trackId += 1;
      const trackTitle = phrase(1, 4);
      const names = [artist];
      q.track.run(trackId, albumId, index + 1, trackTitle, durationMs, DUMMY_MASTER, durationMs * 100);
      q.trackArtist.run(trackId, 0, artistIndex + 1);
      if (random() < 0.1) {
        const featured = Math.floor(random() * artistNames.length);
        if (featured !== artistIndex) {
          q.trackArtist.run(trackId, 1, featured + 1);
          names.push(artistNames[featured]!);
        }
      }
      q.trackFts.run(trackId, trackTitle, names.join(' '), title);
    });
    if (albumId % 10_000 === 0)
      note(`  ${albumId} albums, ${trackId} tracks (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  const info: CatalogInfo = {
    version,
    albums: spec.albums,
    tracks: trackId,
    artists: artistNames.length,
    generationSeconds: 0,
    generatedAt: now,
    dbBytes: 0,
  };
  db.prepare(`INSERT INTO meta (key, value) VALUES ('bench_catalog', '{}')`).run();
  db.exec('COMMIT');
  // One segment per index, as migration 5 leaves an existing store's indexes.
  for (const table of ['artists_fts', 'albums_fts', 'tracks_fts'])
    db.exec(`INSERT INTO ${table} (${table}) VALUES ('optimize')`);
  db.exec('PRAGMA journal_mode = WAL');
  info.generationSeconds = (performance.now() - started) / 1000;
  const pages = db
    .prepare('SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()')
    .get() as {
    bytes: number;
  };
  info.dbBytes = pages.bytes;
  // Written last: a catalog without this row is treated as unfinished and regenerated.
  db.prepare(`UPDATE meta SET value = ? WHERE key = 'bench_catalog'`).run(JSON.stringify(info));
  db.close();
  return info;
}
