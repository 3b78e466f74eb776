import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogQueries } from '../../../../server/catalog/catalog-queries.ts';
import { CatalogWriter } from '../../../../server/catalog/catalog-writer.ts';
import { CatalogSearch } from '../../../../server/catalog/search.ts';
import type { AlbumInput } from '../../../../server/catalog/sources/types.ts';
import { type Db, openDatabase } from '../../../../server/db/sqlite/open-database.ts';
import { SqliteDatabase } from '../../../../server/db/sqlite/sqlite-database.ts';
import { StoreError } from '../../../../server/errors/store-error.ts';
import { queryPlan, statementsOf } from '../../../helpers/query-plan.ts';

const DATA = '/data';
const WORDS = ['river', 'rivers', 'moon', 'night', 'love', 'stone', 'blue', 'dance', 'fire', 'rain'];

/** A seeded catalog: titles of 1-4 words from a small vocabulary, so words repeat across rows and columns. */
function albums(count: number): AlbumInput[] {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const phrase = (max: number) =>
    Array.from(
      { length: 1 + Math.floor(random() * max) },
      () => WORDS[Math.floor(random() * WORDS.length)],
    ).join(' ');
  return Array.from({ length: count }, (_, a) => ({
    title: `${phrase(3)} ${a}`,
    albumArtist: `Band ${phrase(2)} ${a % 7}`,
    label: a % 3 === 0 ? `${phrase(1)} Records` : undefined,
    releaseDate: '2001-01-01',
    genres: ['Rock'],
    tracks: Array.from({ length: 1 + (a % 4) }, (_, i) => ({
      title: phrase(4),
      artists: [],
      discNumber: 1,
      trackNumber: i + 1,
      master: {
        path: `${DATA}/masters/${a}-${i}.flac`,
        durationMs: 200_000,
        sampleRate: 44100,
        channels: 2,
        bitsPerSample: 16,
        bytes: 1000,
      },
    })),
  }));
}

async function seeded(path = ':memory:', count = 60): Promise<Db> {
  const db = openDatabase(path);
  const writer = new CatalogWriter(new SqliteDatabase(db), DATA);
  for (const album of albums(count)) await writer.addAlbum(album);
  return db;
}

const bm25Order = (db: Db, table: string, weights: string, match: string) =>
  (
    db
      .prepare(
        `SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ? ORDER BY bm25(${table}, ${weights}), rowid`,
      )
      .all(match) as { id: number }[]
  ).map((r) => r.id);

describe('catalog search ranking', () => {
  let db: Db;
  let dir: string | undefined;
  afterEach(() => {
    db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("ranks as FTS5's bm25() with the same weights when every match is a candidate", async () => {
    db = await seeded();
    const search = new CatalogSearch(db, new CatalogQueries(new SqliteDatabase(db), DATA), { workers: 0 });
    for (const [q, match] of [
      ['river', '"river"*'],
      ['moon', '"moon"*'],
      ['love night', '"love" "night"*'],
      ['blue rain st', '"blue" "rain" "st"*'],
      ['band fire', '"band" "fire"*'],
    ] as const) {
      expect(search.matchIds({ q, type: 'track', limit: 1000 }), q).toEqual(
        bm25Order(db, 'tracks_fts', '10.0, 4.0, 2.0', match),
      );
      expect(search.matchIds({ q, type: 'album', limit: 1000 }), q).toEqual(
        bm25Order(db, 'albums_fts', '10.0, 4.0, 1.0', match),
      );
    }
  });

  it('ranks the first matches only, then pages the rest in catalog order, the same in pages as at once', async () => {
    db = await seeded();
    const search = new CatalogSearch(db, new CatalogQueries(new SqliteDatabase(db), DATA), {
      candidates: 5,
      workers: 0,
    });
    const all = bm25Order(db, 'tracks_fts', '10.0, 4.0, 2.0', '"river"*');
    expect(all.length).toBeGreaterThan(12);
    const firstFive = [...all].sort((a, b) => a - b).slice(0, 5);
    const once = (await search.searchNow({ q: 'river', type: 'track', limit: 1000 })).tracks;
    const ids = once.items.map((t) => t.id);
    expect(once.nextCursor).toBeNull();
    // The five first matches in catalog order, ranked among themselves as bm25() ranks them.
    expect(ids.slice(0, 5)).toEqual(all.filter((id) => firstFive.includes(id)));
    // Then every other match, in catalog order.
    expect(ids.slice(5)).toEqual([...all].sort((a, b) => a - b).slice(5));
    for (const limit of [1, 2, 3, 7]) {
      const paged: number[] = [];
      let cursor: string | undefined;
      do {
        const page = (await search.searchNow({ q: 'river', type: 'track', limit, cursor })).tracks;
        paged.push(...page.items.map((t) => t.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(paged, `limit ${limit}`).toEqual(ids);
    }
  });

  it('puts a title match before the same word in an artist or album name', async () => {
    db = openDatabase(':memory:');
    const writer = new CatalogWriter(new SqliteDatabase(db), DATA);
    const track = (title: string, n: number) => ({
      title,
      artists: [],
      discNumber: 1,
      trackNumber: n,
      master: {
        path: `${DATA}/${title}-${n}.flac`,
        durationMs: 1,
        sampleRate: 44100,
        channels: 2,
        bitsPerSample: 16,
        bytes: 1,
      },
    });
    const base = { releaseDate: '2000', genres: ['Pop'] };
    await writer.addAlbum({
      ...base,
      title: 'Comet Songs',
      albumArtist: 'Comet',
      tracks: [track('Orbit', 1)],
    });
    await writer.addAlbum({ ...base, title: 'Other', albumArtist: 'Someone', tracks: [track('Comet', 1)] });
    const search = new CatalogSearch(db, new CatalogQueries(new SqliteDatabase(db), DATA), { workers: 0 });
    expect((await search.searchNow({ q: 'comet', limit: 10 })).tracks.items.map((t) => t.title)).toEqual([
      'Comet',
      'Orbit',
    ]);
  });

  it('reads a bounded set of candidates in index order, and never asks bm25() to score every match', async () => {
    db = await seeded();
    const search = new CatalogSearch(db, new CatalogQueries(new SqliteDatabase(db), DATA), { workers: 0 });
    const sql = await statementsOf(db, () => search.searchNow({ q: 'love ri', limit: 10 }));
    expect(sql.some((s) => /bm25\(/i.test(s))).toBe(false);
    const fts = sql.filter((s) => /\bMATCH\b/.test(s));
    expect(fts.length).toBeGreaterThan(0);
    for (const s of fts) {
      // Each MATCH is read under a LIMIT: the rows after it are never visited.
      expect(s, s).toMatch(/ORDER BY rowid LIMIT (\?|\d+)/);
      expect(queryPlan(db, s).join('\n'), s).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    }
    // Prepared once: a second search compiles nothing.
    expect(await statementsOf(db, () => search.searchNow({ q: 'love ri', limit: 10 }))).toEqual([]);
  });

  it('searches in a worker thread as in place, sees writes at once, and refuses a bad cursor with a 400', async () => {
    dir = mkdtempSync(join(tmpdir(), 'megadisc-search-'));
    db = await seeded(join(dir, 'store.db'), 20);
    const search = new CatalogSearch(db, new CatalogQueries(new SqliteDatabase(db), DATA), { workers: 1 });
    try {
      expect(await search.workersReady()).toBe(1);
      for (const q of ['river', 'love night', 'band 3', 'qqq', 'Рив'])
        expect(await search.search({ q, limit: 10 }), q).toEqual(await search.searchNow({ q, limit: 10 }));
      await new CatalogWriter(new SqliteDatabase(db), DATA).addAlbum({
        ...albums(1)[0]!,
        title: 'Zyxwv Fresh',
      });
      expect((await search.search({ q: 'zyxwv', limit: 10 })).albums.items.map((a) => a.title)).toEqual([
        'Zyxwv Fresh',
      ]);
      const bad = search.search({ q: 'river', type: 'track', limit: 10, cursor: 'bm90LWpzb24' });
      await expect(bad).rejects.toBeInstanceOf(StoreError);
      await expect(bad).rejects.toMatchObject({ status: 400 });
      // A cursor from a worker's page works in place, and the other way round.
      const first = await search.search({ q: 'river', type: 'track', limit: 2 });
      const cursor = first.tracks.nextCursor!;
      expect(await search.search({ q: 'river', type: 'track', limit: 2, cursor })).toEqual(
        await search.searchNow({ q: 'river', type: 'track', limit: 2, cursor }),
      );
    } finally {
      await search.close();
    }
    // Closed, it starts again on the next search.
    expect((await search.search({ q: 'river', limit: 1 })).tracks.items).toHaveLength(1);
    await search.close();
  });

  it('lets the process exit once its searches are answered: an idle worker holds nothing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'megadisc-search-'));
    db = await seeded(join(dir, 'store.db'), 5);
    const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));
    const script = join(dir, 'search-once.ts');
    writeFileSync(
      script,
      `import { CatalogQueries } from ${JSON.stringify(at('../../../../server/catalog/catalog-queries.ts'))};
       import { CatalogSearch } from ${JSON.stringify(at('../../../../server/catalog/search.ts'))};
       import { openDatabase } from ${JSON.stringify(at('../../../../server/db/sqlite/open-database.ts'))};
       import { SqliteDatabase } from ${JSON.stringify(at('../../../../server/db/sqlite/sqlite-database.ts'))};
       const db = openDatabase(process.argv[2]);
       const search = new CatalogSearch(db, new CatalogQueries(new SqliteDatabase(db), '/data'), { workers: 1 });
       const workers = await search.workersReady();
       const result = await search.search({ q: 'river', limit: 3 });
       db.close();
       console.log(JSON.stringify({ workers, tracks: result.tracks.items.length }));`,
    );
    // No close(), no exit(): the process ends when nothing is left to do, or the timeout fails the test.
    const out = execFileSync(process.execPath, ['--no-warnings', script, join(dir, 'store.db')], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(JSON.parse(out)).toMatchObject({ workers: 1 });
  });
});
