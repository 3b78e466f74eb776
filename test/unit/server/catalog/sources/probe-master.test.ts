import { randomBytes } from 'node:crypto';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMaster } from '../../../../../server/catalog/sources/index.ts';
import { ffmpeg, withTempDir, writeTone } from '../../../../helpers/audio-fixtures.ts';

describe('probeMaster', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await withTempDir('probe'));
    await Promise.all([
      writeTone(join(dir, 'cd.flac'), { seconds: 2.5, extra: ['-sample_fmt', 's16'] }),
      writeTone(join(dir, 'hires.wav'), {
        seconds: 1.25,
        rate: 48000,
        channels: 1,
        extra: ['-c:a', 'pcm_s24le'],
      }),
      writeTone(join(dir, 'hires.flac'), {
        seconds: 1,
        rate: 96000,
        extra: ['-c:a', 'flac', '-sample_fmt', 's32'],
      }),
      writeTone(join(dir, 'lossy.mp3'), { seconds: 1 }),
      writeFile(join(dir, 'random.flac'), randomBytes(4096)),
      ffmpeg(['-f', 'lavfi', '-i', 'testsrc=s=64x64:d=1', join(dir, 'video-only.mkv')]),
    ]);
  });
  afterAll(() => cleanup());

  it('reads duration, rate, channels, depth and size of a 16-bit FLAC', async () => {
    const path = join(dir, 'cd.flac');
    const info = await probeMaster(path);
    expect(info).toEqual({
      path,
      durationMs: 2500,
      sampleRate: 44100,
      channels: 2,
      bitsPerSample: 16,
      bytes: (await stat(path)).size,
    });
  });

  it('reads 24-bit depth from WAV and FLAC masters', async () => {
    expect(await probeMaster(join(dir, 'hires.wav'))).toMatchObject({
      durationMs: 1250,
      sampleRate: 48000,
      channels: 1,
      bitsPerSample: 24,
    });
    expect(await probeMaster(join(dir, 'hires.flac'))).toMatchObject({
      sampleRate: 96000,
      bitsPerSample: 24,
    });
  });

  it('rejects random bytes named .flac with BAD_REQUEST', async () => {
    await expect(probeMaster(join(dir, 'random.flac'))).rejects.toMatchObject({
      name: 'StoreError',
      code: 'BAD_REQUEST',
    });
  });

  it('rejects lossy audio, files without audio, and missing files', async () => {
    await expect(probeMaster(join(dir, 'lossy.mp3'))).rejects.toThrow(/mp3 is not lossless/);
    await expect(probeMaster(join(dir, 'video-only.mkv'))).rejects.toThrow(/no audio stream/);
    await expect(probeMaster(join(dir, 'missing.flac'))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(probeMaster(dir)).rejects.toThrow(/not a regular file/);
  });
});
