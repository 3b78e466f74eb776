// Runs catalog searches in worker threads, each with its own read-only connection to the store
// database, so that a search never holds the server's event loop (node:sqlite is synchronous: on the
// loop, one search delays every request that arrives while it runs). Reads see every committed write
// (WAL). The pool starts on the first search; until a worker is ready, searches run in the calling
// thread. A worker that dies fails the searches it had (503, code INTERNAL) and is replaced on the
// next search; if workers cannot start at all (three in a row die before they are ready), searches
// stay in the calling thread.
import { availableParallelism } from 'node:os';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import type { SearchResult } from '../../api/schemas/catalog.ts';
import { StoreError } from '../errors/store-error.ts';

const WORKER_URL = new URL('./search-worker.ts', import.meta.url);
/** Workers stop after this long without a search (and start again on the next one). */
const IDLE_MS = 60_000;
/** After this many workers in a row ended before they were ready, searches stay in the calling thread. */
const MAX_START_FAILURES = 3;

export interface SearchQuery {
  q: string;
  type?: 'artist' | 'album' | 'track';
  limit: number;
  cursor?: string;
}

export interface SearchWorkerData {
  path: string;
  candidates?: number;
}

export type SearchRequest = { id: number; query: SearchQuery };
export type SearchResponse =
  | { ready: true }
  | { id: number; ok: true; result: SearchResult }
  | { id: number; ok: false; error: SearchError };

/** An error thrown by a search in a worker, as it crosses back (a StoreError keeps its code and status). */
export interface SearchError {
  name: string;
  message: string;
  code?: string;
  status?: number;
  params?: unknown;
}

export function toSearchError(error: unknown): SearchError {
  if (error instanceof StoreError)
    return {
      name: error.name,
      message: error.message,
      code: error.code,
      status: error.status,
      params: error.params,
    };
  return { name: 'Error', message: error instanceof Error ? error.message : String(error) };
}

/**
 * A connection for searching only: writes refused, and the file memory-mapped, which makes reading
 * the scattered rows of a search's candidates about twice as fast as through read() calls.
 */
export function openSearchConnection(path: string): DatabaseSync {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA query_only = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA mmap_size = 1073741824');
  return db;
}

/** Workers to start: one per core beside the one the server's own thread needs, at least one, at most 4. */
export function defaultSearchWorkers(): number {
  const fromEnv = process.env.MEGADISC_SEARCH_WORKERS;
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv)) return Number(fromEnv);
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

interface Pending {
  resolve: (result: SearchResult) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  pending: Map<number, Pending>;
}

export interface SearchPoolOptions {
  /** Threads to keep. */
  size: number;
  /** The worker's entry (search-worker.ts); a test gives one that misbehaves. */
  workerUrl?: URL;
}

export class SearchPool {
  readonly #data: SearchWorkerData;
  readonly #size: number;
  readonly #workerUrl: URL;
  readonly #slots: Slot[] = [];
  #nextId = 0;
  /** Workers in a row that ended before they were ready (reset by one that gets ready). */
  #startFailures = 0;
  #lastUsed = 0;
  #idleTimer: NodeJS.Timeout | undefined;
  #readyWaiters: (() => void)[] = [];

  constructor(data: SearchWorkerData, opts: SearchPoolOptions) {
    this.#data = data;
    this.#size = opts.size;
    this.#workerUrl = opts.workerUrl ?? WORKER_URL;
  }

  /** Whether searches go to workers at all (false once MAX_START_FAILURES workers in a row could not start). */
  get enabled(): boolean {
    return this.#size > 0 && this.#startFailures < MAX_START_FAILURES;
  }

  /**
   * Searches in the least busy ready worker, starting (or replacing) workers as needed; undefined
   * when none is ready yet, and the caller then searches itself. A worker that dies with the search
   * in flight fails it with INTERNAL, status 503 (not re-run here: the search may be what killed it).
   */
  run(query: SearchQuery): Promise<SearchResult> | undefined {
    if (!this.enabled) return undefined;
    this.#start();
    let best: Slot | undefined;
    for (const slot of this.#slots)
      if (slot.ready && (!best || slot.pending.size < best.pending.size)) best = slot;
    if (!best) return undefined;
    const slot = best;
    const id = this.#nextId++;
    return new Promise<SearchResult>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      // A worker with a search in flight keeps the process alive, an idle one does not.
      if (slot.pending.size === 1) slot.worker.ref();
      slot.worker.postMessage({ id, query } satisfies SearchRequest);
    });
  }

  /** Starts the workers if they are not running; resolves with how many are ready once one is (0: none can start). */
  async ready(): Promise<number> {
    const count = () => this.#slots.filter((s) => s.ready).length;
    while (this.enabled && count() === 0) {
      this.#start();
      // Held while waited for, so that the process does not exit under the caller.
      for (const slot of this.#slots) slot.worker.ref();
      // A worker that dies before it is ready wakes the waiters too (see #spawn).
      await new Promise<void>((resolve) => this.#readyWaiters.push(resolve));
      for (const slot of this.#slots) if (slot.pending.size === 0) slot.worker.unref();
    }
    return this.enabled ? count() : 0;
  }

  /** Stops the workers, failing any search still in flight; a later search starts them again. */
  async close(): Promise<void> {
    clearInterval(this.#idleTimer);
    this.#idleTimer = undefined;
    const slots = this.#slots.splice(0);
    for (const slot of slots) failPending(slot, 'the search pool closed');
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    this.#wake();
  }

  #start(): void {
    this.#lastUsed = Date.now();
    while (this.enabled && this.#slots.length < this.#size) this.#spawn();
    this.#idleTimer ??= this.#watchIdle();
  }

  #wake(): void {
    for (const wake of this.#readyWaiters.splice(0)) wake();
  }

  #spawn(): void {
    let worker: Worker;
    try {
      worker = new Worker(this.#workerUrl, { workerData: this.#data });
    } catch {
      this.#startFailures = MAX_START_FAILURES; // no worker can start here (e.g. a bundle without the entry)
      return;
    }
    const slot: Slot = { worker, ready: false, pending: new Map() };
    this.#slots.push(slot);
    worker.on('message', (message: SearchResponse) => {
      if ('ready' in message) {
        slot.ready = true;
        this.#startFailures = 0;
        this.#wake();
        return;
      }
      const pending = slot.pending.get(message.id);
      if (!pending) return;
      slot.pending.delete(message.id);
      if (slot.pending.size === 0) slot.worker.unref();
      if (message.ok) pending.resolve(message.result);
      else pending.reject(toError(message.error));
    });
    let cause = 'it stopped';
    worker.on('error', (error) => {
      cause = error.message;
    });
    worker.on('exit', (code) => {
      const at = this.#slots.indexOf(slot);
      if (at < 0) return; // retired by close()
      this.#slots.splice(at, 1);
      if (!slot.ready) this.#startFailures += 1;
      // The next search starts a replacement (#start).
      failPending(slot, `${cause} (exit code ${code})`);
      this.#wake();
    });
    // An idle pool never keeps the process alive. After the listeners: a 'message' listener added
    // after unref() refs the worker's port again (nodejs/node#53036), and a server would never exit.
    worker.unref();
  }

  #watchIdle(): NodeJS.Timeout {
    const timer = setInterval(() => {
      if (Date.now() - this.#lastUsed < IDLE_MS || this.#slots.some((s) => s.pending.size > 0)) return;
      void this.close();
    }, IDLE_MS / 4);
    timer.unref();
    return timer;
  }
}

/** Fails the searches in flight on a worker that is gone: a 503 the client may retry at once. */
function failPending(slot: Slot, why: string): void {
  for (const pending of slot.pending.values())
    pending.reject(
      new StoreError('INTERNAL', 503, `the search worker ended during the search: ${why}`, {
        headers: { 'retry-after': '0' },
      }),
    );
  slot.pending.clear();
}

function toError(error: SearchError): Error {
  if (error.name !== 'StoreError' || !error.code || !error.status) return new Error(error.message);
  type Args = ConstructorParameters<typeof StoreError>;
  return new StoreError(error.code as Args[0], error.status, error.message, {
    params: error.params,
  } as Args[3]);
}
