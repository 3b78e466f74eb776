// Waiting in the core: one sleep for every pacing loop, poll and backoff.
import { setTimeout as delay } from 'node:timers/promises';

export interface SleepOptions {
  signal?: AbortSignal;
  /**
   * What an abort does: 'throw' (the default) rejects with node's AbortError, for a caller that stops;
   * 'wake' ends the wait early and resolves, for a loop that looks at its state again. A signal
   * that is already aborted does either at once.
   */
  onAbort?: 'throw' | 'wake';
  /** false: the timer does not keep the process alive (a background backoff). */
  keepAlive?: boolean;
}

export async function sleep(ms: number, options: SleepOptions = {}): Promise<void> {
  const { signal, onAbort = 'throw', keepAlive = true } = options;
  try {
    await delay(ms, undefined, { signal, ref: keepAlive });
  } catch (error) {
    if (onAbort === 'wake' && signal?.aborted) return;
    throw error;
  }
}

/** The `(ms, signal)` shape that options inject (tests pass their own): wakes early on abort. */
export const wakeableSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  sleep(ms, { signal, onAbort: 'wake' });
