// Shared fixture for the Transcoder tests: masters, one real probe, and per-test transcoders closed after.

import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { EncodingId } from '../../../../api/schemas/encoding-catalog.ts';
import { StoreError } from '../../../../server/errors/store-error.ts';
import {
  type EncodeRequest,
  type EncoderAvailability,
  probeEncoders,
  Transcoder,
  type TranscoderOptions,
} from '../../../../server/transcode/index.ts';
import { MemoryEncodeIndex } from '../../../../server/transcode/memory-encode-index.ts';
import { makeMaster } from './audio-fixtures.ts';

export interface Harness {
  /** Scratch folder for the whole test file. */
  dir: string;
  availability: Map<EncodingId, EncoderAvailability>;
  /** A 3-second sine master, quick to encode. */
  short(encoding: EncodingId, trackId?: number): EncodeRequest;
  /** A 60-second white-noise master: about a second of Vorbis work, long enough to watch or interrupt. */
  long(encoding: EncodingId, trackId: number): EncodeRequest;
  /** A transcoder with its own cache folder and index, closed after the test. */
  setup(options?: Partial<TranscoderOptions>): {
    transcoder: Transcoder;
    index: MemoryEncodeIndex;
    cacheDir: string;
  };
  /** A unique name for per-test files. */
  unique(prefix: string): string;
}

export function setupTranscoderHarness(): Harness {
  let dir = '';
  let counter = 0;
  let availability = new Map<EncodingId, EncoderAvailability>();
  const open: Transcoder[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'megadisc-transcoder-'));
    await Promise.all([
      makeMaster(join(dir, 'short.flac'), { seconds: 3 }),
      makeMaster(join(dir, 'long.flac'), { seconds: 60, source: 'noise' }),
    ]);
    availability = await probeEncoders();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((transcoder) => transcoder.close()));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  return {
    get dir() {
      return dir;
    },
    get availability() {
      return availability;
    },
    short: (encoding, trackId = 1) => ({
      trackId,
      masterPath: join(dir, 'short.flac'),
      durationMs: 3000,
      encoding,
    }),
    long: (encoding, trackId) => ({
      trackId,
      masterPath: join(dir, 'long.flac'),
      durationMs: 60_000,
      encoding,
    }),
    setup(options = {}) {
      const cacheDir = join(dir, this.unique('cache'));
      const index = new MemoryEncodeIndex();
      const transcoder = new Transcoder({ cacheDir, index, availability, concurrency: 2, ...options });
      open.push(transcoder);
      return { transcoder, index, cacheDir };
    },
    unique(prefix) {
      counter += 1;
      return `${prefix}-${counter}`;
    },
  };
}

/** Every file below `path`, temp files included. */
export function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The StoreError a promise rejects with (fails the test if it resolves or rejects with something else). */
export async function storeRejection(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

/** Polls until `condition` holds: for states a held encoder run guarantees will come. */
export async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
