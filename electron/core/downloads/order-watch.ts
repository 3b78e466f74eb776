// Follows each order that has tracks waiting for the store's encoder, with one long poll at a time
// per order, so a track is queued for download the moment the store has encoded it.
import { MegadiscError } from '../../shared/errors.ts';
import type { EngineEvents } from '../events/engine-events.ts';
import { routes, type StoreClient } from '../store-client/store-client.ts';
import { type JobStore, toJobView } from './job-store.ts';

export interface OrderWatchOptions {
  client: StoreClient;
  jobs: JobStore;
  events: EngineEvents;
  /** How long the store may hold an answer; under the client's idle timeout. */
  waitMs: number;
  /** Pause before asking again after an error, or when the store answers at once (no long polling). */
  pollMs: number;
  /** Called after each answer was applied to the jobs: the scheduler starts what became ready. */
  onChange: () => void;
}

const settledCount = (items: { state: string }[]) =>
  items.filter((i) => i.state === 'ready' || i.state === 'failed').length;

export class OrderWatch {
  readonly #o: OrderWatchOptions;
  readonly #following = new Map<string, Promise<void>>();
  readonly #stop = new AbortController();

  constructor(options: OrderWatchOptions) {
    this.#o = options;
  }

  /** Starts following every order with jobs waiting for an encode that is not followed yet. */
  sync(): void {
    if (this.#stop.signal.aborted) return;
    for (const id of this.#o.jobs.ordersInState('waiting_encode')) {
      if (this.#following.has(id)) continue;
      this.#following.set(
        id,
        this.#follow(id).finally(() => this.#following.delete(id)),
      );
    }
  }

  /** Ends every long poll and waits for them. */
  async stop(): Promise<void> {
    this.#stop.abort();
    await Promise.allSettled([...this.#following.values()]);
  }

  async #follow(orderId: string): Promise<void> {
    const { client, jobs, waitMs, pollMs } = this.#o;
    const signal = this.#stop.signal;
    // The first ask is answered at once (the order as it stands); the ones after it are long polls.
    let settled: number | null = null;
    while (!signal.aborted && jobs.ordersInState('waiting_encode').includes(orderId)) {
      const asked = performance.now();
      let now = settled ?? 0;
      try {
        const order = await client.call(routes.order, {
          params: { id: orderId },
          query: settled === null ? {} : { waitMs, settled },
          signal,
        });
        now = settledCount(order.items);
        jobs.applyOrder(order.items);
        this.#o.onChange();
      } catch (error) {
        if (signal.aborted) return;
        // Unreachable or busy: ask again shortly. Refused for good (the order is unknown to this
        // account, the session expired): fail its jobs with the reason rather than wait forever.
        const e = error instanceof MegadiscError ? error : null;
        if (e && !e.retryable && e.code !== 'STORE_UNREACHABLE') {
          this.#fail(orderId, e);
          return;
        }
        await pause(pollMs, signal);
        continue;
      }
      // A store that does not hold answers (an older one) is asked at the poll interval, as before.
      const held = settled !== null && (now > settled || performance.now() - asked >= waitMs / 2);
      if (settled !== null && !held) await pause(pollMs, signal);
      settled = Math.max(settled ?? 0, now);
    }
  }

  #fail(orderId: string, error: MegadiscError): void {
    const { jobs, events } = this.#o;
    for (const job of jobs.inStates(['waiting_encode']).filter((j) => j.order_id === orderId)) {
      events.emit('job-state', { job: toJobView(jobs.setState(job.id, 'failed', { error })) });
    }
    this.#o.onChange();
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
