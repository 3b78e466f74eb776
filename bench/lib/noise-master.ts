// Synthesizes a white-noise lossless master with ffmpeg: two independently seeded channels (so FLAC's
// stereo decorrelation finds nothing), which FLAC cannot compress, so the file is about PCM-sized.
// Meant for download benchmarks that need big files, not for encoder benchmarks.
import { renameSync, statSync } from 'node:fs';
import type { MasterInfo } from '../../server/catalog/sources/types.ts';
import { run } from './harness.ts';

export interface NoiseSpec {
  seconds: number;
  sampleRate: number;
  bitsPerSample: 16 | 24;
  /** Different seeds give different bytes (and so different files in the store's cache). */
  seed: number;
}

/** Writes a stereo FLAC (compression level 0: the master only has to exist, quickly). */
export async function makeNoiseMaster(path: string, spec: NoiseSpec): Promise<MasterInfo> {
  const noise = (seed: number) =>
    `anoisesrc=color=white:amplitude=0.9:seed=${seed}:r=${spec.sampleRate}:d=${spec.seconds}`;
  const partial = `${path}.partial.flac`;
  await run('ffmpeg', [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    noise(spec.seed * 2 + 1),
    '-f',
    'lavfi',
    '-i',
    noise(spec.seed * 2 + 2),
    '-filter_complex',
    '[0][1]amerge=inputs=2[out]',
    '-map',
    '[out]',
    '-ar',
    String(spec.sampleRate),
    ...(spec.bitsPerSample === 24
      ? ['-sample_fmt', 's32', '-bits_per_raw_sample', '24']
      : ['-sample_fmt', 's16']),
    '-c:a',
    'flac',
    '-compression_level',
    '0',
    '-y',
    partial,
  ]);
  renameSync(partial, path);
  return {
    path,
    bytes: statSync(path).size,
    durationMs: spec.seconds * 1000,
    sampleRate: spec.sampleRate,
    channels: 2,
    bitsPerSample: spec.bitsPerSample,
  };
}
