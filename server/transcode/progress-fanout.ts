// Shares one encode's progress with every caller waiting on it, throttled per caller.

export type ProgressListener = (fraction: number) => void;

interface Subscriber {
  listener: ProgressListener;
  lastEmitAt: number;
}

/** At most five callbacks a second per caller: enough for a progress bar, cheap for an SSE stream. */
const MIN_INTERVAL_MS = 200;
/** The encoder reaching the end is not the end: hashing and committing follow, so 1 means "ready". */
const MAX_BEFORE_FINISH = 0.99;

export class ProgressFanout {
  readonly #subscribers: Subscriber[] = [];
  readonly #minIntervalMs: number;
  #value = 0;
  #finished = false;

  constructor(minIntervalMs = MIN_INTERVAL_MS) {
    this.#minIntervalMs = minIntervalMs;
  }

  get value(): number {
    return this.#value;
  }

  subscribe(listener: ProgressListener): void {
    const subscriber = { listener, lastEmitAt: Number.NEGATIVE_INFINITY };
    this.#subscribers.push(subscriber);
    if (this.#finished) emit(subscriber, 1);
  }

  /** Records a new fraction; only forward movement is reported. */
  update(fraction: number): void {
    if (this.#finished) return;
    const value = Math.min(Math.max(fraction, 0), MAX_BEFORE_FINISH);
    if (!(value > this.#value)) return;
    this.#value = value;
    const now = performance.now();
    for (const subscriber of this.#subscribers) {
      if (now - subscriber.lastEmitAt >= this.#minIntervalMs) emit(subscriber, value, now);
    }
  }

  /** Reports 1 to everyone, unthrottled, so every caller sees completion. */
  finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#value = 1;
    for (const subscriber of this.#subscribers) emit(subscriber, 1);
  }
}

function emit(subscriber: Subscriber, value: number, now = performance.now()): void {
  subscriber.lastEmitAt = now;
  try {
    subscriber.listener(value);
  } catch {
    // A broken progress consumer (say, a closed HTTP stream) must not fail the encode others wait on.
  }
}
