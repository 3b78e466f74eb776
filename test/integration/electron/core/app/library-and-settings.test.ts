// The library views over a large generated index (no store needed), and the settings methods.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppService } from '../../../../../electron/core/app/app-host.ts';
import { LibraryIndex, trackPage } from '../../../../../electron/core/library/index.ts';
import { inTransaction, openProfile } from '../../../../../electron/core/profile/open-profile.ts';
import type { Settings } from '../../../../../electron/shared/app-api/domain.ts';
import { EventLog, startApp, tempHome } from '../../../../helpers/app-fixture.ts';
import { tags } from '../../../../helpers/library-fixtures.ts';
import { queryPlan, statementsOf } from '../../../../helpers/query-plan.ts';

const ALBUMS = 800;
const TRACKS = 25;
const home = tempHome();
let app: AppService;

interface Expected {
  path: string;
  artist: string;
  album: string;
  albumSeq: number;
  disc: number;
  track: number;
  encoding: string;
  title: string;
  artists: string[];
}
const expected: Expected[] = [];

/** 800 albums of 25 tracks; some artists lower-case, some albums on two discs, album 0 in two encodings. */
function fillLibrary(): void {
  const db = openProfile(home);
  const index = new LibraryIndex(db);
  inTransaction(db, () => {
    for (let a = 0; a < ALBUMS; a++) {
      const artist = `${a % 3 === 0 ? 'artist' : 'Artist'} ${String((a * 37) % 97).padStart(2, '0')}`;
      const album = `Album ${String((a * 7919) % ALBUMS).padStart(3, '0')}`;
      const discs = a % 4 === 0 ? 2 : 1;
      for (let t = 0; t < TRACKS; t++) {
        const disc = discs === 2 && t >= 12 ? 2 : 1;
        const track = disc === 2 ? t - 11 : t + 1;
        const encodings = a === 0 ? ['mp3-v0', 'flac'] : ['flac'];
        for (const encoding of encodings) {
          const path = `${artist}/${album}/${disc}-${track} ${encoding}.x`;
          const artists = t === 3 ? [artist, 'Guest Star'] : [artist];
          index.add({
            store: 'http://store.test',
            path,
            encoding: encoding as 'flac',
            bytes: 1000 + t,
            sha256: 'b'.repeat(64),
            purchaseId: null,
            itemId: null,
            tags: tags({
              title: `Song ${t}`,
              artists,
              album,
              albumArtist: artist,
              discNumber: disc,
              discTotal: discs,
              trackNumber: track,
              storeIds: { trackId: a * 100 + t, albumId: a + 1, artistId: 1, orderId: 'ord_x' },
            }),
          });
          expected.push({
            path,
            artist,
            album,
            albumSeq: a,
            disc,
            track,
            encoding,
            title: `Song ${t}`,
            artists,
          });
        }
      }
    }
  });
  db.close();
}

const lower = (s: string) => s.toLowerCase();
function compare(x: Expected, y: Expected): number {
  const keys: [string | number, string | number][] = [
    [lower(x.artist), lower(y.artist)],
    [lower(x.album), lower(y.album)],
    [x.albumSeq, y.albumSeq],
    [x.disc, y.disc],
    [x.track, y.track],
    [x.encoding, y.encoding],
  ];
  for (const [a, b] of keys) if (a !== b) return a < b ? -1 : 1;
  return 0;
}

beforeAll(() => {
  fillLibrary();
  expected.sort(compare);
});
beforeAll(async () => {
  // A store that is never asked: everything here is local.
  app = await startApp(home, { kind: 'url', url: 'http://127.0.0.1:9' });
});
afterAll(async () => {
  await app?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('library views', () => {
  it('pages the track list in artist, album, disc, track order, with the total', async () => {
    const total = ALBUMS * TRACKS + TRACKS;
    for (const offset of [0, 7_777, total - 40]) {
      const page = await app.api['library.tracks']({ offset, limit: 100 });
      expect(page.total).toBe(total);
      expect(page.offset).toBe(offset);
      expect(page.rows.map((r) => r.path)).toEqual(expected.slice(offset, offset + 100).map((e) => e.path));
    }
    const row = (await app.api['library.tracks']({ offset: 0, limit: 1000 })).rows.find((r) =>
      r.title.endsWith(' 3'),
    )!;
    expect(row.artist).toMatch(/, Guest Star$/);
    expect(row).toMatchObject({ status: 'ok', encoding: expect.any(String), bytes: 1003 });
  });

  it('pages off the indexes: no sort of the whole library per page', () => {
    // How fast a page comes back is measured by `npm run bench:ui-scroll` (100k tracks); here, the
    // cause: the page's ids come from walking the covering indexes in order, stopping after
    // OFFSET + LIMIT rows, and no statement sorts in a temp b-tree.
    const db = openProfile(home);
    try {
      let page: ReturnType<typeof trackPage> | null = null;
      const statements = statementsOf(db, () => {
        page = trackPage(db, { offset: 10_000, limit: 100 });
      });
      expect(page!.rows.map((r) => r.path)).toEqual(expected.slice(10_000, 10_100).map((e) => e.path));
      const plans = statements.map((sql) => ({ sql, plan: queryPlan(db, sql) }));
      for (const { sql, plan } of plans) expect(plan.join('\n'), sql).not.toMatch(/TEMP B-TREE/);
      const ids = plans.find(({ sql }) => /^\s*SELECT f\.id FROM/.test(sql));
      expect(ids?.plan).toEqual([
        'SCAN a USING COVERING INDEX library_albums_by_artist',
        'SEARCH t USING COVERING INDEX library_tracks_by_album (album_id=?)',
        'SEARCH f USING COVERING INDEX library_files_by_track_encoding (track_id=?)',
      ]);
    } finally {
      db.close();
    }
  });

  it('filters the track list by title, artist or album, ignoring case', async () => {
    const q = 'album 07';
    const matching = expected.filter((e) =>
      [e.title, e.album, e.artist, ...e.artists].some((s) => lower(s).includes(q)),
    );
    const page = await app.api['library.tracks']({ q: 'ALBUM 07', offset: 0, limit: 1000 });
    expect(page.total).toBe(matching.length);
    expect(page.rows.map((r) => r.path)).toEqual(matching.slice(0, 1000).map((e) => e.path));
    expect((await app.api['library.tracks']({ q: '100%_', offset: 0, limit: 10 })).total).toBe(0);
  });

  it('lists album cards, sorted and filtered, and one album in full', async () => {
    const cards = await app.api['library.albums']({});
    expect(cards).toHaveLength(ALBUMS);
    const byArtist = cards.map((c) => lower(c.albumArtist));
    expect(byArtist).toEqual([...byArtist].sort());
    const byAlbum = (await app.api['library.albums']({ sort: 'album' })).map((c) => c.title);
    expect(byAlbum).toEqual([...byAlbum].sort());
    const first = cards.find((c) => c.encodings.length === 2)!;
    expect(first).toMatchObject({ trackCount: TRACKS, encodings: ['flac', 'mp3-v0'], problems: 0 });
    expect(first.bytes).toBe(2 * Array.from({ length: TRACKS }, (_, t) => 1000 + t).reduce((s, b) => s + b));
    const found = await app.api['library.albums']({ q: 'album 000' });
    expect(found.map((c) => c.title)).toEqual(['Album 000']);

    const album = await app.api['library.album']({ id: first.id });
    expect(album.tracks).toHaveLength(TRACKS);
    expect(album.tracks.every((t) => t.files.length === 2)).toBe(true);
  });

  it('refuses to open a folder without a desktop host', async () => {
    const [card] = await app.api['library.albums']({});
    await expect(app.api['library.openFolder']({ albumId: card!.id })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: 'opening folders is only available in the desktop app',
    });
  });
});

describe('settings and the rest that needs no store', () => {
  it('previews a path template on sample tracks and explains a bad one', async () => {
    const preview = await app.api['settings.previewPath']({
      template: '{albumartist}/<{year} - >{album} [{encoding}]/<{disc}->{track:02} {title}.{ext}',
    });
    expect(preview.examples).toHaveLength(3);
    expect(preview.examples[0]).toBe('The Quiet Orchard/2021 - Low Light [mp3-v0]/03 Lanterns.mp3');
    expect(preview.examples[1]).toBe('Mira Vale/2019 - Tidal Archive [mp3-v0]/2-07 Second Wind.mp3');
    // Slashes and colons from the tags never make folders or illegal names.
    const awkward = preview.examples[2]!.split('/');
    expect(awkward).toHaveLength(3);
    expect(awkward.join('')).not.toMatch(/[:?]/);
    expect(awkward[2]).toMatch(/^12 AC.DC. A Tribute. \(Live\)\.mp3$/);
    const featured = await app.api['settings.previewPath']({ template: '{artist} - {title}' });
    expect(featured.examples[2]).toMatch(/^Mira Vale, Jonas Ek - /);
    await expect(app.api['settings.previewPath']({ template: '{nope}/{title}' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/unknown field \{nope\}/),
    });
  });

  it('updates settings, announces them, and refuses bad values with INVALID_ARGUMENT', async () => {
    const log = new EventLog(app, ['settings']);
    const next = await app.api['settings.update']({ concurrency: 5, theme: 'dark' });
    expect(next).toMatchObject({ concurrency: 5, theme: 'dark' });
    expect(log.all('settings')).toEqual([{ settings: next as Settings }]);
    expect(await app.api['settings.get']({})).toEqual(next);
    await expect(app.api['settings.update']({ concurrency: 0 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(app.api['settings.update']({ pathTemplate: 'a/{bad' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(log.all('settings')).toHaveLength(1);
    log.stop();
  });

  it('answers without a session: no store calls for an empty search, NOT_LOGGED_IN for the account', async () => {
    expect(await app.api['app.info']({})).toMatchObject({ session: null, demoStoreUrl: null });
    expect(await app.api['store.search']({ q: '' })).toEqual({
      query: '',
      artists: { items: [], nextCursor: null },
      albums: { items: [], nextCursor: null },
      tracks: { items: [], nextCursor: null },
    });
    await expect(app.api['account.spend']({})).rejects.toMatchObject({ code: 'NOT_LOGGED_IN' });
    await expect(app.api['account.balance']({})).rejects.toMatchObject({ code: 'NOT_LOGGED_IN' });
    expect((await app.api['downloads.list']({})).groups).toEqual([]);
    expect(await app.cover('library', 1, 100)).toBeNull();
  });
});
