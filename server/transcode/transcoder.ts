// Encodes masters into store encodings on demand: disk cache, one run per (track, encoding), bounded pool.

import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { availableParallelism, hostname } from 'node:os';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EncodingId } from '../../api/schemas/encoding-catalog.ts';
import { StoreError } from '../errors/store-error.ts';
import { CacheLayout } from './cache-layout.ts';
import { commitOutput } from './commit-output.ts';
import { watchFfmpegProgress } from './ffmpeg-progress.ts';
import { previewRecipeHash, previewStages, previewWindow } from './preview-recipe.ts';
import { ProgressFanout, type ProgressListener } from './progress-fanout.ts';
import { type Binaries, RECIPES } from './recipes.ts';
import { runPipeline, type Stage } from './run-pipeline.ts';
import type {
  CacheKind,
  EncodeIndex,
  EncodeRecord,
  EncodeRequest,
  EncoderAvailability,
  ExactSizes,
  PreviewRequest,
  ToolPaths,
} from './types.ts';
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
  promise: Promise<EncodeRecord<CacheKind>>;
  progress: ProgressFanout;
}

/** One encoder run into the cache: a sold encoding or a preview. */
interface Job<K extends CacheKind> {
  trackId: number;
  kind: K;
  version: string;
  masterPath: string;
  /** Length of the output, for progress fractions and the timeout. */
  durationMs: number;
  stages: (input: string, output: string) => Stage[];
}

/** Generous on purpose: only a wedged encoder (say, on a damaged master) should ever hit it. */
const encodeTimeoutMs = (durationMs: number) => 60_000 + 10 * Math.max(0, durationMs || 0);

/** Claims on an encode across processes (see #cachedOrEncoded): renewed, looked at, and given up on. */
const CLAIM_RENEW_MS = 1000;
const CLAIM_POLL_MS = 250;
const CLAIM_STALE_MS = 10_000;

export class Transcoder {
  readonly #layout: CacheLayout;
  readonly #index: EncodeIndex;
  readonly #availability: Map<EncodingId, EncoderAvailability>;
  readonly #queue: WorkQueue;
  readonly #bin: Binaries;
  readonly #inFlight = new Map<string, InFlight>();
  /** This transcoder's name in encode claims. */
  readonly #owner = `${hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
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
  async lookup(trackId: number, encoding: EncodingId): Promise<EncodeRecord | undefined> {
    const version = this.#availability.get(encoding)?.encoderVersion;
    return version === undefined ? undefined : this.#lookupVersion(trackId, encoding, version);
  }

  /**
   * The exact sizes of these tracks' current, intact encodes, read in one query: what a price table
   * or an order's reservation needs for every encoding at once.
   */
  async exactSizes(trackIds: number[]): Promise<ExactSizes> {
    const found = new Map<string, number>();
    for (const record of await this.#index.ofTracks(trackIds)) {
      if (record.encoding === 'preview') continue;
      if (this.#availability.get(record.encoding)?.encoderVersion !== record.encoderVersion) continue;
      if (intact(record)) found.set(`${record.trackId}:${record.encoding}`, record.bytes);
    }
    return {
      lookup: (trackId, encoding) => {
        const bytes = found.get(`${trackId}:${encoding}`);
        return bytes === undefined ? undefined : { bytes };
      },
    };
  }

  async #lookupVersion<K extends CacheKind>(
    trackId: number,
    kind: K,
    version: string,
  ): Promise<EncodeRecord<K> | undefined> {
    // The index hands back the kind it was asked for.
    const record = (await this.#index.get(trackId, kind, version)) as EncodeRecord<K> | undefined;
    return record && intact(record) ? record : undefined;
  }

  /**
   * Encode (or return the cached encode). Concurrent calls for the same (trackId, encoding) share ONE
   * encoder run. onProgress gets fractions 0..1, throttled (not more than ~5/s), ending with 1.
   */
  async ensure(req: EncodeRequest, onProgress?: ProgressListener): Promise<EncodeRecord> {
    if (this.#closing) throw shuttingDown();
    const job: Job<EncodingId> = {
      trackId: req.trackId,
      kind: req.encoding,
      version: this.#requireVersion(req.encoding),
      masterPath: req.masterPath,
      durationMs: req.durationMs,
      stages: (input, output) => RECIPES[req.encoding].stages(input, output, this.#bin),
    };
    return this.#ensureJob(job, onProgress);
  }

  /**
   * The track's free preview (preview-recipe.ts), through the same cache, index and encoder pool as the
   * sold encodings. It needs what the Opus encoding needs: ffmpeg with libopus.
   */
  async ensurePreview(req: PreviewRequest): Promise<EncodeRecord<'preview'>> {
    if (this.#closing) throw shuttingDown();
    const window = previewWindow(req.durationMs);
    const job: Job<'preview'> = {
      trackId: req.trackId,
      kind: 'preview',
      version: this.#previewVersion(),
      masterPath: req.masterPath,
      durationMs: window.lengthMs,
      stages: (input, output) => previewStages(input, output, this.#bin, window),
    };
    return this.#ensureJob(job);
  }

  /** Cached preview for the current tools, if its file is intact. */
  async lookupPreview(trackId: number): Promise<EncodeRecord<'preview'> | undefined> {
    const opus = this.#availability.get('opus-160');
    return opus?.available ? this.#lookupVersion(trackId, 'preview', this.#previewVersion()) : undefined;
  }

  #ensureJob<K extends CacheKind>(job: Job<K>, onProgress?: ProgressListener): Promise<EncodeRecord<K>> {
    const key = `${job.trackId}:${job.kind}`;
    const running = this.#inFlight.get(key);
    if (running) {
      if (onProgress) running.progress.subscribe(onProgress);
      return running.promise as Promise<EncodeRecord<K>>;
    }
    // In flight from the first await on, so callers that come while the index is read share this run.
    const progress = new ProgressFanout();
    if (onProgress) progress.subscribe(onProgress);
    const promise = this.#cachedOrEncoded(job, progress).finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, { promise, progress });
    return promise;
  }

  /**
   * The cached encode, or this process's run of the encoder. Processes that share the cache (nodes
   * and workers of one store) claim the key in the index first: one encodes, the others wait for its
   * record, and take over should its claim go stale (the process died).
   */
  async #cachedOrEncoded<K extends CacheKind>(
    job: Job<K>,
    progress: ProgressFanout,
  ): Promise<EncodeRecord<K>> {
    const key = { trackId: job.trackId, encoding: job.kind, encoderVersion: job.version };
    for (;;) {
      const cached = await this.#lookupVersion(job.trackId, job.kind, job.version);
      if (cached) return cached;
      if (await this.#index.claim(key, this.#owner, CLAIM_STALE_MS)) break;
      if (this.#closing) throw shuttingDown();
      await sleep(CLAIM_POLL_MS);
    }
    const renew = setInterval(() => void this.#index.renew(key, this.#owner).catch(() => {}), CLAIM_RENEW_MS);
    try {
      // The last holder may have committed between the lookup and the claim.
      const cached = await this.#lookupVersion(job.trackId, job.kind, job.version);
      if (cached) return cached;
      // A row whose file vanished or changed size is worse than none: drop it before re-encoding.
      if (await this.#index.get(job.trackId, job.kind, job.version))
        await this.#index.delete(job.trackId, job.kind, job.version);
      return await this.#encodeQueued(job, progress);
    } finally {
      clearInterval(renew);
      await this.#index.release(key, this.#owner).catch(() => {});
    }
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

  /** The tools of the Opus encoding (ffmpeg, libopus) plus the preview recipe's own hash. */
  #previewVersion(): string {
    const opus = this.#requireVersion('opus-160');
    const tools = opus.replace(/; recipe [0-9a-f]+$/, '');
    return `${tools}; preview ${previewRecipeHash()}`;
  }

  async #encodeQueued<K extends CacheKind>(job: Job<K>, progress: ProgressFanout): Promise<EncodeRecord<K>> {
    // Checked before queueing so a missing master fails at once rather than after waiting for a slot.
    const master = await stat(job.masterPath).catch((error: unknown) => {
      throw new StoreError('MASTER_MISSING', 500, `the master of track ${job.trackId} is missing`, {
        cause: error,
      });
    });
    if (!master.isFile())
      throw new StoreError('MASTER_MISSING', 500, `the master of track ${job.trackId} is not a file`);
    return this.#queue.run((signal) => this.#encode(job, progress, signal));
  }

  async #encode<K extends CacheKind>(
    job: Job<K>,
    progress: ProgressFanout,
    signal: AbortSignal,
  ): Promise<EncodeRecord<K>> {
    const tempPath = this.#layout.tempPath(job.kind, job.trackId, job.version);
    const durationUs = job.durationMs * 1000;
    try {
      await mkdir(dirname(tempPath), { recursive: true });
      await runPipeline(job.stages(job.masterPath, tempPath), {
        timeoutMs: encodeTimeoutMs(job.durationMs),
        signal,
        onProgressStream: (stream) =>
          watchFfmpegProgress(stream, (outTimeUs) => {
            if (durationUs > 0) progress.update(outTimeUs / durationUs);
          }),
      });
      const { path, bytes, sha256 } = await commitOutput(tempPath, (sha) =>
        this.#layout.finalPath(job.kind, job.trackId, job.version, sha),
      );
      const record: EncodeRecord<K> = {
        trackId: job.trackId,
        encoding: job.kind,
        encoderVersion: job.version,
        path,
        bytes,
        sha256,
        createdAt: new Date().toISOString(),
      };
      await this.#index.put(record);
      progress.finish();
      return record;
    } catch (error) {
      await rm(tempPath, { force: true });
      throw encodeFailure(job, error, signal);
    }
  }
}

/** The record's file is there with the size it was recorded at. */
function intact(record: EncodeRecord<CacheKind>): boolean {
  const file = statSync(record.path, { throwIfNoEntry: false });
  return file?.isFile() === true && file.size === record.bytes;
}

function encodeFailure(job: Job<CacheKind>, error: unknown, signal: AbortSignal): StoreError {
  if (signal.aborted && signal.reason instanceof StoreError) return signal.reason;
  if (error instanceof StoreError) return error;
  // Messages only: a stack trace would leak into the API response and says nothing about the audio.
  const detail = error instanceof Error ? error.message : String(error);
  const message = `encoding track ${job.trackId} as ${job.kind} failed: ${detail}`;
  return new StoreError('ENCODE_FAILED', 500, message, { cause: error });
}

function unavailable(encoding: EncodingId, reason: string): never {
  throw new StoreError('ENCODING_UNAVAILABLE', 409, `encoding '${encoding}' is not available: ${reason}`);
}

function shuttingDown(): StoreError {
  return new StoreError('ENCODE_FAILED', 503, 'the transcoder is shutting down');
}
