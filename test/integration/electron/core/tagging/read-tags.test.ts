// readTags on damaged input: a clear error, quickly, and never a hang or a crash of the process.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCODINGS, type EncodingId } from '../../../../../api/schemas/encoding-catalog.ts';
import { ParsePool, readTags, TaggingError, writeTags } from '../../../../../electron/core/tagging/index.ts';
import { fullTags } from '../../../../helpers/tag-data.ts';
import { id3v2Size, makeCover, makeMaster, makeStoreFiles } from './fixtures.ts';

const ENCODINGS_USED: EncodingId[] = ['mp3-v0', 'flac', 'aac-128', 'opus-160', 'wma-192', 'mpc-standard'];
let dir: string;
const tagged = new Map<EncodingId, string>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'megadisc-readtags-'));
  const master = await makeMaster(dir);
  const [files, jpeg] = await Promise.all([
    makeStoreFiles(dir, master, ENCODINGS_USED),
    makeCover(dir, 600, 'jpeg'),
  ]);
  for (const [id, path] of files) {
    const target = join(dir, `tagged-${id}.${ENCODINGS[id].extension}`);
    await copyFile(path, target);
    await writeTags(target, id, fullTags(), { cover: { data: jpeg, mimeType: 'image/jpeg' } });
    tagged.set(id, target);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Expects readTags to fail as 'unreadable' within a few seconds (the parse timeout is 10 s). */
async function expectUnreadable(path: string, message?: RegExp): Promise<void> {
  const started = Date.now();
  const error = await readTags(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, path).toBeInstanceOf(TaggingError);
  expect((error as TaggingError).reason, (error as Error).message).toBe('unreadable');
  expect((error as TaggingError).code).toBe('BAD_RESPONSE');
  if (message) expect((error as Error).message).toMatch(message);
  expect(Date.now() - started).toBeLessThan(5_000);
}

describe('readTags on damaged files', () => {
  it.each(['mp3', 'flac', 'm4a', 'opus', 'wma', 'mpc'])('rejects random bytes named .%s', async (ext) => {
    const path = join(dir, `random.${ext}`);
    await writeFile(path, randomBytes(256 * 1024));
    await expectUnreadable(path, new RegExp(`random\\.${ext}`));
  });

  it('rejects empty files, missing files and directories', async () => {
    await writeFile(join(dir, 'empty.flac'), '');
    await expectUnreadable(join(dir, 'empty.flac'));
    await expectUnreadable(join(dir, 'missing.mp3'), /file not found/);
    await mkdir(join(dir, 'folder.mp3'));
    await expectUnreadable(join(dir, 'folder.mp3'));
  });

  it('rejects real files cut off inside their tags', async () => {
    for (const [id, path] of tagged) {
      const bytes = await readFile(path);
      // Half-way into the tag area: the ID3v2 tag, the APE tag at the end, or (elsewhere) the
      // metadata up front, which holds a 26 KB cover in every format.
      const cut =
        id === 'mp3-v0'
          ? Math.floor(id3v2Size(bytes) / 2)
          : id === 'mpc-standard'
            ? bytes.length - 13_000
            : 12_000;
      const truncated = join(dir, `cut-${id}.${ENCODINGS[id].extension}`);
      await writeFile(truncated, bytes.subarray(0, cut));
      await expectUnreadable(truncated);
    }
  });

  it('still reads the untouched tagged files (the checks above are not just rejecting everything)', async () => {
    for (const path of tagged.values()) expect((await readTags(path)).title).toBe('Night Drive ✓ 🌙');
  });
});

describe('ParsePool limits', () => {
  it('kills a parse that runs past its timeout and recovers with a fresh worker', async () => {
    const pool = new ParsePool({ size: 1 });
    try {
      // A cold worker needs far more than 1 ms just to start, so this always times out.
      await expect(pool.parse(tagged.get('flac')!, 1)).rejects.toMatchObject({ reason: 'timeout' });
      expect((await pool.parse(tagged.get('flac')!, 10_000)).album).toBe('Megadisc Sessions');
    } finally {
      await pool.close();
    }
  });

  it('terminates a worker stuck in a loop instead of hanging', async () => {
    const pool = new ParsePool({ size: 1, workerUrl: new URL('./stuck-worker.ts', import.meta.url) });
    const started = Date.now();
    try {
      await expect(pool.parse(tagged.get('mp3-v0')!, 1_500)).rejects.toMatchObject({ reason: 'timeout' });
      expect(Date.now() - started).toBeLessThan(4_000);
      // The slot was freed: the next parse gets a new worker (and times out the same way).
      await expect(pool.parse(tagged.get('mp3-v0')!, 500)).rejects.toMatchObject({ reason: 'timeout' });
    } finally {
      await pool.close();
    }
  });

  it('stops a parse at its memory limit without taking the process down', async () => {
    const pool = new ParsePool({
      workerUrl: new URL('./greedy-worker.ts', import.meta.url),
      resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 },
    });
    try {
      const error = await pool.parse(tagged.get('flac')!, 20_000).catch((e: unknown) => e);
      expect(error).toMatchObject({ reason: 'worker-failed', code: 'INTERNAL' });
      expect((error as Error).message).toMatch(/memory/);
    } finally {
      await pool.close();
    }
  });

  it('queues parses beyond its size and answers them all', async () => {
    const pool = new ParsePool({ size: 2 });
    try {
      const paths = [...tagged.values(), ...tagged.values()];
      const results = await Promise.all(paths.map((path) => pool.parse(path, 10_000)));
      expect(results.map((r) => r.storeIds.trackId)).toEqual(paths.map(() => 1001));
    } finally {
      await pool.close();
    }
  });
});
