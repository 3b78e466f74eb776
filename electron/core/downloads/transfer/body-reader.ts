// Reads a response body through a bounded queue in batches, so bytes that arrived before a failure are
// kept and the disk sees a few large writes instead of one per socket read.
import { holdView } from './byte-blocks.ts';
import type { HttpResponse } from './http-get.ts';

export interface BatchLimits {
  /** Hand out a batch once this many bytes are queued (or at the end, an error, or after flushMs). */
  minBytes: number;
  /** At most this many bytes per batch (always at least one chunk). */
  maxBytes: number;
  /** Pause the response above this many queued bytes: memory stays flat with a slow disk or a throttle. */
  maxQueued: number;
  /** A partial batch waits at most this long after its first byte arrived: slow links still progress. */
  flushMs: number;
}

/**
 * Async iteration (or pipe) over a response loses whatever sits in the stream's buffer when the
 * connection dies: the stream is destroyed on the error, and destroy drops buffered chunks. Here the
 * stream flows into our own queue instead, and an error is only thrown once every chunk that came before
 * it has been handed out, so a reset or truncated body still ends up in the .part. The queue is bounded
 * (the stream is paused above `maxQueued` bytes), so memory stays flat.
 *
 * `onWaiting(true)` is called whenever the consumer is waiting for data (again on every chunk that does
 * not complete its batch: the idle clock restarts), `onWaiting(false)` when it stops waiting.
 */
export class BodyReader {
  readonly #stream: HttpResponse;
  readonly #onWaiting: (waiting: boolean) => void;
  readonly #queue: Buffer[] = [];
  #queued = 0;
  #limits: BatchLimits;
  #ended = false;
  #error: unknown = null;
  #waiting = false;
  #wake: (() => void) | null = null;
  #flushTimer: NodeJS.Timeout | null = null;
  #flushDue = false;

  constructor(stream: HttpResponse, limits: BatchLimits, onWaiting: (waiting: boolean) => void) {
    this.#stream = stream;
    this.#limits = limits;
    this.#onWaiting = onWaiting;
    stream.on('data', (chunk: Buffer) => {
      this.#queue.push(chunk);
      this.#queued += chunk.length;
      if (this.#queued >= this.#limits.maxQueued) stream.pause();
      if (this.#flushTimer === null && !this.#flushDue) {
        this.#flushTimer = setTimeout(() => {
          this.#flushTimer = null;
          this.#flushDue = true;
          this.#notify();
        }, this.#limits.flushMs);
      }
      if (this.#queued >= this.#limits.minBytes) this.#notify();
      else if (this.#waiting) this.#onWaiting(true);
    });
    stream.once('end', () => {
      this.#ended = true;
      this.#notify();
    });
    stream.once('error', (error) => {
      this.#error ??= error;
      this.#notify();
    });
    stream.once('close', () => {
      if (!this.#ended) this.#error ??= new Error('the response closed before its end');
      this.#notify();
    });
    // Listeners are in place: let the body flow (a RawResponse holds it back until now).
    stream.resume();
  }

  /**
   * The next batch of chunks, null at a clean end; throws the stream's error once the chunks before it
   * have been handed out. `limits` apply from now on (a throttle may come and go during a transfer).
   */
  async next(limits: BatchLimits): Promise<Buffer[] | null> {
    this.#limits = limits;
    for (;;) {
      const finished = this.#ended || this.#error !== null;
      if (this.#queued > 0 && (this.#queued >= limits.minBytes || finished || this.#flushDue)) {
        return this.#take(limits.maxBytes);
      }
      if (this.#queued === 0) {
        if (this.#error !== null) throw this.#error;
        if (this.#ended) return null;
      }
      if (this.#stream.isPaused() && !this.#stream.destroyed) this.#stream.resume();
      this.#waiting = true;
      this.#onWaiting(true);
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      this.#waiting = false;
      this.#onWaiting(false);
    }
  }

  /** Stops the flush timer; the stream itself belongs to the caller. */
  close(): void {
    if (this.#flushTimer !== null) clearTimeout(this.#flushTimer);
    this.#flushTimer = null;
  }

  #take(maxBytes: number): Buffer[] {
    const batch: Buffer[] = [];
    let bytes = 0;
    const first = this.#queue[0]!;
    if (first.length > maxBytes) {
      // One socket read can be bigger than a batch (a throttled transfer takes 64 KiB at a time).
      const rest = first.subarray(maxBytes);
      holdView(rest);
      this.#queue[0] = rest;
      batch.push(first.subarray(0, maxBytes));
      bytes = maxBytes;
    }
    while (this.#queue.length > 0 && (batch.length === 0 || bytes + this.#queue[0]!.length <= maxBytes)) {
      const chunk = this.#queue.shift()!;
      batch.push(chunk);
      bytes += chunk.length;
    }
    this.#queued -= bytes;
    if (this.#queued === 0) {
      this.#flushDue = false;
      if (this.#flushTimer !== null) clearTimeout(this.#flushTimer);
      this.#flushTimer = null;
    }
    if (this.#queued < this.#limits.maxQueued / 2 && this.#stream.isPaused() && !this.#stream.destroyed) {
      this.#stream.resume();
    }
    return batch;
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }
}
