import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addFile, type Sandbox, sandbox, sha256, tags } from '../../../../helpers/library-fixtures.ts';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const album =
  (albumId: number, patch: Parameters<typeof tags>[0] = {}) =>
  (trackId: number, n: number) =>
    tags({
      ...patch,
      title: `T${n}`,
      trackNumber: n,
      storeIds: { trackId, albumId, artistId: 1, orderId: 'ord_1234567890' },
    });

describe('LibraryIndex', () => {
  it('groups files into tracks and albums, several encodings side by side', () => {
    const a = album(10, { album: 'Blue', albumArtist: 'Zed', year: 2001 });
    addFile(box, 'Zed/Blue [flac]/02 T2.flac', 'b-flac', a(102, 2), 'flac');
    addFile(box, 'Zed/Blue [flac]/01 T1.flac', 'a-flac', a(101, 1), 'flac');
    addFile(box, 'Zed/Blue [mp3-v0]/01 T1.mp3', 'a-mp3', a(101, 1), 'mp3-v0');
    const b = album(20, { album: 'Red', albumArtist: 'Amy', year: 1990 });
    addFile(box, 'Amy/Red/01 T1.flac', 'red', b(201, 1));

    const list = box.index.list();
    expect(list.map((x) => x.title)).toEqual(['Red', 'Blue']);
    const blue = list[1]!;
    expect(blue).toMatchObject({
      albumArtist: 'Zed',
      year: 2001,
      storeAlbumId: 10,
      encodings: ['flac', 'mp3-v0'],
    });
    expect(blue.tracks.map((t) => [t.trackNumber, t.files.map((f) => f.encoding)])).toEqual([
      [1, ['flac', 'mp3-v0']],
      [2, ['flac']],
    ]);
    const file = blue.tracks[0]!.files[0]!;
    expect(file).toMatchObject({
      path: 'Zed/Blue [flac]/01 T1.flac',
      bytes: 6,
      sha256: sha256('a-flac'),
      purchaseId: 1,
      orderId: 'ord_1234567890',
      itemId: 'itm_Zed/Blue [flac]/01 T1.flac',
      storeTrackId: 101,
      status: 'ok',
    });
    expect(file.tags.title).toBe('T1');
    expect(new Date(file.addedAt).getTime()).toBeGreaterThan(0);
  });

  it('sorts albums by artist, title, year or date added, either way', () => {
    // All three are added in the same instant: the tie on added_at is deliberate.
    const now = '2026-01-02T03:04:05.678Z';
    addFile(box, 'b.flac', 'b', album(2, { album: 'B', albumArtist: 'x', year: 2000 })(2, 1), 'flac', now);
    addFile(box, 'a.flac', 'a', album(1, { album: 'A', albumArtist: 'y', year: 1990 })(1, 1), 'flac', now);
    addFile(box, 'c.flac', 'c', album(3, { album: 'C', albumArtist: 'X', year: null })(3, 1), 'flac', now);
    const titles = (sort: 'artist' | 'album' | 'year' | 'added', descending = false) =>
      box.index.list({ sort, descending }).map((x) => x.title);
    expect(titles('artist')).toEqual(['C', 'B', 'A']);
    expect(titles('album')).toEqual(['A', 'B', 'C']);
    expect(titles('album', true)).toEqual(['C', 'B', 'A']);
    expect(titles('year')).toEqual(['A', 'B', 'C']);
    // No year goes last either way.
    expect(titles('year', true)).toEqual(['B', 'A', 'C']);
    expect(titles('added')).toEqual(['B', 'A', 'C']);
    expect(titles('added', true)).toEqual(['C', 'A', 'B']);
  });

  it('breaks every tie on the album id, in the chosen direction, so descending is ascending reversed', () => {
    // Four albums equal in every sort key but the id: only the tie-break can order them.
    const now = '2026-01-02T03:04:05.678Z';
    for (const id of [40, 10, 30, 20]) {
      addFile(
        box,
        `${id}.flac`,
        `${id}`,
        album(id, { album: 'Same', albumArtist: 'Same', year: 2000 })(id, 1),
        'flac',
        now,
      );
    }
    const storeIds = (sort: 'artist' | 'album' | 'year' | 'added', descending: boolean) =>
      box.index.list({ sort, descending }).map((x) => x.storeAlbumId);
    for (const sort of ['artist', 'album', 'year', 'added'] as const) {
      // Index ids follow insertion order: 40, 10, 30, 20.
      expect(storeIds(sort, false)).toEqual([40, 10, 30, 20]);
      expect(storeIds(sort, true)).toEqual([20, 30, 10, 40]);
    }
  });

  it('finds files by hash and by path, ignoring case', () => {
    const one = addFile(box, 'A/one.flac', 'same bytes', album(1)(1, 1));
    const two = addFile(box, 'B/two.flac', 'same bytes', album(2)(2, 1));
    expect(box.index.byHash(sha256('same bytes')).map((f) => f.id)).toEqual([one.id, two.id]);
    expect(box.index.byHash(sha256('other'))).toEqual([]);
    expect(box.index.byPath('a/ONE.flac')?.id).toBe(one.id);
  });

  it('replaces the entry at a path that is added again', () => {
    addFile(box, 'A/x.flac', 'old', album(1)(1, 1));
    const again = addFile(box, 'a/X.flac', 'new', album(1)(2, 2));
    expect(box.index.files()).toHaveLength(1);
    expect(again).toMatchObject({ path: 'a/X.flac', sha256: sha256('new'), storeTrackId: 2 });
    // The old track has no file left, so it is gone from the listing.
    expect(box.index.list()[0]!.tracks.map((t) => t.storeTrackId)).toEqual([2]);
  });

  it('removes files, then empty tracks and albums; marks files missing', () => {
    const a = addFile(box, 'A/1.flac', '1', album(1)(1, 1));
    const b = addFile(box, 'A/2.flac', '2', album(1)(2, 2));
    box.index.markMissing(b.id);
    expect(box.index.get(b.id)?.status).toBe('missing');
    box.index.remove(a.id);
    expect(box.index.list()[0]!.tracks).toHaveLength(1);
    box.index.remove(b.id);
    expect(box.index.list()).toEqual([]);
    expect(box.db.prepare('SELECT count(*) AS n FROM library_tracks').get()).toEqual({ n: 0 });
  });

  it('refuses bad entries and a move onto another file', () => {
    const t = album(1)(1, 1);
    const base = {
      store: 's',
      encoding: 'flac' as const,
      bytes: 1,
      sha256: sha256('x'),
      purchaseId: null,
      itemId: null,
      tags: t,
    };
    expect(() => box.index.add({ ...base, path: '../x.flac' })).toThrow(/plain file or folder name/);
    expect(() => box.index.add({ ...base, path: '/abs.flac' })).toThrow(/plain file or folder name/);
    expect(() => box.index.add({ ...base, path: 'x.flac', sha256: 'nope' })).toThrow(/sha256/);
    expect(() => box.index.add({ ...base, path: 'x.flac', encoding: 'wav' as never })).toThrow(/encoding/);
    const a = addFile(box, 'a.flac', 'a', t);
    addFile(box, 'b.flac', 'b', album(1)(2, 2));
    expect(() => box.index.setPath(a.id, 'B.flac')).toThrow(
      expect.objectContaining({ code: 'INVALID_STATE' }),
    );
    expect(box.index.get(a.id)?.path).toBe('a.flac');
  });
});
