// Fails a transfer that waits too long for the next byte, while ignoring time spent throttled or writing.

/**
 * A socket timeout would also fire while we are the slow side (the shared rate limit is holding us, or
 * the disk is busy): the paused socket looks idle. So the watchdog only runs while we wait for data.
 * Time is read from the transfer's `now` (tests inject one); the timer only says when to look at it,
 * and is not reset per chunk: arm/disarm on every chunk only note the time.
 */
export class IdleWatchdog {
  readonly #ms: number;
  readonly #onIdle: () => void;
  readonly #now: () => number;
  #timer: NodeJS.Timeout | null = null;
  /** When we started waiting for data, or null while we are not waiting. */
  #armedAt: number | null = null;
  #stopped = false;

  constructor(ms: number, now: () => number, onIdle: () => void) {
    this.#ms = ms;
    this.#now = now;
    this.#onIdle = onIdle;
  }

  /** Start (or restart) counting: we are ready for more data. */
  arm(): void {
    if (this.#stopped) return;
    this.#armedAt = this.#now();
    if (this.#timer === null) this.#lookIn(this.#ms);
  }

  /** Data arrived; we are busy with it. */
  disarm(): void {
    this.#armedAt = null;
  }

  stop(): void {
    this.#stopped = true;
    this.#armedAt = null;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #lookIn(ms: number): void {
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.#stopped || this.#armedAt === null) return;
      const waited = this.#now() - this.#armedAt;
      if (waited < this.#ms) {
        this.#lookIn(this.#ms - waited);
        return;
      }
      this.#armedAt = null;
      this.#onIdle();
    }, ms);
  }
}
