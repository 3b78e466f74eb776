// Reads a lossless master's technical facts (duration, rate, channels, bit depth, size) with ffprobe.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { StoreError } from '../../errors/store-error.ts';
import { ffprobePath, lastLines, ProcessError, runProcess } from './run-process.ts';
import type { MasterInfo } from './types.ts';

const PROBE_TIMEOUT_MS = 20_000;

/** Codecs we accept as masters: the store transcodes from these, so anything lossy would be a generation loss. */
const LOSSLESS_CODECS = /^(flac|pcm_(s16|s24|s32|f32|f64)(le|be)|pcm_u8)$/;

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  sample_rate?: string;
  channels?: number;
  bits_per_sample?: number;
  bits_per_raw_sample?: string;
  duration?: string;
}

interface ProbeOutput {
  streams?: ProbeStream[];
  format?: { duration?: string; format_name?: string };
}

function badMaster(path: string, reason: string, cause?: unknown): StoreError {
  return new StoreError('BAD_REQUEST', 400, `Not a usable lossless master (${path}): ${reason}`, { cause });
}

export async function probeMaster(path: string): Promise<MasterInfo> {
  const absolute = resolve(path);
  const info = await stat(absolute).catch((err: unknown) => {
    throw badMaster(absolute, 'file not found', err);
  });
  if (!info.isFile()) throw badMaster(absolute, 'not a regular file');

  let output: ProbeOutput;
  try {
    const { stdout } = await runProcess(
      ffprobePath(),
      ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', '--', absolute],
      { timeoutMs: PROBE_TIMEOUT_MS, maxStdoutBytes: 1024 * 1024 },
    );
    output = JSON.parse(stdout) as ProbeOutput;
  } catch (err) {
    if (err instanceof StoreError) throw err;
    const detail = err instanceof ProcessError ? lastLines(err.stderr, 2) || err.message : String(err);
    throw badMaster(absolute, `unreadable audio (${detail})`, err);
  }

  const audio = output.streams?.find((s) => s.codec_type === 'audio');
  if (!audio) throw badMaster(absolute, 'no audio stream');
  const codec = audio.codec_name ?? 'unknown';
  if (!LOSSLESS_CODECS.test(codec)) throw badMaster(absolute, `codec ${codec} is not lossless FLAC/PCM`);

  const sampleRate = Number(audio.sample_rate);
  const channels = Number(audio.channels);
  // FLAC reports its real depth in bits_per_raw_sample (it decodes 24-bit into s32); PCM in bits_per_sample.
  const bitsPerSample = Number(audio.bits_per_raw_sample) || Number(audio.bits_per_sample) || 0;
  const seconds = Number(audio.duration ?? output.format?.duration);
  if (!(sampleRate > 0) || !(channels > 0)) throw badMaster(absolute, 'missing sample rate or channel count');
  if (!(seconds > 0)) throw badMaster(absolute, 'unknown or zero duration');

  return {
    path: absolute,
    durationMs: Math.round(seconds * 1000),
    sampleRate,
    channels,
    bitsPerSample,
    bytes: info.size,
  };
}
