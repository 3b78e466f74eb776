// Wakes long-polling readers of an order when one of its items becomes ready or fails, or it finishes.
// In memory: a waiter is only ever a request held open by this process.

type Waiter = (why: Wake) => void;

/** Why a wait ended: only 'changed' is worth another look at the order. */
export type Wake = 'changed' | 'timeout' | 'aborted' | 'closed';

export class OrderChanges {
  readonly #waiters = new Map<string, Set<Waiter>>();
  #closed = false;

  /** Something about the order changed: every request waiting on it answers now. */
  notify(orderId: string): void {
    const waiting = this.#waiters.get(orderId);
    if (!waiting) return;
    this.#waiters.delete(orderId);
    for (const wake of waiting) wake(this.#closed ? 'closed' : 'changed');
  }

  /** Resolves at the next change of the order, after `ms`, when `signal` fires or on close(). */
  next(orderId: string, ms: number, signal?: AbortSignal): Promise<Wake> {
    if (this.#closed) return Promise.resolve('closed');
    if (signal?.aborted) return Promise.resolve('aborted');
    if (ms <= 0) return Promise.resolve('timeout');
    return new Promise((resolve) => {
      const done = (why: Wake) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.#waiters.get(orderId)?.delete(done);
        if (this.#waiters.get(orderId)?.size === 0) this.#waiters.delete(orderId);
        resolve(why);
      };
      const onAbort = () => done('aborted');
      const timer = setTimeout(() => done('timeout'), ms);
      signal?.addEventListener('abort', onAbort, { once: true });
      const waiting = this.#waiters.get(orderId) ?? new Set<Waiter>();
      waiting.add(done);
      this.#waiters.set(orderId, waiting);
    });
  }

  /** Shutdown: held requests answer at once (the server waits for them), and no new one waits. */
  close(): void {
    this.#closed = true;
    for (const id of [...this.#waiters.keys()]) this.notify(id);
  }
}
