// Untagged files made exactly as the store makes them (its own recipes), plus covers, for the tagging tests.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ENCODINGS, type EncodingId } from '../../../../../api/schemas/encoding-catalog.ts';
import { RECIPES } from '../../../../../server/transcode/recipes.ts';
import { runPipeline } from '../../../../../server/transcode/run-pipeline.ts';

const run = promisify(execFile);
const BIN = { ffmpeg: 'ffmpeg', lame: 'lame', mpcenc: 'mpcenc' };

/** A 2.5 s stereo 44.1 kHz FLAC master: two tones, so left and right differ. */
export async function makeMaster(dir: string): Promise<string> {
  const path = join(dir, 'master.flac');
  await run('ffmpeg', [
    ...['-nostdin', '-hide_banner', '-v', 'error', '-y', '-f', 'lavfi'],
    ...['-i', 'aevalsrc=0.3*sin(2*PI*440*t)|0.3*sin(2*PI*660*t):s=44100:d=2.5'],
    ...['-c:a', 'flac', '-sample_fmt', 's16', path],
  ]);
  return path;
}

/** Encodes the master into each encoding with the store's recipe, two at a time. */
export async function makeStoreFiles(
  dir: string,
  master: string,
  encodings: readonly EncodingId[],
): Promise<Map<EncodingId, string>> {
  const out = new Map<EncodingId, string>();
  const queue = [...encodings];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const path = join(dir, `untagged-${id}.${ENCODINGS[id].extension}`);
      await runPipeline(RECIPES[id].stages(master, path, BIN), {
        timeoutMs: 60_000,
        onProgressStream: (stream) => stream.resume(),
      });
      out.set(id, path);
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}

/** A test-pattern cover (not flat colour, so it has real JPEG/PNG content) of size px × px. */
export async function makeCover(dir: string, px: number, format: 'jpeg' | 'png'): Promise<Uint8Array> {
  const path = join(dir, `cover-${px}.${format === 'jpeg' ? 'jpg' : 'png'}`);
  const codec = format === 'jpeg' ? ['-q:v', '4'] : [];
  await run('ffmpeg', [
    ...['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=s=${px}x${px}:d=1`],
    ...['-frames:v', '1', ...codec, path],
  ]);
  return new Uint8Array(await readFile(path));
}

/** MD5 of the decoded audio: equal before and after tagging means the audio was not touched. */
export async function audioMd5(path: string): Promise<string> {
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', path, '-map', '0:a', '-f', 'md5', '-'], {
    timeout: 30_000,
  });
  return stdout.trim();
}

/** Size of the ID3v2 tag at the start of a file (header + body + footer), 0 when there is none. */
export function id3v2Size(file: Uint8Array): number {
  if (file[0] !== 0x49 || file[1] !== 0x44 || file[2] !== 0x33) return 0;
  const body = (file[6]! << 21) | (file[7]! << 14) | (file[8]! << 7) | file[9]!;
  return 10 + body + ((file[5]! & 0x10) !== 0 ? 10 : 0);
}
