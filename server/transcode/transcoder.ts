// Encodes masters into store encodings on demand: disk cache, one run per (track, encoding), bounded pool.

import { statSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import type { EncodingId } from '../../api/encodings.ts';
import { StoreError } from '../errors.ts';
import { CacheLayout } from './cache-layout.ts';
import { commitOutput } from './commit-output.ts';
import { watchFfmpegProgress } from './ffmpeg-progress.ts';
import { ProgressFanout, type ProgressListener } from './progress-fanout.ts';
import { type Binaries, RECIPES } from './recipes.ts';
import { runPipeline } from './run-pipeline.ts';
import type { EncodeIndex, EncodeRecord, EncodeRequest, EncoderAvailability, ToolPaths } from './types.ts';
import { WorkQueue } from './work-queue.ts';

export interface TranscoderOptions {
  cacheDir: string;
  index: EncodeIndex;
  /** Result of `probeEncoders()`; also supplies the encoder versions cache entries are keyed by. */
  availability: Map<EncodingId, EncoderAvailability>;
  /** Encoder runs at once; defaults to the number of CPUs. */
  concurrency?: number;
  tools?: ToolPaths;
}

interface InFlight {
  promise: Promise<EncodeRecord>;
  progress: ProgressFanout;
}

/** Generous on purpose: only a wedged encoder (say, on a damaged master) should ever hit it. */
const encodeTimeoutMs = (durationMs: number) => 60_000 + 10 * Math.max(0, durationMs || 0);

export class Transcoder {
  readonly #layout: CacheLayout;
  readonly #index: EncodeIndex;
  readonly #availability: Map<EncodingId, EncoderAvailability>;
  readonly #queue: WorkQueue;
  readonly #bin: Binaries;
  readonly #inFlight = new Map<string, InFlight>();
  #closing: Promise<void> | undefined;

  constructor(opts: TranscoderOptions) {
    this.#layout = new CacheLayout(opts.cacheDir);
    this.#index = opts.index;
    this.#availability = opts.availability;
    this.#queue = new WorkQueue(opts.concurrency ?? availableParallelism());
    this.#bin = { ffmpeg: 'ffmpeg', lame: 'lame', mpcenc: 'mpcenc', ...opts.tools };
    // Temp files are only ever written by a live Transcoder, so any present now are from a crash.
    this.#layout.sweepStaleTemps();
  }

  /** Cached record for the current encoder version whose file still exists with the recorded size, else undefined. */
  lookup(trackId: number, encoding: EncodingId): EncodeRecord | undefined {
    const version = this.#availability.get(encoding)?.encoderVersion;
    if (version === undefined) return undefined;
    const record = this.#index.get(trackId, encoding, version);
    if (!record) return undefined;
    const file = statSync(record.path, { throwIfNoEntry: false });
    return file?.isFile() && file.size === record.bytes ? record : undefined;
  }

  /**
   * Encode (or return the cached encode). Concurrent calls for the same (trackId, encoding) share ONE
   * encoder run. onProgress gets fractions 0..1, throttled (not more than ~5/s), ending with 1.
   */
  async ensure(req: EncodeRequest, onProgress?: ProgressListener): Promise<EncodeRecord> {
    if (this.#closing) throw shuttingDown();
    const version = this.#requireVersion(req.encoding);
    const key = `${req.trackId}:${req.encoding}`;

    const running = this.#inFlight.get(key);
    if (running) {
      if (onProgress) running.progress.subscribe(onProgress);
      return running.promise;
    }
    const cached = this.lookup(req.trackId, req.encoding);
    if (cached) return cached;
    // A row whose file vanished or changed size is worse than none: drop it before re-encoding.
    if (this.#index.get(req.trackId, req.encoding, version))
      this.#index.delete(req.trackId, req.encoding, version);

    const progress = new ProgressFanout();
    if (onProgress) progress.subscribe(onProgress);
    const promise = this.#encodeQueued(req, version, progress).finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, { promise, progress });
    return promise;
  }

  /** Current progress 0..1 of an in-flight (running or queued) encode, or undefined. */
  progress(trackId: number, encoding: EncodingId): number | undefined {
    return this.#inFlight.get(`${trackId}:${encoding}`)?.progress.value;
  }

  /** Kill running encoder processes, reject pending work, remove temp files. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#queue.close(shuttingDown());
      await Promise.allSettled([...this.#inFlight.values()].map(({ promise }) => promise));
    })();
    return this.#closing;
  }

  #requireVersion(encoding: EncodingId): string {
    const availability = this.#availability.get(encoding);
    if (availability?.available && availability.encoderVersion) return availability.encoderVersion;
    const reason = availability?.reason ?? 'unknown encoding';
    return unavailable(encoding, reason);
  }

  async #encodeQueued(req: EncodeRequest, version: string, progress: ProgressFanout): Promise<EncodeRecord> {
    // Checked before queueing so a missing master fails at once rather than after waiting for a slot.
    const master = await stat(req.masterPath).catch((error: unknown) => {
      throw new StoreError('MASTER_MISSING', 500, `the master of track ${req.trackId} is missing`, {
        cause: error,
      });
    });
    if (!master.isFile())
      throw new StoreError('MASTER_MISSING', 500, `the master of track ${req.trackId} is not a file`);
    return this.#queue.run((signal) => this.#encode(req, version, progress, signal));
  }

  async #encode(
    req: EncodeRequest,
    version: string,
    progress: ProgressFanout,
    signal: AbortSignal,
  ): Promise<EncodeRecord> {
    const finalPath = this.#layout.finalPath(req.encoding, req.trackId, version);
    const tempPath = this.#layout.tempPath(req.encoding, finalPath);
    const durationUs = req.durationMs * 1000;
    try {
      await mkdir(dirname(finalPath), { recursive: true });
      await runPipeline(RECIPES[req.encoding].stages(req.masterPath, tempPath, this.#bin), {
        timeoutMs: encodeTimeoutMs(req.durationMs),
        signal,
        onProgressStream: (stream) =>
          watchFfmpegProgress(stream, (outTimeUs) => {
            if (durationUs > 0) progress.update(outTimeUs / durationUs);
          }),
      });
      const { bytes, sha256 } = await commitOutput(tempPath, finalPath);
      const record: EncodeRecord = {
        trackId: req.trackId,
        encoding: req.encoding,
        encoderVersion: version,
        path: finalPath,
        bytes,
        sha256,
        createdAt: new Date().toISOString(),
      };
      this.#index.put(record);
      progress.finish();
      return record;
    } catch (error) {
      await rm(tempPath, { force: true });
      throw encodeFailure(req, error, signal);
    }
  }
}

function encodeFailure(req: EncodeRequest, error: unknown, signal: AbortSignal): StoreError {
  if (signal.aborted && signal.reason instanceof StoreError) return signal.reason;
  if (error instanceof StoreError) return error;
  // Messages only: a stack trace would leak into the API response and says nothing about the audio.
  const detail = error instanceof Error ? error.message : String(error);
  const message = `encoding track ${req.trackId} as ${req.encoding} failed: ${detail}`;
  return new StoreError('ENCODE_FAILED', 500, message, { cause: error });
}

function unavailable(encoding: EncodingId, reason: string): never {
  throw new StoreError('ENCODING_UNAVAILABLE', 409, `encoding '${encoding}' is not available: ${reason}`);
}

function shuttingDown(): StoreError {
  return new StoreError('ENCODE_FAILED', 503, 'the transcoder is shutting down');
}
