// The engine's typed event stream: the CLI renders it now, the GUI will subscribe to the same events.

import type { JobView } from '../downloads/job-store.ts';
import type { BalanceView } from '../ledger/ledger-mirror.ts';

export interface EngineEventMap {
  'job-progress': {
    jobId: number;
    receivedBytes: number;
    totalBytes: number;
    bytesPerSecond: number;
    etaSeconds: number | null;
  };
  'job-state': { job: JobView };
  'job-retry': { jobId: number; attempt: number; delayMs: number; code: string; message: string };
  'purchase-state': {
    purchaseId: number;
    state: 'pending' | 'ordered' | 'failed';
    orderId: string | null;
    error?: string;
  };
  balance: { balance: BalanceView };
  'ledger-mismatch': { message: string };
}

export type EngineEventName = keyof EngineEventMap;
export type Listener<K extends EngineEventName> = (event: EngineEventMap[K]) => void;

export class EngineEvents {
  readonly #listeners = new Map<EngineEventName, Set<Listener<EngineEventName>>>();

  on<K extends EngineEventName>(name: K, listener: Listener<K>): () => void {
    const set = this.#listeners.get(name) ?? new Set();
    set.add(listener as Listener<EngineEventName>);
    this.#listeners.set(name, set);
    return () => set.delete(listener as Listener<EngineEventName>);
  }

  emit<K extends EngineEventName>(name: K, event: EngineEventMap[K]): void {
    for (const listener of this.#listeners.get(name) ?? []) {
      try {
        listener(event);
      } catch {
        // A broken listener must not break downloads.
      }
    }
  }
}
