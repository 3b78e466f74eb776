// Test fixtures: small audio and images generated with ffmpeg in throwaway temp dirs.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function ffmpeg(args: string[]): Promise<void> {
  await run('ffmpeg', ['-nostdin', '-hide_banner', '-v', 'error', '-y', ...args], { timeout: 30_000 });
}

export async function ffprobeStreams(path: string): Promise<Record<string, unknown>[]> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', path], {
    timeout: 10_000,
  });
  return (JSON.parse(stdout) as { streams: Record<string, unknown>[] }).streams;
}

/** MD5 of the decoded audio, to tell renders apart independent of container bytes. */
export async function audioMd5(path: string): Promise<string> {
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', path, '-map', '0:a', '-f', 'md5', '-'], {
    timeout: 30_000,
  });
  return stdout.trim();
}

export interface ToneOptions {
  seconds?: number;
  /** Peak amplitude in dBFS. */
  dbfs?: number;
  hz?: number;
  rate?: number;
  channels?: 1 | 2;
  /** Extra ffmpeg output args, e.g. ['-c:a', 'pcm_s24le'] or metadata. */
  extra?: string[];
}

/** A sine with an exact peak amplitude (aevalsrc, unlike the sine source, lets us set it precisely). */
export async function writeTone(path: string, opts: ToneOptions = {}): Promise<void> {
  const { seconds = 2, dbfs = -20, hz = 1000, rate = 44100, channels = 2 } = opts;
  const amp = 10 ** (dbfs / 20);
  const expr = Array.from({ length: channels }, () => `${amp}*sin(2*PI*${hz}*t)`).join('|');
  await ffmpeg(['-f', 'lavfi', '-i', `aevalsrc=${expr}:s=${rate}:d=${seconds}`, ...(opts.extra ?? []), path]);
}

export function metadataArgs(tags: Record<string, string>): string[] {
  return Object.entries(tags).flatMap(([key, value]) => ['-metadata', `${key}=${value}`]);
}

export async function withTempDir(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `megadisc-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** RGB near a pixel, for checking crops (2x2 at even coordinates, because 4:2:0 chroma cannot crop to 1x1). */
export async function pixelAt(path: string, x: number, y: number): Promise<[number, number, number]> {
  const [ex, ey] = [x - (x % 2), y - (y % 2)];
  const crop = `format=rgb24,crop=2:2:${ex}:${ey}`;
  const { stdout } = await run(
    'ffmpeg',
    ['-v', 'error', '-i', path, '-vf', crop, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    { encoding: 'buffer', timeout: 10_000 },
  );
  return [stdout[0] ?? 0, stdout[1] ?? 0, stdout[2] ?? 0];
}
