import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImportReport, scanMasters } from '../../../../../server/catalog/sources/index.ts';
import { TagReader } from '../../../../../server/catalog/sources/tag-reader.ts';
import { ffmpeg, metadataArgs, withTempDir, writeTone } from '../../../../helpers/audio-fixtures.ts';

const ALBUM_TAGS = {
  album_artist: 'Test Artist',
  album: 'Tagged Album',
  date: '2021-05-04',
  genre: 'Ambient; Test Genre',
  LABEL: 'Label X',
};

describe('scanMasters', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let library: string;
  let workDir: string;
  let coverBytes: Buffer;
  let report: ImportReport;

  beforeAll(async () => {
    ({ dir, cleanup } = await withTempDir('scan'));
    library = join(dir, 'library');
    workDir = join(dir, 'work');
    const tagged = join(library, 'Artist', 'Tagged Album');
    const loose = join(library, 'Loose Files');
    const junk = join(library, 'junk');
    await Promise.all([tagged, loose, junk].map((d) => mkdir(d, { recursive: true })));

    const art = join(dir, 'art.jpg');
    await ffmpeg(['-f', 'lavfi', '-i', 'testsrc=s=320x320', '-frames:v', '1', art]);
    coverBytes = await readFile(art);
    const flac = ['-sample_fmt', 's16'];
    await Promise.all([
      // Tagged album: track numbers out of file order, a second disc, a guest artist, ISRC, embedded art.
      (async () => {
        const plain = join(dir, 'plain.flac');
        await writeTone(plain, { seconds: 1.5, hz: 440, extra: flac });
        await ffmpeg([
          ...[
            '-i',
            plain,
            '-i',
            art,
            '-map',
            '0:a',
            '-map',
            '1:v',
            '-c',
            'copy',
            '-disposition:v',
            'attached_pic',
          ],
          ...metadataArgs({
            ...ALBUM_TAGS,
            title: 'Second Song',
            artist: 'Test Artist',
            track: '2/2',
            disc: '1/2',
          }),
          join(tagged, 'a.flac'),
        ]);
      })(),
      writeTone(join(tagged, 'b.flac'), {
        seconds: 1,
        hz: 550,
        extra: [
          ...flac,
          ...metadataArgs({
            ...ALBUM_TAGS,
            title: 'First Song',
            ARTISTS: 'Test Artist',
            track: '1',
            disc: '1',
            ISRC: 'qz-k6m-21-00001',
          }),
        ],
      }),
      writeTone(join(tagged, 'c.flac'), {
        seconds: 1,
        hz: 660,
        extra: [
          ...flac,
          ...metadataArgs({ ...ALBUM_TAGS, title: 'Encore', artist: 'Guest Star', track: '1', disc: '2' }),
        ],
      }),
      // Untagged WAVs: numbered by file order, titled by file name, album named after the folder.
      writeTone(join(loose, '10 - later.wav'), { seconds: 1, hz: 330 }),
      writeTone(join(loose, '9 - earlier.wav'), { seconds: 1, hz: 220, extra: ['-c:a', 'pcm_s24le'] }),
      copyFile(art, join(loose, 'Folder.JPG')),
      // Damage and noise.
      writeFile(join(junk, 'random.flac'), randomBytes(8192)),
      (async () => {
        const noisy = join(junk, 'truncated.flac');
        await ffmpeg([
          '-f',
          'lavfi',
          '-i',
          'anoisesrc=d=4:c=pink:a=0.3',
          '-ac',
          '2',
          '-sample_fmt',
          's16',
          noisy,
        ]);
        await truncate(noisy, Math.floor((await stat(noisy)).size / 2));
      })(),
      writeTone(join(junk, 'lossy.mp3'), { seconds: 1 }),
      writeFile(join(junk, 'notes.txt'), 'not audio'),
      writeFile(join(junk, '._shadow.flac'), randomBytes(64)),
    ]);
    report = await scanMasters(library, { workDir });
  });
  afterAll(() => cleanup());

  const album = (title: string) => report.albums.find((a) => a.title === title)!;

  it('groups tagged files into one album with tag numbers, date, genres and label', () => {
    expect(report.albums.map((a) => a.title).sort()).toEqual(['Loose Files', 'Tagged Album']);
    const a = album('Tagged Album');
    expect(a).toMatchObject({
      albumArtist: 'Test Artist',
      releaseDate: '2021-05-04',
      label: 'Label X',
      genres: ['Ambient', 'Test Genre'],
    });
    expect(a.tracks.map((t) => [t.discNumber, t.trackNumber, t.title])).toEqual([
      [1, 1, 'First Song'],
      [1, 2, 'Second Song'],
      [2, 1, 'Encore'],
    ]);
    expect(a.tracks.map((t) => t.artists)).toEqual([[], [], ['Guest Star']]);
    expect(a.tracks[0]!.isrc).toBe('QZK6M2100001');
    expect(a.tracks[1]!.master).toMatchObject({
      durationMs: 1500,
      sampleRate: 44100,
      channels: 2,
      bitsPerSample: 16,
    });
  });

  it('extracts the embedded cover into the work dir', async () => {
    const { coverPath } = album('Tagged Album');
    expect(coverPath?.startsWith(join(workDir, 'import-covers'))).toBe(true);
    expect(coverPath?.endsWith('.jpg')).toBe(true);
    expect(Buffer.compare(await readFile(coverPath!), coverBytes)).toBe(0);
  });

  it('falls back to file order, file names, folder name and a folder image for untagged files', () => {
    const a = album('Loose Files');
    expect(a.albumArtist).toBe('Unknown Artist');
    expect(a.coverPath).toBe(join(library, 'Loose Files', 'Folder.JPG'));
    // Numeric-aware file order: "9 - …" before "10 - …".
    expect(a.tracks.map((t) => [t.trackNumber, t.title])).toEqual([
      [1, '9 - earlier'],
      [2, '10 - later'],
    ]);
    expect(a.tracks[0]!.master.bitsPerSample).toBe(24);
    expect(a.releaseDate).toMatch(/^\d{4}$/);
  });

  it('measures track and album loudness', () => {
    for (const a of report.albums) {
      expect(a.albumLoudness?.peak).toBeGreaterThan(0.05);
      // -20 dBFS tones: about +2 dB of gain, a little more for the low ones K-weighting attenuates.
      for (const t of a.tracks) {
        expect(t.loudness?.gainDb).toBeGreaterThan(1);
        expect(t.loudness?.gainDb).toBeLessThan(3.5);
      }
    }
  });

  it('reports corrupt and truncated masters, and silently ignores other files', () => {
    const skipped = report.skipped.map((s) => ({ file: s.path.slice(library.length + 1), reason: s.reason }));
    expect(skipped.map((s) => s.file)).toEqual(['junk/random.flac', 'junk/truncated.flac']);
    expect(skipped[0]!.reason.length).toBeGreaterThan(5);
    expect(skipped[1]!.reason).toMatch(/truncated/);
  });

  it('rejects a folder that does not exist', async () => {
    await expect(scanMasters(join(dir, 'missing'))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('TagReader', () => {
  it('times out a parse, then keeps working with a fresh worker', async () => {
    const { dir, cleanup } = await withTempDir('tags');
    try {
      const path = join(dir, 't.flac');
      await writeTone(path, { seconds: 0.5, extra: metadataArgs({ title: 'Hello' }) });
      const impatient = new TagReader(1);
      await expect(impatient.read(path)).rejects.toThrow(/timed out after 1 ms/);
      await impatient.close();
      const reader = new TagReader(10_000);
      const [first, second] = await Promise.all([reader.read(path), reader.read(path)]);
      expect(first.title).toBe('Hello');
      expect(second.title).toBe('Hello');
      await expect(reader.read(join(dir, 'missing.flac'))).rejects.toThrow(/ENOENT|no such file/);
      expect((await reader.read(path)).title).toBe('Hello');
      await reader.close();
    } finally {
      await cleanup();
    }
  });
});
