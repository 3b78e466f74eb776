// One HTTP attempt: pick the resume point, send GET (+Range/If-Range), stream into the .part while hashing.
import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import type { ClientRequest } from 'node:http';
import type { Socket } from 'node:net';
import got, { type Request as GotRequest, type Response as GotResponse } from 'got';
import { MegadiscError } from '../../../shared/errors.ts';
import { BodyReader } from './body-reader.ts';
import { IdleWatchdog } from './idle-watchdog.ts';
import type { PartFile } from './part-file.ts';
import { ProgressReporter } from './progress-reporter.ts';
import { planResponse } from './response-plan.ts';
import type { TransferRequest, TransferResult } from './types.ts';

const CHECKPOINT_BYTES = 1024 * 1024;
const CHECKPOINT_MS = 1000;
/** Body bytes held in memory between the socket and the disk, per transfer. */
const QUEUE_BYTES = 256 * 1024;
const DEFAULT_CONNECT_MS = 15_000;
const DEFAULT_IDLE_MS = 30_000;

export class TransferAttempt {
  readonly #req: TransferRequest;
  readonly #part: PartFile;
  readonly #clock: { now(): number };
  readonly #progress: ProgressReporter;
  /** Valid bytes in the .part, and the SHA-256 state over exactly those bytes. */
  #position = 0;
  #hash: Hash = createHash('sha256');
  #etag: string | null = null;
  /** What the caller was last told is durable. */
  #synced = { bytes: -1, etag: null as string | null };
  #syncedAt = 0;
  /** Set when the watchdog (not the network) ended the response, so the error is STALLED. */
  stalled: MegadiscError | null = null;

  constructor(req: TransferRequest, part: PartFile, clock: { now(): number }) {
    this.#req = req;
    this.#part = part;
    this.#clock = clock;
    this.#progress = new ProgressReporter(req.expected.bytes, clock, req.onProgress);
  }

  async run(): Promise<TransferResult> {
    await this.#pickResumePoint();
    const offset = this.#position;
    const ifRange = offset > 0 && this.#etag !== null && !this.#etag.startsWith('W/') ? this.#etag : null;
    const { stream, watchdog } = this.#request(offset, ifRange);
    try {
      const [response] = (await once(stream, 'response')) as [GotResponse];
      const plan = planResponse({
        status: response.statusCode,
        headers: response.headers,
        offset,
        ifRange,
        expectedBytes: this.#req.expected.bytes,
        nowMs: Date.now(),
      });
      if (plan.kind === 'fail') throw plan.error;
      if (plan.kind === 'restart') {
        stream.destroy();
        await this.#resetTo(null);
        throw new MegadiscError('RANGE_MISMATCH', `${plan.reason}; starting again from zero`, {
          retryable: true,
        });
      }
      if (plan.kind === 'write') {
        if (plan.from !== this.#position) await this.#resetTo(plan.etag);
        this.#etag = plan.etag;
        await this.#receive(stream, watchdog);
      }
    } finally {
      stream.destroy();
    }
    return this.#verify();
  }

  /** Best effort after a failure: make what was received durable and say so, so the retry resumes there. */
  async checkpointAfterFailure(): Promise<void> {
    if (this.#position === this.#synced.bytes && this.#etag === this.#synced.etag) return;
    if (this.#synced.bytes < 0) return;
    await this.#checkpoint().catch(() => {});
  }

  async #pickResumePoint(): Promise<void> {
    const from = this.#req.resumeFrom;
    const size = await this.#part.size();
    let start = from ? Math.min(from.bytes, size) : 0;
    // A checkpoint past the end cannot be a prefix of this file: do not trust any of it.
    if (start > this.#req.expected.bytes) start = 0;
    await this.#part.truncate(start);
    this.#hash = await this.#part.hashPrefix(start, this.#req.signal);
    this.#position = start;
    this.#etag = start > 0 ? (from?.etag ?? null) : null;
    this.#synced = { bytes: start, etag: this.#etag };
    this.#syncedAt = this.#clock.now();
  }

  #request(offset: number, ifRange: string | null): { stream: GotRequest; watchdog: IdleWatchdog } {
    const headers: Record<string, string> = {
      ...this.#req.headers,
      // Sizes, ranges and the hash all refer to the stored bytes, never to a compressed transfer.
      'accept-encoding': 'identity',
    };
    if (offset > 0) headers.range = `bytes=${offset}-`;
    if (ifRange !== null) headers['if-range'] = ifRange;
    const connectMs = this.#req.timeouts?.connectMs ?? DEFAULT_CONNECT_MS;
    const idleMs = this.#req.timeouts?.idleMs ?? DEFAULT_IDLE_MS;
    const stream = got.stream(this.#req.url, {
      headers,
      signal: this.#req.signal,
      retry: { limit: 0 },
      throwHttpErrors: false,
      decompress: false,
      http2: false,
      timeout: { lookup: connectMs, connect: connectMs },
    });
    const watchdog = new IdleWatchdog(idleMs, this.#clock, () => {
      this.stalled = new MegadiscError('STALLED', `no data from the store for ${idleMs / 1000} s`, {
        retryable: true,
      });
      stream.destroy(this.stalled);
    });
    // The idle clock starts once connected (the connect timeout covers the time before).
    stream.once('request', (request: ClientRequest) =>
      request.once('socket', (socket: Socket) => {
        if (socket.connecting) socket.once('connect', () => watchdog.arm());
        else watchdog.arm();
      }),
    );
    stream.once('response', () => watchdog.disarm());
    stream.once('close', () => watchdog.stop());
    return { stream, watchdog };
  }

  async #receive(stream: GotRequest, watchdog: IdleWatchdog): Promise<void> {
    const { expected, throttle, signal } = this.#req;
    this.#progress.start(this.#position);
    this.#progress.update(this.#position);
    const reader = new BodyReader(stream, QUEUE_BYTES, (waiting) =>
      waiting ? watchdog.arm() : watchdog.disarm(),
    );
    for (let chunk = await reader.next(); chunk !== null; chunk = await reader.next()) {
      if (this.#position + chunk.length > expected.bytes) {
        throw new MegadiscError(
          'SIZE_MISMATCH',
          `the store sent more than the expected ${expected.bytes} bytes`,
          { retryable: false },
        );
      }
      if (throttle) await throttle.take(chunk.length, signal);
      await this.#part.write(chunk, this.#position);
      this.#hash.update(chunk);
      this.#position += chunk.length;
      this.#progress.update(this.#position);
      const sinceSync = this.#position - this.#synced.bytes;
      if (sinceSync >= CHECKPOINT_BYTES || this.#clock.now() - this.#syncedAt >= CHECKPOINT_MS) {
        await this.#checkpoint();
      }
    }
    watchdog.stop();
    if (this.#position !== expected.bytes) {
      // got already fails a body shorter than its Content-Length; a clean end here is the server's word.
      throw new MegadiscError(
        'SIZE_MISMATCH',
        `the store's response ended at ${this.#position} of ${expected.bytes} bytes`,
        { retryable: false },
      );
    }
  }

  async #verify(): Promise<TransferResult> {
    const { expected } = this.#req;
    await this.#checkpoint();
    this.#progress.update(this.#position, true);
    if (this.#position !== expected.bytes) {
      throw new MegadiscError('SIZE_MISMATCH', `got ${this.#position} bytes, expected ${expected.bytes}`);
    }
    const sha256 = this.#hash.digest('hex');
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
    await this.#part.truncate(0);
    this.#hash = createHash('sha256');
    this.#position = 0;
    this.#etag = etag;
    await this.#checkpoint();
  }

  async #checkpoint(): Promise<void> {
    await this.#part.sync();
    this.#synced = { bytes: this.#position, etag: this.#etag };
    this.#syncedAt = this.#clock.now();
    this.#req.onCheckpoint?.({ bytes: this.#position, etag: this.#etag });
  }
}
