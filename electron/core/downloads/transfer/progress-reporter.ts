// Rate-limited progress events with a speed averaged over the last few seconds and an ETA.
import type { TransferProgress } from './types.ts';

const MIN_INTERVAL_MS = 100;
const WINDOW_MS = 3000;

export class ProgressReporter {
  readonly #total: number;
  readonly #now: () => number;
  readonly #emit: ((p: TransferProgress) => void) | undefined;
  /** (time, received) samples; the speed is the slope across the window, so a resumed prefix is not "speed". */
  #samples: { t: number; bytes: number }[] = [];
  #lastEmit = Number.NEGATIVE_INFINITY;

  constructor(total: number, now: () => number, emit: ((p: TransferProgress) => void) | undefined) {
    this.#total = total;
    this.#now = now;
    this.#emit = emit;
  }

  /** Starts a new speed measurement at `bytes` (the attempt's starting point). */
  start(bytes: number): void {
    this.#samples = [{ t: this.#now(), bytes }];
  }

  /** Records progress; emits when 100 ms have passed since the last event, or always when `final`. */
  update(received: number, final = false): void {
    const now = this.#now();
    // One sample per 50 ms is plenty for a slope and keeps the window small at any chunk rate.
    const last = this.#samples.at(-1);
    if (!last || final || now - last.t >= 50) this.#samples.push({ t: now, bytes: received });
    while (this.#samples.length > 2 && now - this.#samples[1]!.t >= WINDOW_MS) this.#samples.shift();
    if (!this.#emit || (!final && now - this.#lastEmit < MIN_INTERVAL_MS)) return;
    this.#lastEmit = now;
    const first = this.#samples[0]!;
    const elapsed = (now - first.t) / 1000;
    const bytesPerSecond = elapsed > 0 ? Math.max(0, (received - first.bytes) / elapsed) : 0;
    const remaining = Math.max(0, this.#total - received);
    const etaSeconds = remaining === 0 ? 0 : bytesPerSecond > 0 ? remaining / bytesPerSecond : null;
    this.#emit({ receivedBytes: received, totalBytes: this.#total, bytesPerSecond, etaSeconds });
  }
}
