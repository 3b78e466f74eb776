import { describe, expect, it } from 'vitest';
import {
  groupAlbums,
  type ImportedFile,
  normalizeIsrc,
  normalizeReleaseDate,
} from '../../../../../server/catalog/sources/group-albums.ts';

function file(path: string, tags: Partial<ImportedFile['tags']> = {}): ImportedFile {
  return {
    path,
    tags: { artists: [], genres: [], ...tags },
    master: { path, durationMs: 1000, sampleRate: 44100, channels: 2, bitsPerSample: 16, bytes: 100 },
    mtime: new Date('2015-06-01T00:00:00Z'),
  };
}

describe('groupAlbums', () => {
  it('groups by album artist (falling back to artist) and album, case-insensitively', () => {
    const albums = groupAlbums([
      file('/m/1.flac', { albumArtist: 'Band', album: 'Record', artist: 'Someone Else' }),
      file('/m/2.flac', { artist: 'band', album: 'RECORD' }),
      file('/m/3.flac', { artist: 'Band', album: 'Other Record' }),
      file('/m/4.flac', { artist: 'Other Band', album: 'Record' }),
    ]);
    expect(albums.map((a) => [a.albumArtist, a.title, a.tracks.length])).toEqual([
      ['Band', 'Other Record', 1],
      ['Band', 'Record', 2],
      ['Other Band', 'Record', 1],
    ]);
  });

  it('keeps tagged numbers and gives untagged or clashing tracks the next free number in file order', () => {
    const [album] = groupAlbums([
      file('/m/x/a.flac', { album: 'A', trackNo: 3 }),
      file('/m/x/b.flac', { album: 'A' }),
      file('/m/x/c.flac', { album: 'A', trackNo: 1 }),
      file('/m/x/d.flac', { album: 'A', trackNo: 3 }),
      file('/m/x/e.flac', { album: 'A', trackNo: 1, discNo: 2 }),
    ]);
    expect(album!.tracks.map((t) => [t.discNumber, t.trackNumber, t.title])).toEqual([
      [1, 1, 'c'],
      [1, 3, 'a'],
      [1, 4, 'd'],
      [1, 5, 'b'],
      [2, 1, 'e'],
    ]);
  });

  it('prefers a full date, merges genres split on semicolons, and takes the first label and cover', () => {
    const [album] = groupAlbums([
      { ...file('/m/1.flac', { album: 'A', year: 2019, genres: ['Rock; Pop'] }), coverPath: '/m/cover.jpg' },
      file('/m/2.flac', { album: 'A', date: '2019-03-04T00:00:00', genres: ['pop', 'Jazz'], label: ' Lbl ' }),
    ]);
    expect(album).toMatchObject({
      releaseDate: '2019-03-04',
      genres: ['Rock', 'Pop', 'Jazz'],
      label: 'Lbl',
      coverPath: '/m/cover.jpg',
    });
  });

  it('falls back to the folder name, Unknown Artist and the file year when tags are missing', () => {
    const [album] = groupAlbums([file('/music/Some Folder/01 Intro.wav')]);
    expect(album).toMatchObject({ title: 'Some Folder', albumArtist: 'Unknown Artist', releaseDate: '2015' });
    expect(album!.tracks[0]!.title).toBe('01 Intro');
  });

  it('lists track artists only when they differ from the album artist', () => {
    const [album] = groupAlbums([
      file('/m/1.flac', { album: 'A', albumArtist: 'Main', artists: ['Main'] }),
      file('/m/2.flac', { album: 'A', albumArtist: 'Main', artists: ['Main', 'Guest', 'Guest'] }),
    ]);
    expect(album!.tracks.map((t) => t.artists)).toEqual([[], ['Main', 'Guest']]);
  });
});

describe('tag normalization', () => {
  it('normalizes release dates to YYYY-MM-DD or YYYY', () => {
    expect(normalizeReleaseDate('2020-01-31', undefined)).toBe('2020-01-31');
    expect(normalizeReleaseDate('2020/01/31', undefined)).toBe('2020-01-31');
    expect(normalizeReleaseDate('2020-01', undefined)).toBe('2020');
    expect(normalizeReleaseDate(undefined, 1999)).toBe('1999');
    expect(normalizeReleaseDate('someday', undefined)).toBeUndefined();
  });

  it('accepts ISRCs with dashes or lowercase and drops malformed ones', () => {
    expect(normalizeIsrc('us-rc1-76-07839')).toBe('USRC17607839');
    expect(normalizeIsrc('USRC17607839')).toBe('USRC17607839');
    expect(normalizeIsrc('USRC1760783')).toBeUndefined();
    expect(normalizeIsrc(undefined)).toBeUndefined();
  });
});
