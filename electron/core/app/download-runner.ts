// Works the download queue in the background: one engine run at a time, started again when work
// arrives while it runs, retried with backoff after a failure, aborted at a checkpoint on stop.

import { asMegadiscError } from '../../shared/as-megadisc-error.ts';
import type { MegadiscError } from '../../shared/errors.ts';
import { sleep } from '../time/sleep.ts';

export interface DownloadRunnerOptions {
  /** One pass over the queue (Engine.run); resolves when nothing is left to do. */
  run: (signal: AbortSignal) => Promise<unknown>;
  /** Whether anything is queued, waiting for an encode or pending at the store. */
  hasWork: () => Promise<boolean> | boolean;
  /** A run that failed (the host may report it); the runner retries by itself. */
  onError?: (error: MegadiscError) => void;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Waits out a backoff; resolves (or rejects) early when the signal aborts. Tests inject it. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Failures that only the user can clear (by logging in): no point retrying until then. */
const NEEDS_USER = new Set(['NOT_LOGGED_IN', 'UNAUTHORIZED']);

/** Unref'd: a pending retry must not keep the process alive. Rejects when the signal aborts. */
/** A backoff in the background never keeps the process alive by itself. */
const backgroundSleep = (ms: number, signal?: AbortSignal) => sleep(ms, { signal, keepAlive: false });

export class DownloadRunner {
  readonly #o: DownloadRunnerOptions;
  #current: Promise<void> | null = null;
  #controller: AbortController | null = null;
  #again = false;
  /** Aborts the backoff wait in progress, if any. */
  #backoff: AbortController | null = null;
  #failures = 0;
  #closed = false;

  constructor(options: DownloadRunnerOptions) {
    this.#o = options;
  }

  /** Whether a run is in progress now. */
  get running(): boolean {
    return this.#current !== null;
  }

  /** Starts a run, or asks the current one to be followed by another. */
  kick(): void {
    if (this.#closed) return;
    if (this.#current) {
      this.#again = true;
      return;
    }
    this.#cancelBackoff();
    this.#again = false;
    const controller = new AbortController();
    this.#controller = controller;
    this.#current = this.#runOnce(controller.signal).then((next) => {
      this.#current = null;
      this.#controller = null;
      if (this.#closed || controller.signal.aborted) return;
      if (next === 'again') this.kick();
      else if (next === 'later') this.#retryLater();
    });
  }

  /** Starts a run only when there is something to do. */
  async kickIfWork(): Promise<void> {
    if (await this.#o.hasWork()) this.kick();
  }

  /** The run in progress, if any (tests and close wait on it). */
  idle(): Promise<void> {
    return this.#current ?? Promise.resolve();
  }

  /** One engine run; says what should follow it. Never rejects. */
  async #runOnce(signal: AbortSignal): Promise<'again' | 'later' | 'idle'> {
    let failure: MegadiscError | null = null;
    try {
      await this.#o.run(signal);
    } catch (error) {
      failure = asMegadiscError(error);
    }
    if (signal.aborted || this.#closed) return 'idle';
    if (failure) {
      this.#o.onError?.(failure);
      return NEEDS_USER.has(failure.code) ? 'idle' : 'later';
    }
    if (this.#again) {
      this.#failures = 0;
      return 'again';
    }
    let more = false;
    try {
      more = await this.#o.hasWork();
    } catch {
      // The profile is closing: nothing to schedule.
    }
    if (this.#again) return 'again';
    // Work left that the run did not take (it stopped early): try again, but never in a tight loop.
    if (more) return 'later';
    this.#failures = 0;
    return 'idle';
  }

  #retryLater(): void {
    const base = this.#o.baseDelayMs ?? 1000;
    const delayMs = Math.min(this.#o.maxDelayMs ?? 30_000, base * 2 ** this.#failures);
    this.#failures++;
    this.#cancelBackoff();
    const backoff = new AbortController();
    this.#backoff = backoff;
    const pause = this.#o.sleep ?? backgroundSleep;
    void pause(delayMs, backoff.signal).then(
      () => {
        if (backoff.signal.aborted) return;
        this.#backoff = null;
        this.kick();
      },
      () => undefined,
    );
  }

  #cancelBackoff(): void {
    this.#backoff?.abort();
    this.#backoff = null;
  }

  /** Aborts the run in progress (jobs go back to the queue with their checkpoints) and waits for it. */
  async stop(): Promise<void> {
    this.#cancelBackoff();
    this.#again = false;
    this.#controller?.abort();
    await this.idle();
  }

  /** Stops for good: no run starts after this. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.stop();
  }
}
