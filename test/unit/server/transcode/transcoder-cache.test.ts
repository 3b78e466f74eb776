// Transcoder disk cache: hits without re-encoding, self-healing misses, crash leftovers.

import { existsSync } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countingTool } from './counting-tool.ts';
import { setupTranscoderHarness } from './transcoder-harness.ts';

const harness = setupTranscoderHarness();

describe('Transcoder cache', () => {
  it('returns the cached record on a second call without running an encoder again', async () => {
    const ffmpeg = countingTool(harness.dir, harness.unique('ffmpeg'), '/usr/bin/ffmpeg');
    const { transcoder, index } = harness.setup({ tools: { ffmpeg: ffmpeg.path } });
    const first = await transcoder.ensure(harness.short('flac'));
    const mtime = (await stat(first.path)).mtimeMs;

    const second = await transcoder.ensure(harness.short('flac'));
    expect(second).toEqual(first);
    expect(await transcoder.lookup(1, 'flac')).toEqual(first);
    expect(ffmpeg.starts()).toBe(1);
    expect(index.puts).toBe(1);
    expect((await stat(first.path)).mtimeMs).toBe(mtime);
  });

  it('misses for another track, encoding or encoder version', async () => {
    const { transcoder } = harness.setup();
    await transcoder.ensure(harness.short('flac'));
    expect(await transcoder.lookup(2, 'flac')).toBeUndefined();
    expect(await transcoder.lookup(1, 'alac')).toBeUndefined();

    const upgraded = new Map(harness.availability);
    const flac = upgraded.get('flac')!;
    upgraded.set('flac', { ...flac, encoderVersion: `${flac.encoderVersion}-next` });
    const { transcoder: afterUpgrade } = harness.setup({ availability: upgraded });
    expect(await afterUpgrade.lookup(1, 'flac')).toBeUndefined();
  });

  it('re-encodes when the cached file vanished or changed size', async () => {
    const { transcoder } = harness.setup();
    const first = await transcoder.ensure(harness.short('opus-160'));
    await rm(first.path);
    expect(await transcoder.lookup(1, 'opus-160')).toBeUndefined();
    const second = await transcoder.ensure(harness.short('opus-160'));
    expect(second.sha256).toBe(first.sha256);

    await writeFile(second.path, 'truncated');
    expect(await transcoder.lookup(1, 'opus-160')).toBeUndefined();
    const third = await transcoder.ensure(harness.short('opus-160'));
    expect((await stat(third.path)).size).toBe(first.bytes);
  });

  it('removes temp files left by a crash when constructed', async () => {
    const cacheDir = join(harness.dir, harness.unique('crashed'));
    await mkdir(join(cacheDir, 'flac'), { recursive: true });
    const leftover = join(cacheDir, 'flac', '5-0123456789.flac.tmp-a1b2c3d4e5f6.flac');
    const finished = join(cacheDir, 'flac', '5-0123456789.flac');
    await writeFile(leftover, 'half an encode');
    await writeFile(finished, 'a finished encode');
    harness.setup({ cacheDir });
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(finished)).toBe(true);
  });
});
