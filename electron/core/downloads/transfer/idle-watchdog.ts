// Fails a transfer that waits too long for the next byte, while ignoring time spent throttled or writing.

/**
 * A socket timeout would also fire while we are the slow side (the shared rate limit is holding us, or
 * the disk is busy): the paused socket looks idle. So the watchdog only runs while we wait for data.
 */
export class IdleWatchdog {
  readonly #ms: number;
  readonly #onIdle: () => void;
  #timer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(ms: number, onIdle: () => void) {
    this.#ms = ms;
    this.#onIdle = onIdle;
  }

  /** Start (or restart) counting: we are ready for more data. */
  arm(): void {
    if (this.#stopped) return;
    this.disarm();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#onIdle();
    }, this.#ms);
  }

  /** Data arrived; we are busy with it. */
  disarm(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  stop(): void {
    this.#stopped = true;
    this.disarm();
  }
}
