import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFile } from 'music-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DemoDefinition,
  loadDemoDefinition,
  parseDemoDefinition,
  probeMaster,
  type ResolvedDemoDefinition,
  scanMasters,
  synthesizeDemoCatalog,
} from '../../../../../server/catalog/sources/index.ts';
import type { AlbumInput } from '../../../../../server/catalog/sources/types.ts';
import { audioMd5, ffprobeStreams, withTempDir } from '../../../../helpers/audio-fixtures.ts';
import { cp1251Bytes } from '../../../../helpers/legacy-id3.ts';

const SCALE = 0.05;

describe('demo catalog synthesis', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let definition: ResolvedDemoDefinition;
  let albums: AlbumInput[];
  const progress: string[] = [];

  beforeAll(async () => {
    ({ dir, cleanup } = await withTempDir('demo'));
    definition = await loadDemoDefinition();
    albums = await synthesizeDemoCatalog(definition, dir, {
      durationScale: SCALE,
      onProgress: (msg) => progress.push(msg),
    });
  });
  afterAll(() => cleanup());

  const tracks = () => albums.flatMap((a) => a.tracks);

  it('has the shape the store front needs: artists, albums, enough tracks', () => {
    expect(definition.artists.length).toBeGreaterThanOrEqual(3);
    expect(albums.length).toBeGreaterThanOrEqual(4);
    expect(tracks().length).toBeGreaterThanOrEqual(14);
    expect(new Set(albums.map((a) => a.albumArtist)).size).toBeGreaterThanOrEqual(3);
    expect(progress.some((m) => m.startsWith('track:'))).toBe(true);
  });

  it('renders FLAC masters of the scaled length (WAV for the legacy ID3v2.3 tracks)', async () => {
    const expected = definition.albums.flatMap((a) =>
      a.discs.flatMap((d) => d.tracks.map((t) => Math.max(1000, Math.round(t.seconds * SCALE * 1000)))),
    );
    expect(tracks().map((t) => t.master.durationMs)).toEqual(expected);
    const formats = definition.albums.flatMap((a) =>
      a.discs.flatMap((d) =>
        d.tracks.map((t) => (a.legacyTags && (t.legacyTag ?? 'id3v2.3') === 'id3v2.3' ? '.wav' : '.flac')),
      ),
    );
    expect(formats.filter((f) => f === '.wav')).toHaveLength(2);
    expect(tracks().map((t) => t.master.path.slice(-5).replace(/^\w/, ''))).toEqual(formats);
    for (const track of tracks()) {
      expect(track.master.channels).toBe(2);
      // The probe in the result must describe the file on disk, not the plan.
      expect(await probeMaster(track.master.path)).toEqual(track.master);
    }
    const rates = new Set(tracks().map((t) => `${t.master.sampleRate}/${t.master.bitsPerSample}`));
    expect(rates).toEqual(new Set(['44100/16', '48000/24']));
  });

  it('makes every track distinct and audible, with loudness for tracks and albums', async () => {
    const hashes = await Promise.all(tracks().map((t) => audioMd5(t.master.path)));
    expect(new Set(hashes).size).toBe(hashes.length);
    for (const track of tracks()) {
      expect(track.loudness).toBeDefined();
      // Gain below +20 dB means louder than -38 LUFS: not silence, not a broken render.
      expect(track.loudness!.gainDb).toBeLessThan(20);
      expect(track.loudness!.peak).toBeGreaterThan(0.05);
      expect(track.loudness!.peak).toBeLessThanOrEqual(1);
    }
    const trackGains = new Set(tracks().map((t) => t.loudness!.gainDb));
    expect(trackGains.size).toBeGreaterThan(5);
    for (const album of albums) {
      const gains = album.tracks.map((t) => t.loudness!.gainDb);
      expect(album.albumLoudness!.gainDb).toBeGreaterThanOrEqual(Math.min(...gains) - 0.5);
      expect(album.albumLoudness!.gainDb).toBeLessThanOrEqual(Math.max(...gains) + 0.5);
      expect(album.albumLoudness!.peak).toBeCloseTo(
        Math.max(...album.tracks.map((t) => t.loudness!.peak)),
        4,
      );
    }
  });

  it('draws a distinct 1400x1400 JPEG cover per album', async () => {
    const digests = new Set<string>();
    for (const album of albums) {
      expect(album.coverPath).toBeDefined();
      const [stream] = await ffprobeStreams(album.coverPath!);
      expect(stream).toMatchObject({ codec_name: 'mjpeg', width: 1400, height: 1400 });
      digests.add(
        createHash('sha256')
          .update(await readFile(album.coverPath!))
          .digest('hex'),
      );
      expect((await stat(album.coverPath!)).size).toBeGreaterThan(20_000);
    }
    expect(digests.size).toBe(albums.length);
  });

  it('carries the catalog metadata: discs, guests, ISRCs, dates, labels, genres, sales, Unicode', () => {
    const multiDisc = albums.find((a) => a.tracks.some((t) => t.discNumber === 2));
    expect(multiDisc?.tracks.filter((t) => t.discNumber === 1).map((t) => t.trackNumber)).toEqual([1, 2, 3]);
    const featured = tracks().find((t) => t.artists.length >= 2);
    expect(featured?.artists).toEqual(['Café Lumière', 'Ångström Fields']);
    expect(tracks().filter((t) => t.isrc).length).toBeGreaterThanOrEqual(3);
    expect(albums.map((a) => a.albumArtist)).toContain('Ångström Fields');
    const years = albums.map((a) => Number(a.releaseDate.slice(0, 4)));
    expect(Math.max(...years) - Math.min(...years)).toBeGreaterThanOrEqual(5);
    expect(albums.every((a) => a.label && a.genres.length > 0)).toBe(true);
    const genres = new Set(albums.flatMap((a) => a.genres));
    for (const g of ['Ambient', 'Electronic', 'Chiptune', 'Drone', 'Noise']) expect(genres).toContain(g);
    const sales = albums.map((a) => a.initialSales);
    expect(new Set(sales).size).toBe(albums.length);
  });

  describe('the album an old tagger tagged in Windows-1251', () => {
    const TITLES = ['Жёлтые фонари', 'Вьюга', 'Последний трамвай'];
    const legacy = () => albums.find((a) => a.upc === '840211000075')!;
    /** What a reader that takes ISO-8859-1 at its word makes of Windows-1251 bytes. */
    const mojibake = (text: string) => cp1251Bytes(text).toString('latin1');

    it('is defined as such and reads back as Unicode Cyrillic, ё and all', () => {
      const def = definition.albums.find((a) => a.legacyTags === 'cp1251');
      expect(def?.upc).toBe('840211000075');
      expect(legacy()).toMatchObject({
        title: 'Ночной троллейбус',
        albumArtist: 'Фёдор Щукин',
        releaseDate: '1998',
        label: 'Подъём Рекордс',
        genres: ['Синти-поп', 'Электроника'],
        initialSales: 220,
      });
      expect(legacy().tracks.map((t) => [t.trackNumber, t.title, t.artists, t.isrc])).toEqual([
        [1, TITLES[0], [], 'QZK6M9800001'],
        [2, TITLES[1], [], undefined],
        [3, TITLES[2], [], undefined],
      ]);
      expect(legacy().coverPath).toMatch(/cover\.jpg$/);
      expect(legacy().albumLoudness).toBeDefined();
      for (const t of legacy().tracks) expect(t.loudness).toBeDefined();
    });

    it('has masters whose tags hold Windows-1251 bytes, which a plain tag reader shows as mojibake', async () => {
      const [first, second, third] = legacy().tracks.map((t) => t.master.path);
      const wavs: [string, string][] = [
        [first!, TITLES[0]!],
        [second!, TITLES[1]!],
      ];
      for (const [path, title] of wavs) {
        const wav = await readFile(path);
        // ID3v2.3 in the WAV's `id3 ` chunk, its title frame marked ISO-8859-1 (0x00).
        const chunk = wav.indexOf('id3 ', 12, 'latin1');
        expect(chunk, path).toBeGreaterThan(0);
        expect(wav.subarray(chunk + 8, chunk + 12).toString('latin1')).toBe('ID3\x03');
        const frame = wav.indexOf('TIT2', chunk, 'latin1');
        const body = Buffer.concat([Buffer.from([0]), cp1251Bytes(title)]);
        expect(wav.readUInt32BE(frame + 4)).toBe(body.length);
        expect(wav.subarray(frame + 10, frame + 10 + body.length)).toEqual(body);
        expect(wav.includes(Buffer.from(title, 'utf8'))).toBe(false);
        expect(wav.includes(Buffer.from(title, 'utf16le'))).toBe(false);
        const { common, native } = await parseFile(path, { duration: false });
        expect(Object.keys(native)).toEqual(['ID3v2.3']);
        expect([common.title, common.artist, common.album]).toEqual(
          [title, 'Фёдор Щукин', 'Ночной троллейбус'].map(mojibake),
        );
      }
      // Track 3: FLAC audio with only an ID3v1 tag appended, no Vorbis comment.
      const flac = await readFile(third!);
      expect(flac.subarray(0, 4).toString('latin1')).toBe('fLaC');
      const v1 = flac.subarray(-128);
      expect(v1.subarray(0, 3).toString('latin1')).toBe('TAG');
      const field = (offset: number) =>
        v1.subarray(offset, offset + 30).subarray(0, v1.indexOf(0, offset) - offset);
      expect(field(3)).toEqual(cp1251Bytes(TITLES[2]!));
      expect(field(33)).toEqual(cp1251Bytes('Фёдор Щукин'));
      expect(field(63)).toEqual(cp1251Bytes('Ночной троллейбус'));
      expect(v1[126]).toBe(3);
      const { common, native } = await parseFile(third!, { duration: false });
      expect(Object.keys(native)).toEqual(['ID3v1']);
      expect(common.title).toBe(mojibake(TITLES[2]!));
    });
  });

  it('writes tags that a folder import reads back into the same albums', async () => {
    const report = await scanMasters(dir, { measureLoudness: false, workDir: join(dir, 'work') });
    expect(report.skipped).toEqual([]);
    const summary = (list: AlbumInput[]) =>
      list
        .map((a) => ({
          title: a.title,
          albumArtist: a.albumArtist,
          releaseDate: a.releaseDate,
          label: a.label,
          genres: a.genres,
          coverPath: a.coverPath,
          tracks: a.tracks.map((t) => [t.discNumber, t.trackNumber, t.title, t.isrc, t.master.path]),
        }))
        .sort((x, y) => x.title.localeCompare(y.title));
    expect(summary(report.albums)).toEqual(summary(albums));
  });
});

describe('demo definition validation', () => {
  const minimal = (): DemoDefinition => ({
    artists: [{ id: 'a', name: 'A' }],
    albums: [
      {
        id: 'x',
        title: 'X',
        artist: 'a',
        releaseDate: '2020-01-02',
        genres: ['Test'],
        cover: { pattern: 'gradients', colors: ['#000000', '#ffffff'] },
        discs: [{ tracks: [{ title: 'T', seconds: 2, layers: [{ type: 'chord', notes: ['A4'] }] }] }],
      },
    ],
  });

  it('fills defaults for a minimal definition', () => {
    const def = parseDemoDefinition(minimal());
    const album = def.albums[0]!;
    expect(album.sampleRate).toBe(44100);
    expect(album.bitsPerSample).toBe(16);
    expect(album.discs[0]!.tracks[0]!.layers[0]).toMatchObject({ gainDb: 0, detuneHz: 0.6 });
  });

  it('lists every problem: unknown artists, bad notes, unknown generators, typos', () => {
    const def = minimal() as unknown as { albums: Record<string, unknown>[] };
    const album = def.albums[0]!;
    album.artist = 'ghost';
    album.colour = 'red';
    album.discs = [
      {
        tracks: [
          { title: 'T', seconds: 2, layers: [{ type: 'chord', notes: ['H9'] }] },
          { title: 'U', seconds: 2, layers: [{ type: 'theremin' }] },
        ],
      },
    ];
    let message = '';
    try {
      parseDemoDefinition(def);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/notes/);
    expect(message).toMatch(/type/);
    expect(message).toMatch(/colour/);
  });

  it('reports unknown artist ids', () => {
    const def = minimal();
    def.albums[0]!.artist = 'ghost';
    expect(() => parseDemoDefinition(def)).toThrow(/unknown artist id ghost/);
  });

  it('refuses legacy-tagged albums that their tags could not carry', () => {
    const problems = (edit: (album: DemoDefinition['albums'][number]) => void) => {
      const def = minimal();
      def.albums[0]!.legacyTags = 'cp1251';
      def.albums[0]!.releaseDate = '1999';
      edit(def.albums[0]!);
      try {
        parseDemoDefinition(def);
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    };
    expect(problems(() => {})).toBe('');
    expect(problems((a) => (a.releaseDate = '1999-03-01'))).toMatch(/release year only/);
    expect(problems((a) => (a.title = 'Ωμέγα'))).toMatch(/"Ωμέγα" cannot be written in Windows-1251/);
    expect(
      problems((a) => {
        const track = a.discs[0]!.tracks[0]!;
        a.discs[0]!.tracks.push({
          ...track,
          legacyTag: 'id3v1',
          title: 'Очень длинное название песни, не влезет',
        });
      }),
    ).toMatch(/longer than an ID3v1 field/);
    expect(problems((a) => (a.discs[0]!.tracks[0]!.legacyTag = 'id3v1'))).toMatch(/needs an id3v2.3 track/);
    const plain = minimal();
    plain.albums[0]!.discs[0]!.tracks[0]!.legacyTag = 'id3v1';
    expect(() => parseDemoDefinition(plain)).toThrow(
      /legacyTag is only for tracks of an album with legacyTags/,
    );
  });

  it('rejects a non-positive duration scale', async () => {
    await expect(synthesizeDemoCatalog(minimal(), '/nonexistent', { durationScale: 0 })).rejects.toThrow(
      /durationScale/,
    );
  });
});
