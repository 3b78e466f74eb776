// Generates small masters with ffmpeg and inspects encodes with ffprobe, for the transcode tests.

import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIG_OUTPUT = { maxBuffer: 256 * 1024 * 1024, encoding: 'buffer' as const };

export const MASTER_TAGS = {
  title: 'Megadisc Test Title',
  artist: 'Megadisc Test Artist',
  album: 'Megadisc Test Album',
  genre: 'Testcore',
  comment: 'Megadisc test comment',
};

export interface MasterOptions {
  seconds: number;
  /** 'sine' is a 440 Hz tone; 'noise' is white noise (slow for lossy encoders, handy for progress). */
  source?: 'sine' | 'noise';
  /** Adds MASTER_TAGS and a PNG cover so the tests can check both are stripped. */
  tagged?: boolean;
}

export async function makeMaster(path: string, { seconds, source = 'sine', tagged = false }: MasterOptions) {
  const audio =
    source === 'sine' ? `sine=frequency=440:duration=${seconds}` : `anoisesrc=d=${seconds}:c=white:a=0.5`;
  const args = ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', audio];
  if (tagged) {
    args.push('-f', 'lavfi', '-i', 'color=c=red:s=32x32:d=1', '-map', '0:a', '-map', '1:v', '-frames:v', '1');
    args.push('-c:v', 'png', '-disposition:v', 'attached_pic');
    for (const [name, value] of Object.entries(MASTER_TAGS)) args.push('-metadata', `${name}=${value}`);
  }
  args.push('-ac', '2', '-ar', '44100', '-sample_fmt', 's16', '-c:a', 'flac', path);
  await run('ffmpeg', args);
}

/** Random bytes with a .flac name: what a damaged upload looks like. */
export async function makeCorruptMaster(path: string): Promise<void> {
  await writeFile(path, randomBytes(96 * 1024));
}

export interface ProbeStream {
  codec_type: string;
  codec_name: string;
  sample_rate?: string;
  channels?: number;
  disposition?: Record<string, number>;
  tags?: Record<string, string>;
}

export interface ProbeResult {
  streams: ProbeStream[];
  format: { format_name: string; duration?: string; tags?: Record<string, string> };
}

export async function ffprobe(path: string): Promise<ProbeResult> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-show_streams',
    '-show_format',
    '-of',
    'json',
    path,
  ]);
  return JSON.parse(stdout) as ProbeResult;
}

export interface Inspection {
  probe: ProbeResult;
  /** Duration from actually decoding the audio: container headers can be wrong (ffprobe misreads mpc8). */
  decodedSeconds: number;
}

export async function inspect(path: string): Promise<Inspection> {
  const probe = await ffprobe(path);
  const rate = Number(probe.streams.find((stream) => stream.codec_type === 'audio')?.sample_rate);
  const { stdout } = await run(
    'ffmpeg',
    ['-v', 'error', '-i', path, '-map', '0:a:0', '-ac', '1', '-c:a', 'pcm_s16le', '-f', 's16le', 'pipe:1'],
    BIG_OUTPUT,
  );
  return { probe, decodedSeconds: stdout.length / 2 / rate };
}

/** MD5 of the decoded samples as 16-bit PCM, for comparing lossless encodes against their master. */
export async function pcmMd5(path: string): Promise<string> {
  const { stdout } = await run('ffmpeg', [
    '-v',
    'error',
    '-i',
    path,
    '-map',
    '0:a:0',
    '-c:a',
    'pcm_s16le',
    '-f',
    'md5',
    '-',
  ]);
  return stdout.trim();
}

export async function fileSha256(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}
