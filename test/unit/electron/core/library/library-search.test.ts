import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAlbumCards } from '../../../../../electron/core/library/album-cards.ts';
import { libraryFilter } from '../../../../../electron/core/library/library-search-key.ts';
import { trackPage } from '../../../../../electron/core/library/track-page.ts';
import { openProfile } from '../../../../../electron/core/profile/open-profile.ts';
import { profileMigrations } from '../../../../../electron/core/profile/profile-migrations.ts';
import { addFile, type Sandbox, sandbox, tags } from '../../../../helpers/library-fixtures.ts';

function track(albumId: number, trackId: number, title: string, album: string, artist: string) {
  return tags({
    title,
    album,
    albumArtist: artist,
    artists: [artist],
    trackNumber: trackId,
    storeIds: { trackId, albumId, artistId: albumId, orderId: 'ord_1234567890' },
  });
}

/** Track titles and album titles a library search finds, sorted. */
const titlesFound = (box: Sandbox, q: string) =>
  trackPage(box.db, { q, offset: 0, limit: 50 })
    .rows.map((r) => r.title)
    .sort();
const albumsFound = (box: Sandbox, q: string) =>
  listAlbumCards(box.db, { q })
    .map((a) => a.title)
    .sort();

describe('library search: case, ё/е, Cyrillic and Latin', () => {
  let box: Sandbox;
  beforeEach(() => {
    box = sandbox();
    addFile(box, 'a/1.flac', '1', track(1, 1, 'Звезда по имени Солнце', 'Звезда по имени Солнце', 'Кино'));
    addFile(box, 'a/2.flac', '2', track(1, 2, 'Пачка сигарет', 'Звезда по имени Солнце', 'Кино'));
    addFile(box, 'b/1.flac', '3', track(2, 3, 'Прованс', 'Ёлка', 'ЁЛКА'));
    addFile(box, 'c/1.flac', '4', track(3, 4, 'Blood Type', 'Kino Live', 'Kino'));
    addFile(box, 'd/1.flac', '5', track(4, 5, 'Jóga', 'Homogenic', 'BJÖRK'));
  });
  afterEach(() => box.cleanup());

  const titles = (q: string) => titlesFound(box, q);
  const albums = (q: string) => albumsFound(box, q);

  it('folds Cyrillic case', () => {
    expect(titles('ПАЧКА')).toEqual(['Пачка сигарет']);
    expect(albums('СОЛНЦЕ')).toEqual(['Звезда по имени Солнце']);
  });

  it('finds ё by е and by ё', () => {
    for (const q of ['елка', 'ёлка', 'ЕЛКА', 'Ёлка']) {
      expect(titles(q), q).toEqual(['Прованс']);
      expect(albums(q), q).toEqual(['Ёлка']);
    }
  });

  it('matches across scripts both ways', () => {
    expect(albums('kino')).toEqual(['Kino Live', 'Звезда по имени Солнце']);
    expect(albums('кино')).toEqual(['Kino Live', 'Звезда по имени Солнце']);
    expect(titles('pachka sigaret')).toEqual(['Пачка сигарет']);
    expect(titles('кино')).toEqual(['Blood Type', 'Звезда по имени Солнце', 'Пачка сигарет']);
    expect(titles('elka')).toEqual(['Прованс']);
  });

  it('matches prefixes and inner words', () => {
    expect(titles('Зве')).toEqual(['Звезда по имени Солнце', 'Пачка сигарет']);
    expect(titles('сига')).toEqual(['Пачка сигарет']);
    expect(albums('Ёл')).toEqual(['Ёлка']);
  });

  it('keeps Latin search: case and accents folded', () => {
    expect(titles('joga')).toEqual(['Jóga']);
    expect(albums('björk')).toEqual(['Homogenic']);
    expect(titles('BLOOD')).toEqual(['Blood Type']);
    expect(titles('   ')).toHaveLength(5);
  });

  it('never matches across two fields', () => {
    // Title "Прованс", album artist "ЁЛКА": no key holds "прованс елка".
    expect(titles('прованс елка')).toEqual([]);
  });
});

describe('library search: other romanizations of Russian', () => {
  let box: Sandbox;
  beforeEach(() => {
    box = sandbox();
    addFile(box, 'a/1.flac', '1', track(1, 1, 'Кукушка', 'Чёрный альбом', 'Виктор Цой'));
    addFile(box, 'b/1.flac', '2', track(2, 2, 'Прованс', 'Ёлка', 'ЁЛКА'));
    addFile(box, 'c/1.flac', '3', track(3, 3, 'Хабанера', 'Кармен-сюита', 'Родион Щедрин'));
    addFile(box, 'd/1.flac', '4', track(4, 4, 'Звезда по имени Солнце', 'Звезда', 'Кино'));
    // Latin words with "el" inside them, which a respelled "yol" must not find.
    addFile(box, 'e/1.flac', '5', track(5, 5, 'Hotel California', 'Hotel California', 'Eagles'));
  });
  afterEach(() => box.cleanup());

  const titles = (q: string) => titlesFound(box, q);
  const albums = (q: string) => albumsFound(box, q);

  it('finds «Цой» by tsoi, tsoj and tsoy, and «Ёлка» by yolka, jolka and elka', () => {
    for (const q of ['tsoi', 'TSOJ', 'tsoy', 'viktor tsoi']) {
      expect(titles(q), q).toEqual(['Кукушка']);
      expect(albums(q), q).toEqual(['Чёрный альбом']);
    }
    for (const q of ['yolka', 'Jolka', 'elka', 'ёлка', 'ЕЛКА']) {
      expect(titles(q), q).toEqual(['Прованс']);
      expect(albums(q), q).toEqual(['Ёлка']);
    }
  });

  it('finds other spellings of щ, х and ё', () => {
    for (const q of ['shchedrin', 'schedrin', 'Rodion Schedrin', 'habanera', 'khabanera'])
      expect(titles(q), q).toEqual(['Хабанера']);
    for (const q of ['chornyy albom', 'chernyy', 'chyornyi', 'черный'])
      expect(albums(q), q).toEqual(['Чёрный альбом']);
  });

  it('still matches across scripts, folds case and ё, and matches prefixes', () => {
    expect(titles('kino')).toEqual(['Звезда по имени Солнце']);
    expect(titles('КИНО')).toEqual(['Звезда по имени Солнце']);
    expect(titles('Зве')).toEqual(['Звезда по имени Солнце']);
    expect(titles('tso')).toEqual(['Кукушка']);
    expect(albums('Чёр')).toEqual(['Чёрный альбом']);
  });

  it('matches a short respelling only where a word starts', () => {
    expect(libraryFilter('yol')).toEqual({ anywhere: ['yol'], wordStart: ['el'] });
    expect(titles('yol')).toEqual(['Прованс']);
    expect(albums('yol')).toEqual(['Ёлка']);
    // Typed as such, "el" is still found anywhere.
    expect(titles('el')).toEqual(['Hotel California', 'Прованс']);
  });
});

describe('profile migration 5', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fills in search keys for albums and tracks indexed before it', () => {
    dir = mkdtempSync(join(tmpdir(), 'megadisc-profile-'));
    const old = new DatabaseSync(join(dir, 'profile.db'));
    for (const sql of profileMigrations.slice(0, 5)) old.exec(sql);
    old.exec('PRAGMA user_version = 5');
    old.exec(`INSERT INTO library_albums (id, store, store_album_id, title, album_artist, added_at)
        VALUES (1, 's', 1, 'Ёлка', 'Кино', 'now');
      INSERT INTO library_tracks (id, album_id, store_track_id, title, artists, disc_number, track_number)
        VALUES (1, 1, 1, 'Звезда', '["Виктор Цой"]', 1, 1);
      INSERT INTO library_files (track_id, path, path_key, encoding, bytes, sha256, added_at, tags)
        VALUES (1, 'x.flac', 'x.flac', 'flac', 1, '${'0'.repeat(64)}', 'now', '{}');`);
    old.close();
    const db = openProfile(dir);
    try {
      expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: profileMigrations.length });
      expect(trackPage(db, { q: 'tsoy', offset: 0, limit: 10 }).total).toBe(1);
      expect(trackPage(db, { q: 'елка', offset: 0, limit: 10 }).total).toBe(1);
      expect(trackPage(db, { q: 'kino', offset: 0, limit: 10 }).total).toBe(1);
    } finally {
      db.close();
    }
  });
});
