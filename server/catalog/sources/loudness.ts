// ReplayGain 2.0 loudness via ffmpeg's ebur128 filter: gain = -18 LUFS - integrated loudness, peak = sample peak.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { StoreError } from '../../errors/store-error.ts';
import { ffmpegPath, lastLines, ProcessError, runProcess } from './run-process.ts';
import type { LoudnessInfo } from './types.ts';

const REFERENCE_LUFS = -18;
/** ebur128 reports -70 LUFS (its absolute gate) for silence; cap the gain so silence does not ask for +52 dB. */
const MAX_GAIN_DB = 24;

export interface LoudnessOptions {
  /** Override the size-based timeout (ms). */
  timeoutMs?: number;
}

/** What one metering pass learns besides loudness: how much audio actually decoded, and any decoder complaints. */
export interface LoudnessAnalysis {
  loudness: LoudnessInfo;
  decodedSeconds: number | undefined;
  decodeErrors: string[];
}

export async function measureTrackLoudness(path: string, opts: LoudnessOptions = {}): Promise<LoudnessInfo> {
  return (await analyzeLoudness([path], opts)).loudness;
}

/** Album gain treats the tracks as one programme (concatenated), as ReplayGain 2.0 specifies; peak is the max. */
export async function measureAlbumLoudness(
  paths: string[],
  opts: LoudnessOptions = {},
): Promise<LoudnessInfo> {
  if (paths.length === 0) throw new Error('measureAlbumLoudness needs at least one track');
  return (await analyzeLoudness(paths, opts)).loudness;
}

export async function analyzeLoudness(
  paths: string[],
  opts: LoudnessOptions = {},
): Promise<LoudnessAnalysis> {
  const absolute = paths.map((p) => resolve(p));
  const sizes = await Promise.all(
    absolute.map((p) =>
      stat(p).then(
        (s) => s.size,
        (err: unknown) => {
          throw new StoreError('BAD_REQUEST', 400, `Cannot measure loudness, file not found: ${p}`, {
            cause: err,
          });
        },
      ),
    ),
  );
  // Decoding + metering runs at a few hundred times real time; 1 s per MB leaves a wide margin.
  const totalMb = sizes.reduce((a, b) => a + b, 0) / (1024 * 1024);
  const timeoutMs = opts.timeoutMs ?? 30_000 + Math.ceil(totalMb * 1000);

  const inputs = absolute.flatMap((p) => ['-i', p]);
  const meter = 'ebur128=peak=sample:framelog=verbose';
  const graph =
    absolute.length === 1
      ? `[0:a:0]${meter}`
      : `${absolute.map((_, i) => `[${i}:a:0]`).join('')}concat=n=${absolute.length}:v=0:a=1,${meter}`;

  let stderr: string;
  try {
    ({ stderr } = await runProcess(
      ffmpegPath(),
      // Stats stay on: the final "time=" tells how much audio really decoded (truncated files stop early).
      ['-nostdin', '-hide_banner', '-v', 'info', ...inputs, '-filter_complex', graph, '-f', 'null', '-'],
      { timeoutMs },
    ));
  } catch (err) {
    if (err instanceof StoreError) throw err;
    const detail = err instanceof ProcessError ? lastLines(err.stderr, 2) || err.message : String(err);
    throw new StoreError('BAD_REQUEST', 400, `Cannot measure loudness of ${absolute.join(', ')}: ${detail}`, {
      cause: err,
    });
  }
  const times = [...stderr.matchAll(/time=(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/g)];
  const last = times[times.length - 1];
  const decodedSeconds = last ? Number(last[1]) * 3600 + Number(last[2]) * 60 + Number(last[3]) : undefined;
  const decodeErrors = stderr
    .split(/[\r\n]+/)
    .filter((line) => /Error while decoding|decode_frame\(\) failed|Invalid data found|corrupt/i.test(line))
    .map((line) => line.replace(/^\[[^\]]*\]\s*/, '').trim());
  return { loudness: parseEbur128Summary(stderr), decodedSeconds, decodeErrors: [...new Set(decodeErrors)] };
}

/** Pulls integrated loudness and sample peak out of the summary ebur128 prints when the stream ends. */
export function parseEbur128Summary(log: string): LoudnessInfo {
  const summary = log.slice(log.lastIndexOf('Summary:'));
  const integrated = /Integrated loudness:\s*I:\s*(-?[\d.]+|-inf)\s*LUFS/.exec(summary)?.[1];
  const peakDb = /Sample peak:\s*Peak:\s*(-?[\d.]+|-inf|inf)\s*dBFS/.exec(summary)?.[1];
  if (integrated === undefined || peakDb === undefined) {
    throw new Error(`ffmpeg ebur128 summary not found: ${lastLines(log, 3)}`);
  }
  const lufs = integrated === '-inf' ? -70 : Number(integrated);
  const gainDb = Math.min(MAX_GAIN_DB, REFERENCE_LUFS - lufs);
  const peak = peakDb === '-inf' ? 0 : 10 ** (Number(peakDb) / 20);
  return { gainDb: round(gainDb, 2), peak: round(peak, 6) };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
