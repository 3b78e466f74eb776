// SHA-256 on a worker thread: the event loop that parses every transfer's HTTP stream and writes its
// .part hands each written batch over (the buffers are moved, not copied) and asks for the digest at
// the end, so hashing runs beside the transfers on another core instead of between their chunks.
import { Worker } from 'node:worker_threads';

/**
 * The worker's code, inline (CommonJS, `eval: true`): no extra file for the desktop bundle to ship.
 * Messages are handled in order, one at a time, so a digest always follows the updates before it.
 */
const SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const hashes = new Map();
const buffer = Buffer.allocUnsafe(1 << 20);
function hashFrom(hash, path, limit) {
  const fd = openSync(path, 'r');
  try {
    let position = 0;
    while (limit === null || position < limit) {
      const want = limit === null ? buffer.length : Math.min(buffer.length, limit - position);
      const n = readSync(fd, buffer, 0, want, position);
      if (n === 0) {
        if (limit !== null) throw new Error(path + ' ended at ' + position + ' of ' + limit + ' bytes');
        break;
      }
      hash.update(buffer.subarray(0, n));
      position += n;
    }
    return position;
  } finally {
    closeSync(fd);
  }
}
parentPort.on('message', (m) => {
  try {
    if (m.op === 'update') {
      const hash = hashes.get(m.id);
      if (hash) for (const p of m.parts) hash.update(new Uint8Array(p.buffer, p.offset, p.length));
      parentPort.postMessage({ op: 'hashed', id: m.id, bytes: m.bytes });
      return;
    }
    let value;
    if (m.op === 'open') {
      const hash = createHash('sha256');
      if (m.bytes > 0) hashFrom(hash, m.path, m.bytes);
      hashes.set(m.id, hash);
    } else if (m.op === 'digest') {
      value = hashes.get(m.id).digest('hex');
      hashes.delete(m.id);
    } else if (m.op === 'drop') {
      hashes.delete(m.id);
      return;
    } else if (m.op === 'file') {
      const hash = createHash('sha256');
      const bytes = hashFrom(hash, m.path, null);
      value = { sha256: hash.digest('hex'), bytes };
    }
    parentPort.postMessage({ op: 'reply', seq: m.seq, ok: true, value });
  } catch (error) {
    if (m.id !== undefined) hashes.delete(m.id);
    const e = { message: String((error && error.message) || error), code: error && error.code };
    parentPort.postMessage({ op: 'reply', seq: m.seq, ok: false, error: e });
  }
});
`;

/** Bytes per update message. */
const SEND_BYTES = 6 * 1024 * 1024;

type Reply =
  | { op: 'reply'; seq: number; ok: true; value?: string }
  | { op: 'reply'; seq: number; ok: false; error: { message: string; code?: string } }
  | { op: 'hashed'; id: number; bytes: number };

/** A running SHA-256 over a file's bytes, fed in order. */
export interface Sha256Job {
  /**
   * Hashes `chunks` next; `onHashed` is called once it has. Chunks in shared memory are read there by
   * the worker (keep them intact until onHashed); others must not be used afterwards: their memory may
   * move to the worker.
   */
  update(chunks: Uint8Array[], onHashed?: () => void): void;
  /** Resolves once at most `bytes` handed to update() are still waiting to be hashed. */
  drained(bytes: number): Promise<void>;
  digest(): Promise<string>;
  /** Forgets the job (after a failure); safe to call at any time, more than once. */
  drop(): void;
}

interface JobState {
  queued: number;
  waiters: { bytes: number; resolve: () => void }[];
  /** onHashed callbacks of each update message in flight, in order. */
  hashed: (() => void)[][];
}

class Sha256Thread {
  #worker: Worker | null = null;
  #seq = 0;
  #ids = 0;
  readonly #replies = new Map<number, { resolve: (v?: string) => void; reject: (e: Error) => void }>();
  readonly #jobs = new Map<number, JobState>();

  /** Starts the hash of a file whose first `prefixBytes` bytes are already on disk at `path`. */
  async open(path: string, prefixBytes: number): Promise<Sha256Job> {
    const id = ++this.#ids;
    const state: JobState = { queued: 0, waiters: [], hashed: [] };
    this.#jobs.set(id, state);
    try {
      await this.#call({ op: 'open', id, path, bytes: prefixBytes });
    } catch (error) {
      this.#jobs.delete(id);
      throw error;
    }
    let dropped = false;
    const drop = () => {
      if (dropped) return;
      dropped = true;
      this.#jobs.delete(id);
      for (const w of state.waiters.splice(0)) w.resolve();
      this.#post({ op: 'drop', id });
      this.#idle();
    };
    // Updates are sent to the worker in messages of a few MiB: each message wakes the worker thread,
    // and on two cores every wake-up costs the event loop a context switch.
    let parts: { buffer: ArrayBufferLike; offset: number; length: number }[] = [];
    let transfer: ArrayBuffer[] = [];
    let callbacks: (() => void)[] = [];
    let unsent = 0;
    const flush = () => {
      if (parts.length === 0) return;
      state.hashed.push(callbacks);
      this.#post({ op: 'update', id, parts, bytes: unsent }, transfer);
      parts = [];
      transfer = [];
      callbacks = [];
      unsent = 0;
    };
    return {
      update: (chunks, onHashed) => {
        let bytes = 0;
        for (const chunk of chunks) {
          bytes += chunk.length;
          if (chunk.buffer instanceof SharedArrayBuffer) {
            parts.push({ buffer: chunk.buffer, offset: chunk.byteOffset, length: chunk.byteLength });
            continue;
          }
          // A chunk that owns all of its ArrayBuffer moves to the worker as it is; a view into a
          // bigger or shared buffer is copied (moving it would pull the memory from under its owner).
          const whole =
            chunk.buffer instanceof ArrayBuffer &&
            chunk.byteOffset === 0 &&
            chunk.byteLength === chunk.buffer.byteLength &&
            !transfer.includes(chunk.buffer);
          const buffer = whole
            ? (chunk.buffer as ArrayBuffer)
            : (chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + chunk.byteLength) as ArrayBuffer);
          transfer.push(buffer);
          parts.push({ buffer, offset: 0, length: chunk.byteLength });
        }
        state.queued += bytes;
        unsent += bytes;
        if (onHashed) callbacks.push(onHashed);
        if (unsent >= SEND_BYTES) flush();
      },
      drained: (bytes) => {
        if (state.queued <= bytes || dropped) return Promise.resolve();
        flush();
        return new Promise<void>((resolve) => state.waiters.push({ bytes, resolve }));
      },
      digest: async () => {
        flush();
        try {
          return (await this.#call({ op: 'digest', id })) as string;
        } finally {
          this.#jobs.delete(id);
          dropped = true;
          this.#idle();
        }
      },
      drop,
    };
  }

  /** SHA-256 and size of a whole file, read and hashed on the worker. */
  async file(path: string): Promise<{ sha256: string; bytes: number }> {
    return (await this.#call({ op: 'file', path })) as unknown as { sha256: string; bytes: number };
  }

  #call(message: Record<string, unknown>): Promise<string | undefined> {
    const seq = ++this.#seq;
    return new Promise<string | undefined>((resolve, reject) => {
      this.#replies.set(seq, { resolve, reject });
      this.#post({ ...message, seq });
    });
  }

  #post(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): void {
    const worker = this.#start();
    worker.ref();
    worker.postMessage(message, transfer);
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(SOURCE, { eval: true, name: 'megadisc-sha256' });
    worker.on('message', (reply: Reply) => {
      if (reply.op === 'hashed') {
        const state = this.#jobs.get(reply.id);
        if (state) {
          for (const done of state.hashed.shift() ?? []) done();
          state.queued -= reply.bytes;
          const ready = state.waiters.filter((w) => state.queued <= w.bytes);
          state.waiters = state.waiters.filter((w) => state.queued > w.bytes);
          for (const w of ready) w.resolve();
        }
      } else {
        const pending = this.#replies.get(reply.seq);
        this.#replies.delete(reply.seq);
        if (pending && reply.ok) pending.resolve(reply.value);
        else if (pending && !reply.ok) {
          pending.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
        }
      }
      this.#idle();
    });
    const fail = (error: Error) => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      for (const pending of this.#replies.values()) pending.reject(error);
      this.#replies.clear();
      // Running jobs cannot finish without their state: their digest() rejects, and the transfer
      // retries from its checkpoint on a new worker.
      for (const state of this.#jobs.values()) for (const w of state.waiters.splice(0)) w.resolve();
      this.#jobs.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the hashing thread exited with code ${code}`)));
    this.#worker = worker;
    return worker;
  }

  /** With nothing to wait for, the worker must not keep the process alive. */
  #idle(): void {
    if (this.#worker && this.#replies.size === 0 && this.#jobs.size === 0) this.#worker.unref();
  }
}

let shared: Sha256Thread | null = null;

/** The process's hashing thread, started on first use. */
export function sha256Thread(): Sha256Thread {
  shared ??= new Sha256Thread();
  return shared;
}
