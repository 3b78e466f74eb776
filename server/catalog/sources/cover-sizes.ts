// Renders square, center-cropped JPEG copies of a cover image at the requested pixel sizes.
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { StoreError } from '../../errors/store-error.ts';
import { ffmpegPath, lastLines, ProcessError, runProcess } from './run-process.ts';

const MAX_SIZE = 4096;
const RENDER_TIMEOUT_MS = 60_000;

/** Writes `cover-<size>.jpg` files into outDir; returns size -> absolute path. One ffmpeg run decodes the source once. */
export async function renderCoverSizes(
  sourcePath: string,
  outDir: string,
  sizes: number[],
): Promise<Map<number, string>> {
  const unique = [...new Set(sizes)];
  for (const size of unique) {
    if (!Number.isInteger(size) || size < 1 || size > MAX_SIZE) {
      throw new StoreError(
        'BAD_REQUEST',
        400,
        `Cover size must be an integer from 1 to ${MAX_SIZE}, got ${size}`,
      );
    }
  }
  const result = new Map<number, string>();
  if (unique.length === 0) return result;

  const dir = resolve(outDir);
  await mkdir(dir, { recursive: true });
  // Crop to the largest centered square first, so every size is a true square without distortion.
  const splits = unique.map((_, i) => `[s${i}]`).join('');
  const chains = unique.map(
    (size, i) => `[s${i}]scale=${size}:${size}:flags=lanczos,format=yuvj420p,setsar=1[o${i}]`,
  );
  const graph = [`[0:v:0]crop='min(iw,ih)':'min(iw,ih)',split=${unique.length}${splits}`, ...chains].join(
    ';',
  );

  const outputs = unique.map((size) => ({ size, final: join(dir, `cover-${size}.jpg`) }));
  const partial = outputs.map(({ final }) => `${final}.part`);
  const args = [
    '-nostdin',
    '-hide_banner',
    '-v',
    'error',
    '-i',
    resolve(sourcePath),
    '-filter_complex',
    graph,
  ];
  outputs.forEach((_, i) => {
    args.push('-map', `[o${i}]`, '-frames:v', '1', '-q:v', '2', '-f', 'mjpeg', '-y', partial[i] as string);
  });

  try {
    await runProcess(ffmpegPath(), args, { timeoutMs: RENDER_TIMEOUT_MS });
    // Rename only after ffmpeg succeeded so readers never see a half-written cover.
    await Promise.all(outputs.map(({ final }, i) => rename(partial[i] as string, final)));
  } catch (err) {
    await Promise.all(partial.map((p) => rm(p, { force: true })));
    if (err instanceof StoreError) throw err;
    const detail = err instanceof ProcessError ? lastLines(err.stderr, 2) || err.message : String(err);
    throw new StoreError('BAD_REQUEST', 400, `Cannot render cover from ${sourcePath}: ${detail}`, {
      cause: err,
    });
  }
  for (const { size, final } of outputs) result.set(size, final);
  return result;
}
