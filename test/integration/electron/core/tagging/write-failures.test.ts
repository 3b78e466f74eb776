// When tagging cannot be done right, writeTags throws and the downloaded file stays exactly as it was.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EncodingId } from '../../../../../api/schemas/encoding-catalog.ts';
import { TaggingError, writeTags } from '../../../../../electron/core/tagging/index.ts';
import { fullTags } from '../../../../helpers/tag-data.ts';
import { makeMaster, makeStoreFiles } from './fixtures.ts';

const forcedDifferences = vi.hoisted(() => ({ value: null as string[] | null }));
vi.mock('../../../../../electron/core/tagging/verify-tags.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../../electron/core/tagging/verify-tags.ts')>();
  return {
    verifyTags: (...args: Parameters<typeof real.verifyTags>) =>
      forcedDifferences.value ?? real.verifyTags(...args),
  };
});

let dir: string;
let files: Map<EncodingId, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'megadisc-tagfail-'));
  files = await makeStoreFiles(dir, await makeMaster(dir), ['mp3-192', 'flac', 'mpc-standard']);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `attempt` on a copy of `source` and checks it failed as expected and left the copy untouched. */
async function expectUntouched(source: string, name: string, attempt: (path: string) => Promise<void>) {
  const path = join(dir, name);
  await copyFile(source, path);
  const before = await readFile(path);
  const error = await attempt(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(Buffer.compare(await readFile(path), before)).toBe(0);
  expect((await readdir(dir)).filter((n) => n.includes('.tagging-'))).toEqual([]);
  return error as Error & { code?: string; reason?: string; differences?: string[] };
}

describe('writeTags failures', () => {
  it('keeps the original when the read-back differs, and lists the differences', async () => {
    forcedDifferences.value = ['title: wrote "a", read "b"'];
    try {
      const error = await expectUntouched(files.get('flac')!, 'verify.flac', (p) =>
        writeTags(p, 'flac', fullTags()),
      );
      expect(error).toBeInstanceOf(TaggingError);
      expect(error).toMatchObject({
        reason: 'verify-failed',
        code: 'INTERNAL',
        differences: ['title: wrote "a", read "b"'],
      });
      expect(error.message).toMatch(/verify\.flac.*title/);
    } finally {
      forcedDifferences.value = null;
    }
  });

  it('refuses a file that is not the encoding it claims to be', async () => {
    const error = await expectUntouched(files.get('flac')!, 'flac-as-alac.m4a', (p) =>
      writeTags(p, 'alac', fullTags()),
    );
    expect(error.code).toBe('BAD_RESPONSE');
  });

  it('refuses garbage and unknown encodings, and bad covers, without writing', async () => {
    const junk = join(dir, 'junk.bin');
    await writeFile(junk, randomBytes(64 * 1024));
    const garbage = await expectUntouched(junk, 'junk.mpc', (p) => writeTags(p, 'mpc-standard', fullTags()));
    expect(garbage).toBeInstanceOf(Error);
    const unknown = await expectUntouched(files.get('mp3-192')!, 'x.mp3', (p) =>
      writeTags(p, 'mp3-999' as EncodingId, fullTags()),
    );
    expect(unknown.code).toBe('INVALID_ARGUMENT');
    const badCover = await expectUntouched(files.get('mp3-192')!, 'y.mp3', (p) =>
      writeTags(p, 'mp3-192', fullTags(), { cover: { data: randomBytes(100), mimeType: 'image/jpeg' } }),
    );
    expect(badCover.code).toBe('INVALID_ARGUMENT');
    const badVersion = await expectUntouched(files.get('mp3-192')!, 'z.mp3', (p) =>
      writeTags(p, 'mp3-192', fullTags(), { id3Version: 2 as 3 }),
    );
    expect(badVersion.code).toBe('INVALID_ARGUMENT');
  });

  it('says so clearly when there is no file', async () => {
    await expect(writeTags(join(dir, 'nope.flac'), 'flac', fullTags())).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
