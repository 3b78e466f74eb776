// A clock for component tests: nothing scheduled runs until the test moves time on.
import type { Timers } from '../../renderer/app/timers.tsx';

export class ManualTimers implements Timers {
  #now = Date.now();
  #next = 1;
  readonly #due = new Map<number, { at: number; fn: () => void }>();

  after(ms: number, fn: () => void): () => void {
    const id = this.#next++;
    this.#due.set(id, { at: this.#now + ms, fn });
    return () => this.#due.delete(id);
  }

  now(): number {
    return this.#now;
  }

  /** How many callbacks are waiting. */
  get pending(): number {
    return this.#due.size;
  }

  /** Moves time on by ms, running what falls due, in order. */
  advance(ms: number): void {
    const until = this.#now + ms;
    for (;;) {
      const next = [...this.#due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > until) break;
      this.#due.delete(next[0]);
      this.#now = next[1].at;
      next[1].fn();
    }
    this.#now = until;
  }
}
