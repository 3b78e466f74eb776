// Reads audio tags in a worker thread with a per-file timeout; a stuck or crashing parse kills only that worker.
import { Worker } from 'node:worker_threads';
import { decodeLegacyFields, type TagEncoding } from './legacy-tag-text.ts';

export interface FileTags {
  title?: string;
  artist?: string;
  artists: string[];
  albumArtist?: string;
  album?: string;
  trackNo?: number;
  discNo?: number;
  date?: string;
  year?: number;
  genres: string[];
  label?: string;
  isrc?: string;
  barcode?: string;
  picture?: { format: string; data: Uint8Array };
  /** The file has a tag format that can hold single-byte text, which may be legacy Windows-1251. */
  singleByteText?: boolean;
  lossless?: boolean;
  codec?: string;
}

export interface TagRequest {
  id: number;
  path: string;
}

export type TagResponse = { id: number; ok: true; tags: FileTags } | { id: number; ok: false; error: string };

/** Fields an old tagger may have written as Windows-1251 bytes in a field declared ISO-8859-1. */
const TEXT_FIELDS = ['title', 'artist', 'artists', 'albumArtist', 'album', 'genres', 'label'] as const;

const WORKER_URL = new URL('./tag-reader-worker.ts', import.meta.url);

export class TagReader {
  readonly timeoutMs: number;
  readonly tagEncoding: TagEncoding;
  #worker: Worker | undefined;
  #nextId = 0;
  /** One request at a time: parses take milliseconds, and a timeout must only ever condemn the file that caused it. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(timeoutMs = 15_000, tagEncoding: TagEncoding = 'auto') {
    this.timeoutMs = timeoutMs;
    this.tagEncoding = tagEncoding;
  }

  read(path: string): Promise<FileTags> {
    const run = this.#queue.then(() => this.#send(path));
    this.#queue = run.catch(() => {});
    return run.then((tags) =>
      tags.singleByteText ? decodeLegacyFields(tags, TEXT_FIELDS, this.tagEncoding) : tags,
    );
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #spawn(): Worker {
    // Heap limits keep a file that claims a gigantic tag from taking the whole store down with it.
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: 256 } });
    worker.unref();
    return worker;
  }

  #send(path: string): Promise<FileTags> {
    this.#worker ??= this.#spawn();
    const worker = this.#worker;
    const id = this.#nextId++;
    return new Promise<FileTags>((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onFailure);
        worker.off('exit', onFailure);
      };
      const discard = () => {
        if (this.#worker === worker) this.#worker = undefined;
        void worker.terminate();
      };
      const onMessage = (response: TagResponse) => {
        if (response.id !== id) return;
        cleanup();
        if (response.ok) resolve(response.tags);
        else reject(new Error(response.error));
      };
      const onFailure = (err: unknown) => {
        cleanup();
        discard();
        reject(new Error(`tag parser crashed: ${err instanceof Error ? err.message : `exit code ${err}`}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        discard();
        reject(new Error(`tag parsing timed out after ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onFailure);
      worker.on('exit', onFailure);
      worker.postMessage({ id, path } satisfies TagRequest);
    });
  }
}
