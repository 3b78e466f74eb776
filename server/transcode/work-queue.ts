// FIFO concurrency limiter for encoder runs: bounds CPU use and lets shutdown abort everything.

export type QueuedTask<T> = (signal: AbortSignal) => Promise<T>;

interface Waiting {
  start: () => void;
  reject: (reason: unknown) => void;
}

interface Running {
  controller: AbortController;
  done: Promise<unknown>;
}

export class WorkQueue {
  readonly #limit: number;
  readonly #waiting: Waiting[] = [];
  readonly #running = new Set<Running>();
  #closed = false;
  #closeReason: unknown;

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`concurrency must be a positive integer, got ${limit}`);
    this.#limit = limit;
  }

  get active(): number {
    return this.#running.size;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /** Runs `task` once a slot is free; tasks start in the order they were submitted. */
  run<T>(task: QueuedTask<T>): Promise<T> {
    if (this.#closed) return Promise.reject(this.#closeReason);
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        const controller = new AbortController();
        // Wrapped so a task that throws synchronously still frees its slot.
        const done = (async () => task(controller.signal))().then(resolve, reject);
        const running: Running = { controller, done };
        this.#running.add(running);
        void done.finally(() => {
          this.#running.delete(running);
          this.#pump();
        });
      };
      this.#waiting.push({ start, reject });
      this.#pump();
    });
  }

  /** Rejects queued tasks with `reason`, aborts running ones, and waits until they have settled. */
  async close(reason: unknown): Promise<void> {
    this.#closed = true;
    this.#closeReason = reason;
    for (const waiting of this.#waiting.splice(0)) waiting.reject(reason);
    const running = [...this.#running];
    for (const { controller } of running) controller.abort(reason);
    await Promise.allSettled(running.map(({ done }) => done));
  }

  #pump(): void {
    while (!this.#closed && this.#running.size < this.#limit) {
      const next = this.#waiting.shift();
      if (!next) return;
      next.start();
    }
  }
}
