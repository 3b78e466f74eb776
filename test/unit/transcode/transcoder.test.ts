// Transcoder behaviour with real encoders: caching, deduplication, the pool, progress, failures, shutdown.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EncodingId } from '../../../api/encodings.ts';
import { StoreError } from '../../../server/errors.ts';
import {
  type EncodeRequest,
  type EncoderAvailability,
  probeEncoders,
  Transcoder,
  type TranscoderOptions,
} from '../../../server/transcode/index.ts';
import { makeCorruptMaster, makeMaster } from './audio-fixtures.ts';
import { countingTool } from './counting-tool.ts';
import { MemoryEncodeIndex } from './memory-index.ts';

let dir: string;
let shortMaster: string;
let longMaster: string;
let availability: Map<EncodingId, EncoderAvailability>;
const open: Transcoder[] = [];
let caseNumber = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'megadisc-transcoder-'));
  shortMaster = join(dir, 'short.flac');
  longMaster = join(dir, 'long.flac');
  await Promise.all([
    makeMaster(shortMaster, { seconds: 3 }),
    // White noise keeps the Vorbis encoder busy for about a second: long enough to watch and interrupt.
    makeMaster(longMaster, { seconds: 60, source: 'noise' }),
  ]);
  availability = await probeEncoders();
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((transcoder) => transcoder.close()));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A transcoder with its own cache folder and index. */
function setup(options: Partial<TranscoderOptions> = {}) {
  caseNumber += 1;
  const cacheDir = join(dir, `cache-${caseNumber}`);
  const index = new MemoryEncodeIndex();
  const transcoder = new Transcoder({ cacheDir, index, availability, concurrency: 2, ...options });
  open.push(transcoder);
  return { transcoder, index, cacheDir };
}

const short = (encoding: EncodingId, trackId = 1): EncodeRequest => ({
  trackId,
  masterPath: shortMaster,
  durationMs: 3000,
  encoding,
});

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe('Transcoder cache', () => {
  it('returns the cached record on a second call without running an encoder again', async () => {
    const ffmpeg = countingTool(dir, `ffmpeg-${caseNumber + 1}`, '/usr/bin/ffmpeg');
    const { transcoder, index } = setup({ tools: { ffmpeg: ffmpeg.path } });
    const first = await transcoder.ensure(short('flac'));
    const mtime = (await stat(first.path)).mtimeMs;

    const second = await transcoder.ensure(short('flac'));
    expect(second).toEqual(first);
    expect(transcoder.lookup(1, 'flac')).toEqual(first);
    expect(ffmpeg.starts()).toBe(1);
    expect(index.puts).toBe(1);
    expect((await stat(first.path)).mtimeMs).toBe(mtime);
  });

  it('re-encodes when the cached file vanished or changed size', async () => {
    const { transcoder } = setup();
    const first = await transcoder.ensure(short('opus-160'));
    await rm(first.path);
    expect(transcoder.lookup(1, 'opus-160')).toBeUndefined();
    const second = await transcoder.ensure(short('opus-160'));
    expect(second.sha256).toBe(first.sha256);

    await writeFile(second.path, 'truncated');
    expect(transcoder.lookup(1, 'opus-160')).toBeUndefined();
    const third = await transcoder.ensure(short('opus-160'));
    expect((await stat(third.path)).size).toBe(first.bytes);
  });

  it('removes temp files left by a crash when constructed', async () => {
    const cacheDir = join(dir, 'crashed');
    await mkdir(join(cacheDir, 'flac'), { recursive: true });
    const leftover = join(cacheDir, 'flac', '5-0123456789.flac.tmp-a1b2c3d4e5f6.flac');
    const finished = join(cacheDir, 'flac', '5-0123456789.flac');
    await writeFile(leftover, 'half an encode');
    await writeFile(finished, 'a finished encode');
    setup({ cacheDir });
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(finished)).toBe(true);
  });
});

describe('Transcoder scheduling', () => {
  it('runs one encoder for concurrent requests of the same track and encoding', async () => {
    const ffmpeg = countingTool(dir, `ffmpeg-${caseNumber + 1}`, '/usr/bin/ffmpeg', 0.3);
    const { transcoder } = setup({ tools: { ffmpeg: ffmpeg.path } });
    const seen: number[][] = [[], [], []];
    const results = await Promise.all(
      seen.map((values) => transcoder.ensure(short('vorbis-q6'), (fraction) => values.push(fraction))),
    );
    expect(ffmpeg.starts()).toBe(1);
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
    for (const values of seen) expect(values.at(-1)).toBe(1);
  });

  it('never runs more encoders than the concurrency limit', async () => {
    const ffmpeg = countingTool(dir, `ffmpeg-${caseNumber + 1}`, '/usr/bin/ffmpeg', 0.3);
    const { transcoder } = setup({ tools: { ffmpeg: ffmpeg.path }, concurrency: 2 });
    const records = await Promise.all(
      [1, 2, 3, 4, 5].map((trackId) => transcoder.ensure(short('flac', trackId))),
    );
    expect(new Set(records.map((record) => record.path)).size).toBe(5);
    expect(ffmpeg.starts()).toBe(5);
    expect(ffmpeg.maxOverlap()).toBe(2);
  });

  it('reports throttled progress in (0, 1], ending at 1', async () => {
    const { transcoder } = setup();
    const request: EncodeRequest = {
      trackId: 9,
      masterPath: longMaster,
      durationMs: 60_000,
      encoding: 'vorbis-q6',
    };
    const calls: Array<{ at: number; fraction: number }> = [];
    const polled: number[] = [];
    const pending = transcoder.ensure(request, (fraction) => calls.push({ at: performance.now(), fraction }));
    const poller = setInterval(() => polled.push(transcoder.progress(9, 'vorbis-q6') ?? -1), 50);
    await pending.finally(() => clearInterval(poller));

    const fractions = calls.map((call) => call.fraction);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.some((fraction) => fraction < 1)).toBe(true);
    for (const fraction of fractions) expect(fraction > 0 && fraction <= 1).toBe(true);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    // Throttled to ~5/s; the final 1 may follow sooner.
    for (let i = 1; i < calls.length - 1; i++)
      expect(calls[i]!.at - calls[i - 1]!.at).toBeGreaterThanOrEqual(190);
    expect(polled.some((value) => value > 0 && value < 1)).toBe(true);
    expect(transcoder.progress(9, 'vorbis-q6')).toBeUndefined();
  });
});

describe('Transcoder failures', () => {
  it.each<EncodingId>(['flac', 'mp3-v0', 'mpc-standard'])(
    'fails a corrupt master with ENCODE_FAILED (%s) and leaves nothing in the cache',
    async (encoding) => {
      const { transcoder, index, cacheDir } = setup();
      const corrupt = join(dir, `corrupt-${encoding}.flac`);
      await makeCorruptMaster(corrupt);
      const error = await rejection(
        transcoder.ensure({ trackId: 3, masterPath: corrupt, durationMs: 3000, encoding }),
      );
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
    const fakeFfmpeg = join(dir, 'ffmpeg-dies-midway.sh');
    // Writes some output to its last argument (the temp file), complains, and fails.
    const script =
      '#!/bin/sh\nfor last; do :; done\necho partial > "$last"\necho "boom: disk on fire" >&2\nexit 1\n';
    await writeFile(fakeFfmpeg, script, { mode: 0o755 });
    const { transcoder, cacheDir } = setup({ tools: { ffmpeg: fakeFfmpeg } });
    const error = await rejection(transcoder.ensure(short('aac-128')));
    expect(error.code).toBe('ENCODE_FAILED');
    expect(error.message).toContain('ffmpeg exited with code 1: boom: disk on fire');
    expect(filesUnder(join(cacheDir, 'aac-128'))).toEqual([]);
  });

  it('fails a missing master with MASTER_MISSING', async () => {
    const { transcoder } = setup();
    const error = await rejection(
      transcoder.ensure({ ...short('flac'), masterPath: join(dir, 'nope.flac') }),
    );
    expect(error.code).toBe('MASTER_MISSING');
    expect(error.status).toBe(500);
  });

  it('refuses an unavailable encoding with ENCODING_UNAVAILABLE', async () => {
    const limited = new Map(availability);
    limited.set('mpc-standard', {
      encoding: 'mpc-standard',
      available: false,
      reason: "encoder binary 'mpcenc' not found on PATH",
    });
    const { transcoder } = setup({ availability: limited });
    const error = await rejection(transcoder.ensure(short('mpc-standard')));
    expect(error.code).toBe('ENCODING_UNAVAILABLE');
    expect(error.status).toBe(409);
    expect(error.message).toContain("'mpcenc' not found");
    expect(transcoder.lookup(1, 'mpc-standard')).toBeUndefined();
  });
});

describe('Transcoder.close', () => {
  it('kills running encoders, rejects queued work and removes temp files', async () => {
    const { transcoder, cacheDir } = setup({ concurrency: 1 });
    const long = (trackId: number): EncodeRequest => ({
      trackId,
      masterPath: longMaster,
      durationMs: 60_000,
      encoding: 'vorbis-q6',
    });
    const running = rejection(transcoder.ensure(long(20)));
    const queued = rejection(transcoder.ensure(long(21)));
    await waitFor(() => (transcoder.progress(20, 'vorbis-q6') ?? 0) > 0);
    expect(encoderProcessesFor(cacheDir)).toBeGreaterThan(0);

    await transcoder.close();
    for (const error of [await running, await queued]) {
      expect(error.code).toBe('ENCODE_FAILED');
      expect(error.status).toBe(503);
    }
    expect(encoderProcessesFor(cacheDir)).toBe(0);
    expect(filesUnder(cacheDir)).toEqual([]);
    expect((await rejection(transcoder.ensure(short('flac')))).status).toBe(503);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Live processes whose command line mentions the cache folder, i.e. encoders writing into it. */
function encoderProcessesFor(cacheDir: string): number {
  let count = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(cacheDir)) count += 1;
    } catch {
      // The process exited while we looked.
    }
  }
  return count;
}
