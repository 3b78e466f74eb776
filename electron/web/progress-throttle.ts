// Holds job-progress events back to a few per second per job, always delivering the latest one.
import type { AppEventMap } from '../shared/app-api/events.ts';

type Progress = AppEventMap['job-progress'];

interface Held {
  event: Progress;
  timer: NodeJS.Timeout;
}

export class ProgressThrottle {
  readonly #intervalMs: number;
  readonly #deliver: (event: Progress) => void;
  /** performance.now() of each job's last delivery: monotonic, so a wall-clock step cannot hold events back. */
  readonly #lastSent = new Map<number, number>();
  readonly #held = new Map<number, Held>();

  constructor(intervalMs: number, deliver: (event: Progress) => void) {
    this.#intervalMs = intervalMs;
    this.#deliver = deliver;
  }

  push(event: Progress): void {
    const held = this.#held.get(event.jobId);
    if (held) {
      held.event = event;
      return;
    }
    const sinceLast = performance.now() - (this.#lastSent.get(event.jobId) ?? Number.NEGATIVE_INFINITY);
    if (sinceLast >= this.#intervalMs) {
      this.#send(event);
      return;
    }
    const timer = setTimeout(() => this.flush(event.jobId), this.#intervalMs - sinceLast);
    this.#held.set(event.jobId, { event, timer });
  }

  /**
   * Delivers a held event now. Called before a job's state change goes out, so that a late progress
   * tick never follows "done"; the job's history is then dropped, so the map does not grow forever.
   */
  flush(jobId: number, forget = false): void {
    const held = this.#held.get(jobId);
    if (held) {
      clearTimeout(held.timer);
      this.#held.delete(jobId);
      this.#send(held.event);
    }
    if (forget) this.#lastSent.delete(jobId);
  }

  dispose(): void {
    for (const held of this.#held.values()) clearTimeout(held.timer);
    this.#held.clear();
    this.#lastSent.clear();
  }

  #send(event: Progress): void {
    this.#lastSent.set(event.jobId, performance.now());
    this.#deliver(event);
  }
}
