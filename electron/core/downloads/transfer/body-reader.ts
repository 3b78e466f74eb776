// Reads a response body through a small bounded queue, so bytes that arrived before a failure are kept.
import type { Readable } from 'node:stream';

/**
 * Async iteration (or pipe) over a got stream loses whatever sits in the stream's buffer when the
 * connection dies: got destroys the stream on the error, and destroy drops buffered chunks. Here the
 * stream flows into our own queue instead, and an error is only thrown once every chunk that came before
 * it has been handed out, so a reset or truncated body still ends up in the .part. The queue is bounded
 * (the stream is paused above `maxQueued` bytes), so memory stays flat with a slow disk or a throttle.
 */
export class BodyReader {
  readonly #stream: Readable;
  readonly #maxQueued: number;
  readonly #onWaiting: (waiting: boolean) => void;
  readonly #queue: Buffer[] = [];
  #queued = 0;
  #ended = false;
  #error: unknown = null;
  #wake: (() => void) | null = null;

  /** onWaiting(true) when the consumer waits on an empty queue, (false) when data arrives: the idle clock. */
  constructor(stream: Readable, maxQueued: number, onWaiting: (waiting: boolean) => void) {
    this.#stream = stream;
    this.#maxQueued = maxQueued;
    this.#onWaiting = onWaiting;
    stream.on('data', (chunk: Buffer) => {
      this.#queue.push(chunk);
      this.#queued += chunk.length;
      if (this.#queued >= this.#maxQueued) stream.pause();
      this.#notify();
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
  }

  /** The next chunk, null at a clean end; throws the stream's error after the chunks before it. */
  async next(): Promise<Buffer | null> {
    for (;;) {
      const chunk = this.#queue.shift();
      if (chunk) {
        this.#queued -= chunk.length;
        if (this.#queued < this.#maxQueued / 2 && this.#stream.isPaused() && !this.#stream.destroyed) {
          this.#stream.resume();
        }
        return chunk;
      }
      if (this.#error !== null) throw this.#error;
      if (this.#ended) return null;
      this.#onWaiting(true);
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      this.#onWaiting(false);
    }
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }
}
