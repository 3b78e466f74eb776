import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureAlbumLoudness, measureTrackLoudness } from '../../../../../server/catalog/sources/index.ts';
import { parseEbur128Summary } from '../../../../../server/catalog/sources/loudness.ts';
import { withTempDir, writeTone } from '../../../../helpers/audio-fixtures.ts';

describe('ReplayGain loudness', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await withTempDir('loudness'));
    await Promise.all([
      writeTone(join(dir, 'minus20.flac'), { dbfs: -20, seconds: 4 }),
      writeTone(join(dir, 'minus30.flac'), { dbfs: -30, seconds: 4 }),
      writeTone(join(dir, 'silence.wav'), { dbfs: -200, seconds: 2 }),
    ]);
  });
  afterAll(() => cleanup());

  it('measures a -20 dBFS stereo 1 kHz sine at about -20 LUFS (gain +2 dB) with peak 0.1', async () => {
    const { gainDb, peak } = await measureTrackLoudness(join(dir, 'minus20.flac'));
    // A full-scale 1 kHz sine in both channels reads 0 LUFS, so -20 dBFS is -20 LUFS: gain = -18 - (-20).
    expect(gainDb).toBeGreaterThan(1.5);
    expect(gainDb).toBeLessThan(2.5);
    expect(peak).toBeGreaterThan(0.098);
    expect(peak).toBeLessThan(0.102);
  });

  it('reports a 10 dB quieter track as needing 10 dB more gain', async () => {
    const [loud, quiet] = await Promise.all([
      measureTrackLoudness(join(dir, 'minus20.flac')),
      measureTrackLoudness(join(dir, 'minus30.flac')),
    ]);
    expect(quiet.gainDb - loud.gainDb).toBeCloseTo(10, 0);
    expect(quiet.peak).toBeCloseTo(0.0316, 3);
  });

  it('puts album gain between the tracks and takes the max peak', async () => {
    const paths = [join(dir, 'minus20.flac'), join(dir, 'minus30.flac')];
    const [a, b] = await Promise.all(paths.map((p) => measureTrackLoudness(p)));
    const album = await measureAlbumLoudness(paths);
    expect(album.gainDb).toBeGreaterThan(Math.min(a!.gainDb, b!.gainDb));
    expect(album.gainDb).toBeLessThan(Math.max(a!.gainDb, b!.gainDb));
    // Energy dominates: the album sits much closer to the loud track than to the average of the two.
    expect(album.gainDb).toBeLessThan((a!.gainDb + b!.gainDb) / 2);
    expect(album.peak).toBeCloseTo(Math.max(a!.peak, b!.peak), 5);
  });

  it('caps the gain for silence instead of asking for +52 dB', async () => {
    const { gainDb, peak } = await measureTrackLoudness(join(dir, 'silence.wav'));
    expect(gainDb).toBe(24);
    expect(peak).toBeLessThan(1e-6);
  });

  it('rejects missing files and empty albums', async () => {
    await expect(measureTrackLoudness(join(dir, 'nope.flac'))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(measureAlbumLoudness([])).rejects.toThrow(/at least one/);
  });

  it('parses the ebur128 summary, including -inf peaks', () => {
    const log = `[Parsed_ebur128_0 @ 0x1] Summary:\n\n  Integrated loudness:\n    I:         -70.0 LUFS\n    Threshold:   0.0 LUFS\n\n  Sample peak:\n    Peak:       -inf dBFS\n`;
    expect(parseEbur128Summary(log)).toEqual({ gainDb: 24, peak: 0 });
    const loud = log.replace('-70.0 LUFS', '-9.5 LUFS').replace('-inf dBFS', '-0.5 dBFS');
    expect(parseEbur128Summary(loud)).toEqual({ gainDb: -8.5, peak: 0.944061 });
    expect(() => parseEbur128Summary('no summary here')).toThrow(/summary not found/);
  });
});
