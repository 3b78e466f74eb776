import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogQueries } from '../../../../server/catalog/catalog-queries.ts';
import { CatalogWriter } from '../../../../server/catalog/catalog-writer.ts';
import { CatalogSearch } from '../../../../server/catalog/search.ts';
import type { AlbumInput } from '../../../../server/catalog/sources/types.ts';
import { migrations } from '../../../../server/db/sqlite/migrations.ts';
import { type Db, openDatabase } from '../../../../server/db/sqlite/open-database.ts';
import { SqliteDatabase } from '../../../../server/db/sqlite/sqlite-database.ts';

const DATA = '/data';

function album(title: string, artist: string, tracks: string[], trackArtists: string[] = []): AlbumInput {
  return {
    title,
    albumArtist: artist,
    releaseDate: '1988-01-01',
    genres: ['Rock'],
    tracks: tracks.map((t, i) => ({
      title: t,
      artists: trackArtists,
      discNumber: 1,
      trackNumber: i + 1,
      master: {
        path: `${DATA}/masters/${title}-${i}.flac`,
        durationMs: 200_000,
        sampleRate: 44100,
        channels: 2,
        bitsPerSample: 16,
        bytes: 1000,
      },
    })),
  };
}

const ALBUMS = [
  album('Группа крови', 'Кино', ['Группа крови', 'Закрой за мной дверь'], ['Виктор Цой']),
  album('Ёлка', 'ЁЛКА', ['Прованс']),
  album('Kino Live', 'Kino', ['Blood Type']),
  album('Homogenic', 'Björk', ['Jóga', 'Hunter']),
  album('Кармен-сюита', 'Родион Щедрин', ['Хабанера']),
  album('Жёлтые ботинки', 'Жанна Агузарова', ['Звёздный вечер']),
];

function search(db: Db) {
  const s = new CatalogSearch(db, new CatalogQueries(new SqliteDatabase(db), DATA));
  return async (q: string) => {
    const r = await s.searchNow({ q, limit: 20 });
    return {
      artists: r.artists.items.map((a) => a.name).sort(),
      albums: r.albums.items.map((a) => a.title).sort(),
      tracks: r.tracks.items.map((t) => t.title).sort(),
    };
  };
}

describe('catalog search across case, ё/е and scripts', () => {
  let db: Db;
  afterEach(() => db.close());

  async function seeded() {
    db = openDatabase(':memory:');
    const writer = new CatalogWriter(new SqliteDatabase(db), DATA);
    for (const a of ALBUMS) await writer.addAlbum(a);
    return search(db);
  }

  it('folds Cyrillic case', async () => {
    const find = await seeded();
    expect((await find('КИНО')).artists).toEqual(['Kino', 'Кино']);
    expect((await find('группа')).albums).toEqual(['Группа крови']);
    // Track search covers album titles too.
    expect((await find('ГРУППА КРОВИ')).tracks).toEqual(['Группа крови', 'Закрой за мной дверь']);
    expect((await find('ДВЕРЬ')).tracks).toEqual(['Закрой за мной дверь']);
  });

  it('finds ё by е and by ё, in either case', async () => {
    const find = await seeded();
    for (const q of ['елка', 'ёлка', 'ЕЛКА', 'Ёлка']) {
      expect((await find(q)).albums, q).toEqual(['Ёлка']);
      expect((await find(q)).artists, q).toEqual(['ЁЛКА']);
    }
  });

  it('matches Latin queries to Cyrillic names and Cyrillic queries to Latin names', async () => {
    const find = await seeded();
    expect((await find('kino')).artists).toEqual(['Kino', 'Кино']);
    expect((await find('кино')).artists).toEqual(['Kino', 'Кино']);
    // Album search covers the album artist.
    expect((await find('кино')).albums).toEqual(['Kino Live', 'Группа крови']);
    expect((await find('кино live')).albums).toEqual(['Kino Live']);
    expect((await find('gruppa krovi')).albums).toEqual(['Группа крови']);
    expect((await find('tsoy')).tracks).toEqual(['Группа крови', 'Закрой за мной дверь']);
    expect((await find('elka')).albums).toEqual(['Ёлка']);
    expect((await find('Хантер')).tracks).toEqual([]);
  });

  it('matches Cyrillic prefixes, as you type', async () => {
    const find = await seeded();
    expect((await find('Кин')).artists).toEqual(['Kino', 'Кино']);
    expect((await find('зак')).tracks).toEqual(['Закрой за мной дверь']);
    expect((await find('группа кр')).albums).toEqual(['Группа крови']);
    expect((await find('Ёл')).albums).toEqual(['Ёлка']);
  });

  it('finds Cyrillic names typed in other romanizations', async () => {
    const find = await seeded();
    for (const q of ['tsoi', 'TSOJ', 'tsoy', 'viktor tsoi', 'Viktor Tsoi'])
      expect((await find(q)).tracks, q).toEqual(['Группа крови', 'Закрой за мной дверь']);
    for (const q of ['yolka', 'Jolka', 'elka', 'YOLKA']) {
      expect((await find(q)).albums, q).toEqual(['Ёлка']);
      expect((await find(q)).artists, q).toEqual(['ЁЛКА']);
    }
    for (const q of ['Shchedrin', 'Schedrin', 'rodion schedrin'])
      expect((await find(q)).artists, q).toEqual(['Родион Щедрин']);
    expect((await find('habanera')).tracks).toEqual(['Хабанера']);
    expect((await find('khabanera')).tracks).toEqual(['Хабанера']);
    expect((await find('zhanna')).artists).toEqual(['Жанна Агузарова']);
    for (const q of ['zholtye botinki', 'zhyoltye', 'zheltye', 'желтые', 'ЖЁЛТЫЕ'])
      expect((await find(q)).albums, q).toEqual(['Жёлтые ботинки']);
    expect((await find('zvyozdnyi vecher')).tracks).toEqual(['Звёздный вечер']);
  });

  it('keeps prefixes working in other romanizations, without widening short ones', async () => {
    const find = await seeded();
    expect((await find('yol')).albums).toEqual(['Ёлка']);
    expect((await find('tso')).tracks).toEqual(['Группа крови', 'Закрой за мной дверь']);
    expect((await find('schedr')).artists).toEqual(['Родион Щедрин']);
    // Two letters are not respelled: "yo" is not widened to every word starting with "e".
    expect((await find('yo')).albums).toEqual([]);
    // A respelling is tried beside the query, never instead of it.
    expect((await find('hunter')).tracks).toEqual(['Hunter']);
  });

  it('keeps Latin search as it was: prefixes, diacritics, ranking', async () => {
    const find = await seeded();
    expect((await find('homo')).albums).toEqual(['Homogenic']);
    expect((await find('bjork')).artists).toEqual(['Björk']);
    expect((await find('JOGA')).tracks).toEqual(['Jóga']);
    expect((await find('blood type')).tracks).toEqual(['Blood Type']);
    expect((await find('hunter jóga')).tracks).toEqual([]);
  });
});

describe('store migration 4', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds full-text rows written before search keys', async () => {
    dir = mkdtempSync(join(tmpdir(), 'megadisc-fts-'));
    const path = join(dir, 'store.db');
    const old = new DatabaseSync(path);
    for (const sql of migrations.slice(0, 3)) old.exec(sql);
    old.exec('PRAGMA user_version = 3');
    old.exec(`INSERT INTO artists (id, name) VALUES (1, 'Кино'), (2, 'Виктор Цой');
      INSERT INTO artists_fts (rowid, name) VALUES (1, 'Кино'), (2, 'Виктор Цой');
      INSERT INTO albums (id, title, artist_id, release_date, disc_count, track_count, duration_ms, created_at)
        VALUES (1, 'Ёлка', 1, '1988', 1, 1, 1, 'now');
      INSERT INTO albums_fts (rowid, title, artist, label) VALUES (1, 'Ёлка', 'Кино', '');
      INSERT INTO tracks (id, album_id, disc_number, track_number, title, duration_ms, master_path, master_bytes,
        sample_rate, channels, bits_per_sample) VALUES (1, 1, 1, 1, 'Звезда', 1, 'm.flac', 1, 44100, 2, 16);
      INSERT INTO track_artists (track_id, position, artist_id) VALUES (1, 0, 2), (1, 1, 1);
      INSERT INTO tracks_fts (rowid, title, artists, album) VALUES (1, 'Звезда', 'Виктор Цой Кино', 'Ёлка');`);
    old.close();

    const db = openDatabase(path);
    try {
      expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.length });
      const find = search(db);
      expect((await find('kino')).artists).toEqual(['Кино']);
      expect((await find('елка')).albums).toEqual(['Ёлка']);
      expect((await find('tsoy zvezda')).tracks).toEqual(['Звезда']);
      expect(db.prepare('SELECT count(*) AS n FROM tracks_fts').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });
});
