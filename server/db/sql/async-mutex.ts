// A FIFO lock for async code: one holder at a time, waiters served in arrival order.

export class AsyncMutex {
  #held = false;
  readonly #waiters: (() => void)[] = [];

  /** True while someone holds the lock; when false, nobody is waiting either. */
  get held(): boolean {
    return this.#held;
  }

  /** Resolves with the release function once the lock is ours. */
  async acquire(): Promise<() => void> {
    if (this.#held) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    this.#held = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiters.shift();
      // Hand over without a gap, so a newcomer cannot overtake the waiter being woken.
      if (next) next();
      else this.#held = false;
    };
  }
}
