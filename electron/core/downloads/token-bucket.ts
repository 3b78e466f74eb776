// Shared byte-rate limiter: every concurrent download takes tokens from one bucket, so the global limit holds.
import { MegadiscError } from '../../shared/errors.ts';
import { monotonicNow } from '../time/now.ts';
import { wakeableSleep } from '../time/sleep.ts';

export interface TokenBucketOptions {
  /** null = unlimited. */
  bytesPerSecond: number | null;
  /** Most bytes granted at once after an idle spell; also the largest slice one take gets per turn. */
  burstBytes?: number;
  /** Monotonic ms (default performance.now). */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

interface Waiter {
  remaining: number;
  resolve: () => void;
  reject: (error: unknown) => void;
  detach: () => void;
}

const MIN_BURST = 16 * 1024;

/** A burst of a tenth of a second keeps the rate smooth without costing a sleep per chunk. */
const defaultBurst = (rate: number | null) => Math.max(MIN_BURST, Math.round((rate ?? 0) / 10));

export class TokenBucket {
  #rate: number | null;
  #burst: number;
  readonly #fixedBurst: number | undefined;
  #tokens: number;
  #last: number;
  readonly #now: () => number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** FIFO; a waiter with bytes left after its slice goes to the back, so a big take cannot starve others. */
  readonly #queue: Waiter[] = [];
  #pumping = false;
  #wake: AbortController | null = null;

  constructor(opts: TokenBucketOptions) {
    this.#rate = opts.bytesPerSecond;
    this.#fixedBurst = opts.burstBytes;
    this.#burst = opts.burstBytes ?? defaultBurst(opts.bytesPerSecond);
    this.#now = opts.now ?? monotonicNow;
    this.#sleep = opts.sleep ?? wakeableSleep;
    this.#tokens = this.#burst;
    this.#last = this.#now();
  }

  get bytesPerSecond(): number | null {
    return this.#rate;
  }

  /** Takes effect at once: sleeping waiters are woken to recompute their wait at the new rate. */
  setRate(bytesPerSecond: number | null): void {
    this.#refill();
    this.#rate = bytesPerSecond;
    this.#burst = this.#fixedBurst ?? defaultBurst(bytesPerSecond);
    this.#tokens = Math.min(this.#tokens, this.#burst);
    this.#wake?.abort();
    this.#pump();
  }

  take(bytes: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortedError(signal));
    if (bytes <= 0 || (this.#rate === null && this.#queue.length === 0)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const index = this.#queue.indexOf(waiter);
        if (index >= 0) this.#queue.splice(index, 1);
        // The pump may be sleeping on this waiter's behalf: let it look at the queue again.
        if (index === 0) this.#wake?.abort();
        reject(abortedError(signal!));
      };
      const waiter: Waiter = {
        remaining: bytes,
        resolve,
        reject,
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(waiter);
      this.#pump();
    });
  }

  #refill(): void {
    const now = this.#now();
    if (this.#rate !== null) {
      this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#last) * this.#rate) / 1000);
    }
    this.#last = now;
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (this.#queue.length > 0) {
        const rate = this.#rate;
        if (rate === null) {
          for (const waiter of this.#queue.splice(0)) {
            waiter.detach();
            waiter.resolve();
          }
          break;
        }
        this.#refill();
        const head = this.#queue[0]!;
        const slice = Math.min(head.remaining, this.#burst);
        if (this.#tokens >= slice) {
          this.#tokens -= slice;
          head.remaining -= slice;
          this.#queue.shift();
          if (head.remaining > 0) this.#queue.push(head);
          else {
            head.detach();
            head.resolve();
          }
          continue;
        }
        const waitMs = Math.max(1, Math.ceil(((slice - this.#tokens) * 1000) / rate));
        this.#wake = new AbortController();
        try {
          await this.#sleep(waitMs, this.#wake.signal);
        } catch {
          // Woken early by setRate or an abort: recompute.
        }
        this.#wake = null;
      }
    } finally {
      this.#pumping = false;
    }
  }
}

function abortedError(signal: AbortSignal): MegadiscError {
  return new MegadiscError('ABORTED', 'the download was cancelled', { cause: signal.reason });
}
