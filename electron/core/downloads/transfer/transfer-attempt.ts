// One HTTP attempt: pick the resume point, send GET (+Range/If-Range), stream into the .part while hashing.
//
// The hot path, per batch of socket reads: one pwritev of the batch into the .part (the reads landed in
// shared blocks, see raw-http.ts), then the same memory goes to the hashing thread (sha256-thread.ts)
// while the next batch arrives. Durable checkpoints (fdatasync) run in the background, one interval
// behind the writes. With no bandwidth limit the token bucket is not touched at all.
import { asMegadiscError } from '../../../shared/as-megadisc-error.ts';
import { MegadiscError } from '../../../shared/errors.ts';
import { type BatchLimits, BodyReader } from './body-reader.ts';
import { holdView } from './byte-blocks.ts';
import { type HttpResponse, httpGet } from './http-get.ts';
import { IdleWatchdog } from './idle-watchdog.ts';
import type { PartFile } from './part-file.ts';
import { ProgressReporter } from './progress-reporter.ts';
import { planResponse } from './response-plan.ts';
import { type Sha256Job, sha256Thread } from './sha256-thread.ts';
import type { Checkpoint, TransferRequest, TransferResult } from './types.ts';

const CHECKPOINT_BYTES = 1024 * 1024;
const CHECKPOINT_MS = 1000;
/** A write waits for this much body (or the end, or 50 ms), so the disk sees few, large writes. */
const WRITE_BYTES = 2 * 1024 * 1024;
/** Body bytes held in memory between the socket and the disk, per transfer, with no limit set. */
const QUEUE_BYTES = 4 * 1024 * 1024;
/** Under a bandwidth limit: one socket read per take(), and little read ahead of what the limit allows. */
const THROTTLED: BatchLimits = { minBytes: 1, maxBytes: 64 * 1024, maxQueued: 256 * 1024, flushMs: 50 };
/** Written bytes the hashing thread may lag behind by before the transfer waits for it. */
const HASH_BACKLOG = 12 * 1024 * 1024;
const DEFAULT_CONNECT_MS = 15_000;
const DEFAULT_IDLE_MS = 30_000;

export class TransferAttempt {
  readonly #req: TransferRequest;
  readonly #part: PartFile;
  readonly #now: () => number;
  readonly #progress: ProgressReporter;
  readonly #checkpointBytes: number;
  readonly #checkpointMs: number;
  readonly #fast: BatchLimits;
  /** Valid bytes in the .part, and the SHA-256 (on the hashing thread) fed exactly those bytes. */
  #position = 0;
  #hash: Sha256Job | null = null;
  #etag: string | null = null;
  /** What the caller was last told is durable. */
  #synced = { bytes: -1, etag: null as string | null };
  #syncedAt = 0;
  /** Where the last fdatasync started (the next one starts checkpointBytes further on). */
  #syncFrom = 0;
  /** The fdatasync in flight, if any: it runs while the next interval is written. */
  #syncing: Promise<void> | null = null;
  #syncError: unknown = null;
  /** Bumped when the .part is emptied, so that a sync in flight for the old content reports nothing. */
  #epoch = 0;
  /** The epoch of #synced: after a truncation, even the same byte count needs a new fdatasync. */
  #syncedEpoch = 0;
  /** Set when the watchdog (not the network) ended the response, so the error is STALLED. */
  stalled: MegadiscError | null = null;

  constructor(req: TransferRequest, part: PartFile, now: () => number) {
    this.#req = req;
    this.#part = part;
    this.#now = now;
    this.#progress = new ProgressReporter(req.expected.bytes, now, req.onProgress);
    this.#checkpointBytes = Math.max(64 * 1024, req.checkpoint?.bytes ?? CHECKPOINT_BYTES);
    this.#checkpointMs = req.checkpoint?.ms ?? CHECKPOINT_MS;
    this.#fast = {
      minBytes: Math.min(WRITE_BYTES, this.#checkpointBytes),
      maxBytes: QUEUE_BYTES,
      maxQueued: QUEUE_BYTES,
      flushMs: 50,
    };
  }

  async run(): Promise<TransferResult> {
    await this.#pickResumePoint();
    const offset = this.#position;
    const ifRange = offset > 0 && this.#etag !== null && !this.#etag.startsWith('W/') ? this.#etag : null;
    const idleMs = this.#req.timeouts?.idleMs ?? DEFAULT_IDLE_MS;
    let request: { destroy(error?: Error): void } | null = null;
    let response: HttpResponse | null = null;
    const watchdog = new IdleWatchdog(idleMs, this.#now, () => {
      this.stalled = new MegadiscError('STALLED', `no data from the store for ${idleMs / 1000} s`, {
        retryable: true,
      });
      request?.destroy(this.stalled);
    });
    try {
      response = await httpGet(this.#req.url, {
        headers: this.#headers(offset, ifRange),
        signal: this.#req.signal,
        connectMs: this.#req.timeouts?.connectMs ?? DEFAULT_CONNECT_MS,
        // The idle clock starts once connected (the connect timeout covers the time before).
        onConnected: () => watchdog.arm(),
        onRequest: (r) => {
          request = r;
        },
      });
      watchdog.disarm();
      const plan = planResponse({
        status: response.statusCode ?? 0,
        headers: response.headers,
        offset,
        ifRange,
        expectedBytes: this.#req.expected.bytes,
        nowMs: Date.now(),
      });
      if (plan.kind === 'fail') throw plan.error;
      if (plan.kind === 'restart') {
        response.destroy();
        await this.#resetTo(null);
        throw new MegadiscError('RANGE_MISMATCH', `${plan.reason}; starting again from zero`, {
          retryable: true,
        });
      }
      if (plan.kind === 'write') {
        if (plan.from !== this.#position) await this.#resetTo(plan.etag);
        this.#etag = plan.etag;
        await this.#receive(response, watchdog);
      }
    } finally {
      watchdog.stop();
      // A response read to its end needs nothing more (an HTTPS socket went back to its agent).
      if (!response?.complete) (request as { destroy(error?: Error): void } | null)?.destroy();
    }
    return this.#verify();
  }

  /** Best effort after a failure: make what was received durable and say so, so the retry resumes there. */
  async checkpointAfterFailure(): Promise<void> {
    await this.#syncing;
    if (this.#synced.bytes < 0) return;
    if (this.#position === this.#synced.bytes && this.#etag === this.#synced.etag) return;
    await this.#checkpoint().catch(() => {});
  }

  async #pickResumePoint(): Promise<void> {
    const from = this.#req.resumeFrom;
    const size = await this.#part.size();
    let start = from ? Math.min(from.bytes, size) : 0;
    // A checkpoint past the end cannot be a prefix of this file: do not trust any of it.
    if (start > this.#req.expected.bytes) start = 0;
    await this.#part.truncate(start);
    this.#req.signal?.throwIfAborted();
    this.#hash = await this.#openHash(start);
    this.#position = start;
    this.#syncFrom = start;
    this.#etag = start > 0 ? (from?.etag ?? null) : null;
    this.#synced = { bytes: start, etag: this.#etag };
    this.#syncedAt = this.#now();
  }

  #headers(offset: number, ifRange: string | null): Record<string, string> {
    const headers: Record<string, string> = {
      ...this.#req.headers,
      // Sizes, ranges and the hash all refer to the stored bytes, never to a compressed transfer.
      'accept-encoding': 'identity',
    };
    if (offset > 0) headers.range = `bytes=${offset}-`;
    if (ifRange !== null) headers['if-range'] = ifRange;
    return headers;
  }

  async #receive(response: HttpResponse, watchdog: IdleWatchdog): Promise<void> {
    const { expected, throttle, signal } = this.#req;
    this.#progress.start(this.#position);
    this.#progress.update(this.#position);
    const limited = () => throttle !== undefined && throttle.bytesPerSecond !== null;
    const reader = new BodyReader(response, limited() ? THROTTLED : this.#fast, (waiting) =>
      waiting ? watchdog.arm() : watchdog.disarm(),
    );
    try {
      for (;;) {
        const throttled = limited();
        const batch = await reader.next(throttled ? THROTTLED : this.#fast);
        if (batch === null) break;
        let bytes = 0;
        for (const chunk of batch) bytes += chunk.length;
        if (this.#position + bytes > expected.bytes) {
          // Keep what fits (it is a prefix of the body like any other), then refuse the rest.
          const fits: Buffer[] = [];
          let room = expected.bytes - this.#position;
          for (const chunk of batch) {
            if (chunk.length > room) break;
            fits.push(chunk);
            room -= chunk.length;
          }
          await this.#write(fits, response);
          throw new MegadiscError(
            'SIZE_MISMATCH',
            `the store sent more than the expected ${expected.bytes} bytes`,
            { retryable: false },
          );
        }
        if (throttled) await throttle!.take(bytes, signal);
        await this.#write(batch, response);
        this.#progress.update(this.#position);
      }
    } finally {
      reader.close();
    }
    watchdog.stop();
    if (this.#position !== expected.bytes) {
      // A body shorter than its Content-Length fails as a network error; a clean end here is the server's word.
      throw new MegadiscError(
        'SIZE_MISMATCH',
        `the store's response ended at ${this.#position} of ${expected.bytes} bytes`,
        { retryable: false },
      );
    }
  }

  /**
   * Appends `chunks` at the position: one pwritev per piece, then the piece goes to the hashing thread
   * (and its memory back to the reader once hashed). A piece ends at the next checkpoint boundary,
   * where the fdatasync of that boundary starts (after the previous one has finished) and runs while
   * the next interval is written: checkpoints land every checkpointBytes, never further apart.
   */
  async #write(chunks: Buffer[], source: HttpResponse): Promise<void> {
    let rest = chunks;
    while (rest.length > 0) {
      this.#throwIfSyncFailed();
      const boundary = this.#syncFrom + this.#checkpointBytes;
      const [piece, later] = splitAt(rest, boundary - this.#position);
      let bytes = 0;
      for (const chunk of piece) bytes += chunk.length;
      await this.#part.writev(piece, this.#position);
      // Written: the buffers go to the hashing thread (if the write fails the attempt ends, and the
      // next one hashes its prefix from disk again).
      this.#hash!.update(piece, () => source.release?.(piece));
      this.#position += bytes;
      rest = later;
      await this.#hash!.drained(HASH_BACKLOG);
      if (this.#position === boundary) {
        await this.#syncing;
        this.#startSync();
      }
    }
    if (
      this.#syncing === null &&
      this.#position > this.#syncFrom &&
      this.#now() - this.#syncedAt >= this.#checkpointMs
    ) {
      this.#startSync();
    }
  }

  /** Frees the hashing thread's state of an attempt that did not finish. */
  dispose(): void {
    this.#hash?.drop();
  }

  /** A hash that has read the first `bytes` bytes of the .part back from disk (on the hashing thread). */
  async #openHash(bytes: number): Promise<Sha256Job> {
    try {
      return await sha256Thread().open(this.#part.path, bytes);
    } catch (error) {
      // A file-system error reads like one written; a short .part stays a plain error, as before.
      throw (error as NodeJS.ErrnoException).code ? this.#diskError(error) : error;
    }
  }

  #diskError(cause: unknown): MegadiscError {
    return asMegadiscError(cause, `cannot write ${this.#part.path}`);
  }

  /** A background fdatasync that failed ends the attempt at its next write, sync or verification. */
  #throwIfSyncFailed(): void {
    if (this.#syncError !== null) throw this.#diskError(this.#syncError);
  }

  /** fdatasync in the background; its checkpoint is reported when it completes. */
  #startSync(): void {
    this.#throwIfSyncFailed();
    const at: Checkpoint = { bytes: this.#position, etag: this.#etag };
    const epoch = this.#epoch;
    this.#syncFrom = at.bytes;
    this.#syncing = this.#part.sync().then(
      () => {
        this.#syncing = null;
        if (epoch === this.#epoch) this.#report(at);
      },
      (error: unknown) => {
        this.#syncing = null;
        this.#syncError ??= error;
      },
    );
  }

  async #verify(): Promise<TransferResult> {
    const { expected } = this.#req;
    await this.#syncing;
    this.#throwIfSyncFailed();
    if (this.#req.checkpoint?.atEnd !== false) await this.#checkpoint();
    this.#progress.update(this.#position, true);
    if (this.#position !== expected.bytes) {
      throw new MegadiscError('SIZE_MISMATCH', `got ${this.#position} bytes, expected ${expected.bytes}`);
    }
    const sha256 = await this.#hash!.digest();
    if (sha256 !== expected.sha256.toLowerCase()) {
      throw new MegadiscError(
        'CHECKSUM_MISMATCH',
        `the downloaded file's SHA-256 is ${sha256}, the order says ${expected.sha256}`,
        { retryable: true },
      );
    }
    return { bytes: this.#position, sha256, etag: this.#etag };
  }

  /** Drops the .part's content (the server now sends, or will send, a body from byte 0). */
  async #resetTo(etag: string | null): Promise<void> {
    await this.#syncing;
    this.#epoch += 1;
    await this.#part.truncate(0);
    this.#hash?.drop();
    this.#hash = await this.#openHash(0);
    this.#position = 0;
    this.#syncFrom = 0;
    this.#etag = etag;
    await this.#checkpoint();
  }

  /** fdatasync now (nothing else in flight; skipped when nothing was written since) and report it. */
  async #checkpoint(): Promise<void> {
    await this.#syncing;
    this.#throwIfSyncFailed();
    const at: Checkpoint = { bytes: this.#position, etag: this.#etag };
    this.#syncFrom = at.bytes;
    if (at.bytes !== this.#synced.bytes || this.#epoch !== this.#syncedEpoch) await this.#part.sync();
    this.#report(at);
  }

  #report(at: Checkpoint): void {
    this.#synced = at;
    this.#syncedEpoch = this.#epoch;
    this.#syncedAt = this.#now();
    this.#req.onCheckpoint?.(at);
  }
}

/** The first `bytes` bytes of `chunks` and the rest, splitting a chunk if need be (no copy). */
function splitAt(chunks: Buffer[], bytes: number): [Buffer[], Buffer[]] {
  let left = bytes;
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    if (chunk.length < left) {
      left -= chunk.length;
      continue;
    }
    if (chunk.length === left) return [chunks.slice(0, i + 1), chunks.slice(i + 1)];
    const tail = chunk.subarray(left);
    // Two views of one chunk now: each is released on its own.
    holdView(tail);
    return [
      [...chunks.slice(0, i), chunk.subarray(0, left)],
      [tail, ...chunks.slice(i + 1)],
    ];
  }
  return [chunks, []];
}
