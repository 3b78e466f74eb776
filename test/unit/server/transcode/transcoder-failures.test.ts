// Transcoder failures and shutdown: corrupt or missing masters, dying encoders, unavailable encodings, close().

import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EncodingId } from '../../../../api/schemas/encoding-catalog.ts';
import { makeCorruptMaster } from './audio-fixtures.ts';
import { countingTool } from './counting-tool.ts';
import { filesUnder, setupTranscoderHarness, storeRejection, waitFor } from './transcoder-harness.ts';

const harness = setupTranscoderHarness();

describe('Transcoder failures', () => {
  it.each<EncodingId>(['flac', 'mp3-v0', 'mpc-standard'])(
    'fails a corrupt master with ENCODE_FAILED (%s) and leaves nothing in the cache',
    async (encoding) => {
      const { transcoder, index, cacheDir } = harness.setup();
      const corrupt = join(harness.dir, `${harness.unique('corrupt')}.flac`);
      await makeCorruptMaster(corrupt);
      const request = { trackId: 3, masterPath: corrupt, durationMs: 3000, encoding };
      const error = await storeRejection(transcoder.ensure(request));
      expect(error.code).toBe('ENCODE_FAILED');
      expect(error.status).toBe(500);
      expect(error.message).toMatch(/ffmpeg exited with code \d+: \S/);
      expect(error.message).not.toMatch(/\n\s+at /);
      expect(filesUnder(cacheDir)).toEqual([]);
      expect(index.rows.size).toBe(0);
      expect(transcoder.progress(3, encoding)).toBeUndefined();
    },
  );

  it('removes the partial output when the encoder dies midway, quoting its stderr', async () => {
    const fakeFfmpeg = join(harness.dir, 'ffmpeg-dies-midway.sh');
    // Writes to its last argument (the temp file), complains and fails.
    const script =
      '#!/bin/sh\nfor last; do :; done\necho partial > "$last"\necho "boom: disk on fire" >&2\nexit 1\n';
    await writeFile(fakeFfmpeg, script, { mode: 0o755 });
    const { transcoder, cacheDir } = harness.setup({ tools: { ffmpeg: fakeFfmpeg } });
    const error = await storeRejection(transcoder.ensure(harness.short('aac-128')));
    expect(error.code).toBe('ENCODE_FAILED');
    expect(error.message).toContain('ffmpeg exited with code 1: boom: disk on fire');
    expect(filesUnder(cacheDir)).toEqual([]);
  });

  it('fails a missing master with MASTER_MISSING', async () => {
    const { transcoder } = harness.setup();
    const request = { ...harness.short('flac'), masterPath: join(harness.dir, 'nope.flac') };
    const error = await storeRejection(transcoder.ensure(request));
    expect(error.code).toBe('MASTER_MISSING');
    expect(error.status).toBe(500);
  });

  it('refuses an unavailable encoding with ENCODING_UNAVAILABLE', async () => {
    const limited = new Map(harness.availability);
    const reason = "encoder binary 'mpcenc' not found on PATH";
    limited.set('mpc-standard', { encoding: 'mpc-standard', available: false, reason });
    const { transcoder } = harness.setup({ availability: limited });
    const error = await storeRejection(transcoder.ensure(harness.short('mpc-standard')));
    expect(error.code).toBe('ENCODING_UNAVAILABLE');
    expect(error.status).toBe(409);
    expect(error.message).toContain(reason);
    expect(await transcoder.lookup(1, 'mpc-standard')).toBeUndefined();
  });
});

describe('Transcoder.close', () => {
  it('kills running encoders, rejects queued work and removes temp files', async () => {
    // The encoder run is held open after ffmpeg has written its output, so it is still running when
    // close() comes, however fast the machine encodes.
    const ffmpeg = countingTool(harness.dir, harness.unique('ffmpeg'), '/usr/bin/ffmpeg', { hold: true });
    const { transcoder, cacheDir } = harness.setup({ concurrency: 1, tools: { ffmpeg: ffmpeg.path } });
    // The short master will do: the held run stays alive however quickly it was encoded.
    const running = storeRejection(transcoder.ensure(harness.short('vorbis-q6', 20)));
    const queued = storeRejection(transcoder.ensure(harness.short('vorbis-q6', 21)));
    await waitFor(() => ffmpeg.held() === 1 && (transcoder.progress(20, 'vorbis-q6') ?? 0) > 0);
    expect(processesMentioning(cacheDir)).toBeGreaterThan(0);
    expect(filesUnder(cacheDir).some((path) => path.includes('.tmp-'))).toBe(true);

    await transcoder.close();
    for (const error of [await running, await queued]) {
      expect(error.code).toBe('ENCODE_FAILED');
      expect(error.status).toBe(503);
    }
    expect(ffmpeg.starts()).toBe(1);
    expect(processesMentioning(cacheDir)).toBe(0);
    expect(filesUnder(cacheDir)).toEqual([]);
    expect((await storeRejection(transcoder.ensure(harness.short('flac')))).status).toBe(503);
  });
});

/** Live processes whose command line mentions `text`: encoders writing into a cache folder. */
function processesMentioning(text: string): number {
  let count = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text)) count += 1;
    } catch {
      // The process exited while we looked.
    }
  }
  return count;
}
