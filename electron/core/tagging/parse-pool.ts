// A few reusable parse workers with a heap cap; a parse that runs too long gets its worker terminated.
import { availableParallelism } from 'node:os';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import type { ParseReply, ParseRequest } from './parse-worker.ts';
import { TaggingError } from './tagging-error.ts';
import type { ReadBackTags } from './types.ts';

export interface ParsePoolOptions {
  /** Workers at most; parses beyond that wait their turn. */
  size?: number;
  /** Caps the worker's V8 heap. Buffers (file reads, covers) live outside it, bounded by file size. */
  resourceLimits?: ResourceLimits;
  /** An idle worker is kept this long for the next parse (starting one costs ~100 ms), then ended. */
  idleMs?: number;
  workerUrl?: URL;
}

const DEFAULT_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 128,
  maxYoungGenerationSizeMb: 16,
  stackSizeMb: 4,
};

interface Slot {
  worker: Worker;
  idleTimer?: NodeJS.Timeout;
  retired: boolean;
}

export class ParsePool {
  readonly #size: number;
  readonly #limits: ResourceLimits;
  readonly #idleMs: number;
  readonly #url: URL;
  readonly #idle: Slot[] = [];
  readonly #waiting: Array<() => void> = [];
  #live = 0;
  #nextId = 1;

  constructor(opts: ParsePoolOptions = {}) {
    this.#size = Math.max(1, opts.size ?? Math.min(2, availableParallelism()));
    const limits = { ...DEFAULT_LIMITS, ...opts.resourceLimits };
    // Below a few MB V8 cannot even unpack its startup snapshot and aborts the whole process, not
    // just the worker; keep a floor well above that.
    limits.maxOldGenerationSizeMb = Math.max(16, limits.maxOldGenerationSizeMb ?? 0);
    limits.maxYoungGenerationSizeMb = Math.max(2, limits.maxYoungGenerationSizeMb ?? 0);
    this.#limits = limits;
    this.#idleMs = opts.idleMs ?? 15_000;
    this.#url = opts.workerUrl ?? new URL('./parse-worker.ts', import.meta.url);
  }

  async parse(path: string, timeoutMs: number): Promise<ReadBackTags> {
    const slot = await this.#acquire();
    const id = this.#nextId++;
    return new Promise<ReadBackTags>((resolve, reject) => {
      const { worker } = slot;
      const finish = (healthy: boolean, outcome: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (healthy) this.#release(slot);
        else this.#discard(slot);
        outcome();
      };
      const onMessage = (reply: ParseReply) => {
        if (reply.id !== id) return;
        if (reply.ok) finish(true, () => resolve(reply.tags));
        else finish(true, () => reject(unreadable(path, reply.error, reply.code)));
      };
      const onError = (error: Error) => {
        const oom = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
        const what = oom ? 'ran out of its memory limit' : `crashed (${error.message})`;
        finish(false, () =>
          reject(new TaggingError('worker-failed', `reading tags ${what}`, { cause: error })),
        );
      };
      const onExit = (code: number) =>
        finish(false, () => reject(new TaggingError('worker-failed', `tag reader exited with code ${code}`)));
      const timer = setTimeout(
        () =>
          finish(false, () => reject(new TaggingError('timeout', `reading tags took over ${timeoutMs} ms`))),
        timeoutMs,
      );
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, path } satisfies ParseRequest);
    });
  }

  /** Ends every idle worker now (busy ones end when their parse finishes and no one waits). */
  async close(): Promise<void> {
    const idle = this.#idle.splice(0);
    await Promise.all(idle.map((slot) => this.#discard(slot)));
  }

  async #acquire(): Promise<Slot> {
    for (;;) {
      const idle = this.#idle.pop();
      if (idle) {
        clearTimeout(idle.idleTimer);
        idle.worker.ref();
        return idle;
      }
      if (this.#live < this.#size) {
        this.#live++;
        const slot: Slot = {
          worker: new Worker(this.#url, { resourceLimits: this.#limits }),
          retired: false,
        };
        // The parse in flight reports errors; without a listener of its own an error while idle (or
        // a second one) would be an unhandled 'error' event and take the whole process down.
        slot.worker.on('error', () => undefined);
        slot.worker.once('exit', () => void this.#discard(slot));
        return slot;
      }
      await new Promise<void>((wake) => this.#waiting.push(wake));
    }
  }

  #release(slot: Slot): void {
    if (slot.retired) return;
    // Unref'd while idle so a pool never keeps the process alive.
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => void this.#discard(slot), this.#idleMs);
    slot.idleTimer.unref();
    this.#idle.push(slot);
    this.#waiting.shift()?.();
  }

  /** Idempotent: called on timeout, crash, idle expiry and on the worker's own exit. */
  async #discard(slot: Slot): Promise<void> {
    if (slot.retired) return;
    slot.retired = true;
    clearTimeout(slot.idleTimer);
    const index = this.#idle.indexOf(slot);
    if (index >= 0) this.#idle.splice(index, 1);
    this.#live--;
    this.#waiting.shift()?.();
    await slot.worker.terminate().catch(() => undefined);
  }
}

function unreadable(path: string, reason: string, code: string | undefined): TaggingError {
  const name = path.split(/[\\/]/).at(-1);
  const why = code === 'ENOENT' ? 'file not found' : reason;
  return new TaggingError('unreadable', `cannot read tags of ${name}: ${why}`);
}
