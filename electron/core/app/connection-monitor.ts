// Tracks whether the store answers, and tells the UI when that changes (the `connection` event).

import { isUnreachable } from '../../shared/as-megadisc-error.ts';
import type { EngineEvents } from '../events/engine-events.ts';

export class ConnectionMonitor {
  readonly #events: EngineEvents;
  #online = true;
  readonly #unsubscribe: (() => void)[];

  constructor(events: EngineEvents) {
    this.#events = events;
    // A ledger sync that went through, or bytes arriving, prove the store is back.
    this.#unsubscribe = [
      events.on('balance', ({ balance }) => {
        if (!balance.offline) this.markOnline();
      }),
      events.on('job-progress', () => this.markOnline()),
    ];
  }

  get online(): boolean {
    return this.#online;
  }

  markOnline(): void {
    if (this.#online) return;
    this.#online = true;
    this.#events.emit('connection', { online: true, message: null });
  }

  /** Emits on every failure while offline too, so the UI can show the latest reason. */
  markOffline(message: string): void {
    this.#online = false;
    this.#events.emit('connection', { online: false, message });
  }

  /**
   * Runs a call that talks to the store and records the outcome. `offlineResult` spots answers that
   * succeed from local figures because the store was out of reach (a balance marked offline).
   */
  async track<T>(call: () => Promise<T>, offlineResult?: (result: T) => string | null): Promise<T> {
    let result: T;
    try {
      result = await call();
    } catch (error) {
      if (isUnreachable(error)) this.markOffline((error as Error).message);
      throw error;
    }
    const offline = offlineResult?.(result) ?? null;
    if (offline) this.markOffline(offline);
    else this.markOnline();
    return result;
  }

  close(): void {
    for (const off of this.#unsubscribe) off();
  }
}
