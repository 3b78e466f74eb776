// How each store encoding is made from a lossless master: the exact tools and argument lists.

import { createHash } from 'node:crypto';
import type { EncodingId } from '../../api/schemas/encoding-catalog.ts';
import type { Stage } from './run-pipeline.ts';
import type { ToolName } from './types.ts';

export type Binaries = Record<ToolName, string>;

export interface Recipe {
  /** Binaries the recipe runs; ffmpeg is always first because it decodes the master. */
  tools: readonly ToolName[];
  /** Encoder that `ffmpeg -encoders` must list, when ffmpeg does the encoding itself. */
  ffmpegEncoder?: string;
  /** Stage 0 is always ffmpeg reporting `-progress` on fd 3, measured on the decoder side. */
  stages(input: string, output: string, bin: Binaries): Stage[];
}

interface FormatLimits {
  sampleRates?: readonly number[];
  channelLayouts?: readonly string[];
}

// Rates the formats can carry; `aformat` is a no-op when the master already fits, otherwise ffmpeg
// resamples to the nearest allowed rate (so 96 kHz masters become 48 kHz MP3s).
const MPEG1_RATES = [32_000, 44_100, 48_000];
const MUSEPACK_RATES = [32_000, 37_800, 44_100, 48_000];
const WMA_RATES = [8_000, 11_025, 16_000, 22_050, 32_000, 44_100, 48_000];
const UP_TO_STEREO = ['mono', 'stereo'];

export function decodeArgs(input: string, limits: FormatLimits = {}): string[] {
  return [
    '-hide_banner',
    '-nostdin',
    '-nostats',
    '-loglevel',
    'error',
    '-progress',
    'pipe:3',
    '-stats_period',
    '0.2',
    '-i',
    input,
    // Only the first audio stream and no metadata: the store sells bare audio (no tags, cover or chapters).
    '-map',
    '0:a:0',
    '-map_metadata',
    '-1',
    '-map_chapters',
    '-1',
    // No version strings and fixed Ogg serials, so an encode is byte-identical when repeated.
    '-fflags',
    '+bitexact',
    '-flags:a',
    '+bitexact',
    ...formatFilter(limits),
  ];
}

function formatFilter({ sampleRates, channelLayouts }: FormatLimits): string[] {
  const parts: string[] = [];
  if (sampleRates) parts.push(`sample_rates=${sampleRates.join('|')}`);
  if (channelLayouts) parts.push(`channel_layouts=${channelLayouts.join('|')}`);
  return parts.length > 0 ? ['-af', `aformat=${parts.join(':')}`] : [];
}

function ffmpegRecipe(encoder: string, codecArgs: string[], muxer: string, limits?: FormatLimits): Recipe {
  return {
    tools: ['ffmpeg'],
    ffmpegEncoder: encoder,
    stages: (input, output, bin) => [
      {
        name: 'ffmpeg',
        command: bin.ffmpeg,
        args: [...decodeArgs(input, limits), '-c:a', encoder, ...codecArgs, '-f', muxer, '-y', output],
      },
    ],
  };
}

/** The lame binary, not libmp3lame, so files carry the genuine LAME header with the preset in it. */
function lameRecipe(presetArgs: string[]): Recipe {
  return {
    tools: ['ffmpeg', 'lame'],
    stages: (input, output, bin) => [
      {
        name: 'ffmpeg',
        command: bin.ffmpeg,
        args: [
          ...decodeArgs(input, { sampleRates: MPEG1_RATES, channelLayouts: UP_TO_STEREO }),
          '-c:a',
          'pcm_s24le',
          '-f',
          'wav',
          'pipe:1',
        ],
      },
      // No tag options: lame then writes no ID3 tag, only its Xing/Info + LAME header frame.
      { name: 'lame', command: bin.lame, args: ['--silent', '--noreplaygain', ...presetArgs, '-', output] },
    ],
  };
}

/** mpcenc reads WAV from stdin ('-') but rejects WAVE_FORMAT_EXTENSIBLE, which ffmpeg uses above 16 bits. */
function musepackRecipe(qualityArgs: string[]): Recipe {
  return {
    tools: ['ffmpeg', 'mpcenc'],
    stages: (input, output, bin) => [
      {
        name: 'ffmpeg',
        command: bin.ffmpeg,
        args: [
          ...decodeArgs(input, { sampleRates: MUSEPACK_RATES, channelLayouts: UP_TO_STEREO }),
          '-c:a',
          'pcm_s16le',
          '-f',
          'wav',
          'pipe:1',
        ],
      },
      // mpcenc only accepts output names ending in .mpc, which the cache's temp names keep.
      { name: 'mpcenc', command: bin.mpcenc, args: ['--silent', ...qualityArgs, '-', output] },
    ],
  };
}

// faststart puts the index first so a partially downloaded m4a can already play.
const MP4_MUXING = ['-movflags', '+faststart'];

// The ASF muxer puts only whole WMA blocks in a packet and pads the rest: at its default 3200-byte packets
// a 192k stream at 44.1 kHz (1114-byte blocks) ships at ~276 kbit/s. 12540 bytes packs 11 blocks at
// 44.1 kHz, 12 at 48 kHz and 8 at 32 kHz with little slack (~197 kbit/s measured for all three).
const ASF_MUXING = ['-packet_size', '12540'];

export const RECIPES: Record<EncodingId, Recipe> = {
  'mp3-v0': lameRecipe(['-V', '0']),
  'mp3-v2': lameRecipe(['-V', '2']),
  'mp3-320': lameRecipe(['--preset', 'insane']),
  'mp3-256': lameRecipe(['--preset', 'cbr', '256']),
  'mp3-192': lameRecipe(['--preset', 'cbr', '192']),
  'mp3-128': lameRecipe(['--preset', 'cbr', '128']),
  'aac-256': ffmpegRecipe('aac', ['-b:a', '256k', ...MP4_MUXING], 'ipod'),
  'aac-128': ffmpegRecipe('aac', ['-b:a', '128k', ...MP4_MUXING], 'ipod'),
  'vorbis-q6': ffmpegRecipe('libvorbis', ['-q:a', '6'], 'ogg'),
  // libopus only takes 48 kHz (and lower); ffmpeg resamples to it automatically.
  'opus-160': ffmpegRecipe('libopus', ['-b:a', '160k'], 'opus'),
  'mpc-standard': musepackRecipe(['--standard']),
  'wma-192': ffmpegRecipe('wmav2', ['-b:a', '192k', ...ASF_MUXING], 'asf', {
    sampleRates: WMA_RATES,
    channelLayouts: UP_TO_STEREO,
  }),
  flac: ffmpegRecipe('flac', ['-compression_level', '8'], 'flac'),
  alac: ffmpegRecipe('alac', MP4_MUXING, 'ipod'),
};

/** Short hash of the argument template, so editing a recipe invalidates the cached encodes it made. */
export function recipeHash(encoding: EncodingId): string {
  const template = RECIPES[encoding].stages('{input}', '{output}', {
    ffmpeg: 'ffmpeg',
    lame: 'lame',
    mpcenc: 'mpcenc',
  });
  return createHash('sha256').update(JSON.stringify(template)).digest('hex').slice(0, 8);
}
