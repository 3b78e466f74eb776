// Runs the download queue: sends pending purchases, waits for encodes, downloads with resume and
// verification, and files verified files. The database is the source of truth, so pause and cancel
// from another process (a second CLI) take effect here too.
import { mkdir, open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TagData } from '../../../api/schemas/orders.ts';
import { asMegadiscError } from '../../shared/as-megadisc-error.ts';
import { MegadiscError } from '../../shared/errors.ts';
import type { EngineEvents } from '../events/engine-events.ts';
import { fileIntoLibrary } from '../intake/file-into-library.ts';
import type { LibraryIndex } from '../library/index.ts';
import { type PurchaseDesk, sendsAgainLater } from '../purchases/purchase-desk.ts';
import type { Settings, SettingsStore } from '../settings/settings.ts';
import { routes, type StoreClient } from '../store-client/store-client.ts';
import { type CoverImage, fetchFittingCover } from '../tagging/index.ts';
import { sleep } from '../time/sleep.ts';
import { type JobRow, type JobStore, toJobView } from './job-store.ts';
import { OrderWatch } from './order-watch.ts';
import type { TokenBucket } from './token-bucket.ts';
import {
  type Checkpoint,
  type RetryPolicy,
  type TransferResult,
  transferWithRetry,
} from './transfer/index.ts';

export interface DownloadManagerOptions {
  home: string;
  client: StoreClient;
  jobs: JobStore;
  purchases: PurchaseDesk;
  settings: SettingsStore;
  library: LibraryIndex;
  events: EngineEvents;
  bucket: TokenBucket;
  /**
   * How soon to ask the store about an order again after an error, or when it does not hold answers
   * (long polling: it answers as soon as an item is encoded).
   */
  pollMs?: number;
  timeouts?: { connectMs?: number; idleMs?: number };
  retry?: Partial<RetryPolicy>;
}

export interface RunSummary {
  done: number;
  failed: number;
  paused: number;
}

/** How long the store may hold an order answer: well under the client's idle timeout, at most 20 s. */
const longPollMs = (idleMs = 30_000) => Math.max(0, Math.min(20_000, Math.floor(idleMs / 2)));

/**
 * How often a transfer makes its .part durable and the job's checkpoint row is written: every 16 MiB
 * or every second, whichever comes first. A kill -9 resumes from the last row, so it fetches again at
 * most ~32 MiB or ~2 s of data (the fdatasync of one interval runs while the next is written). No
 * fdatasync after the last byte: the library step copies the verified .part from the page cache and
 * fsyncs the copy, then deletes the .part, so a track that downloads within a second and under 16 MiB
 * never writes its .part to the disk at all (a crash before it is filed downloads it again: the row
 * holds only checkpoints that were made durable).
 */
export const CHECKPOINT = { bytes: 16 * 1024 * 1024, ms: 1000, atEnd: false } as const;

/**
 * Verified files being filed at once (tagged copy, read-back, fsync, hash, index row). Filing does not
 * hold a download slot: the next transfer starts as soon as a file is verified. The bound keeps the
 * copies and fsyncs of the library step from crowding the thread pool that also writes the transfers.
 */
const FILING_CONCURRENCY = 3;

export class DownloadManager {
  readonly #o: DownloadManagerOptions;
  readonly #running = new Map<number, { controller: AbortController; done: Promise<void> }>();
  /** Jobs of #running still transferring: only these count against the concurrency setting. */
  readonly #transferring = new Set<number>();
  readonly #filing = new Slots(FILING_CONCURRENCY);
  readonly #covers = new Map<number, Promise<CoverImage | null>>();
  #wake: (() => void) | null = null;

  constructor(options: DownloadManagerOptions) {
    this.#o = options;
  }

  /** Works until nothing is left to do (everything done, failed, paused or cancelled), or signal. */
  async run(signal?: AbortSignal): Promise<RunSummary> {
    const { jobs, purchases, settings, bucket } = this.#o;
    jobs.recoverInterrupted();
    await this.#sweepStaging();
    // Orders with encodes in progress are followed in the background: the loop never waits on them.
    const watch = new OrderWatch({
      client: this.#o.client,
      jobs,
      events: this.#o.events,
      waitMs: longPollMs(this.#o.timeouts?.idleMs),
      pollMs: this.#o.pollMs ?? 1000,
      onChange: () => this.#wake?.(),
    });
    // Monotonic time: a wall-clock step (NTP, a suspended laptop's clock set back) must not hold off
    // the next purchase retry.
    let purchaseRetryAt = Number.NEGATIVE_INFINITY;
    while (!signal?.aborted) {
      const now = performance.now();
      if (purchases.pending().length > 0 && now >= purchaseRetryAt) {
        purchaseRetryAt = now + (await this.#sendPending());
      }
      watch.sync();
      this.#reconcile();
      const current = settings.get();
      bucket.setRate(current.bandwidthLimit);
      const free = current.concurrency - this.#transferring.size;
      if (free > 0) {
        // A job resumed while its old transfer is still winding down waits for the next tick.
        for (const job of jobs.firstInState('queued', free)) if (!this.#running.has(job.id)) this.#start(job);
      }
      const waiting = jobs.countInStates(['waiting_encode']) + purchases.pending().length;
      if (this.#running.size === 0 && jobs.countInStates(['queued']) === 0 && waiting === 0) break;
      await Promise.race([sleep(250), new Promise<void>((resolve) => (this.#wake = resolve))]);
    }
    await watch.stop();
    for (const { controller } of this.#running.values()) controller.abort();
    await Promise.allSettled([...this.#running.values()].map((r) => r.done));
    // Counted in SQL: a queue of thousands is not loaded, tags and all, to say how many are done.
    return {
      done: jobs.countInStates(['done']),
      failed: jobs.countInStates(['failed']),
      paused: jobs.countInStates(['paused']),
    };
  }

  /** Returns how long to wait before trying pending purchases again. */
  async #sendPending(): Promise<number> {
    for (const purchase of this.#o.purchases.pending()) {
      try {
        await this.#o.purchases.send(purchase);
      } catch (error) {
        if (error instanceof MegadiscError && sendsAgainLater(error)) {
          return Math.max(error.retryAfterMs ?? 0, 2000);
        }
      }
    }
    return 0;
  }

  /** Stops transfers whose job was paused or cancelled elsewhere. */
  #reconcile(): void {
    for (const [id, run] of this.#running) {
      const state = this.#o.jobs.get(id).state;
      if (state !== 'downloading' && state !== 'verifying') run.controller.abort();
    }
  }

  #start(job: JobRow): void {
    const controller = new AbortController();
    this.#transferring.add(job.id);
    const transferred = () => {
      this.#transferring.delete(job.id);
      this.#wake?.();
    };
    const done = this.#download(job, controller.signal, transferred).finally(() => {
      this.#transferring.delete(job.id);
      this.#running.delete(job.id);
      this.#wake?.();
    });
    this.#running.set(job.id, { controller, done });
  }

  /** Transfers the job's file, then files it; `transferred` is called once the transfer is over. */
  async #download(job: JobRow, signal: AbortSignal, transferred: () => void): Promise<void> {
    const { jobs, events, client } = this.#o;
    const emitState = (row: JobRow) => events.emit('job-state', { job: toJobView(row) });
    emitState(jobs.started(job.id));
    const staging = join(this.#o.home, 'staging');
    await mkdir(staging, { recursive: true });
    const partPath = join(staging, `${job.item_id}.part`);
    const total = job.bytes_total!;
    // The last checkpoint the transfer reported, and whether the job's row has it yet. The one at the
    // end (every byte) goes into the row together with the move to 'verifying': one commit, not two.
    let reported: Checkpoint | null = null;
    let stored = true;
    const store = () => {
      if (reported && !stored) jobs.checkpoint(job.id, reported.bytes, reported.etag, partPath);
      stored = true;
    };
    let filing = false;
    /** The verified transfer, once there is one: if it is not filed now, its .part waits for a resume. */
    let kept: TransferResult | null = null;
    try {
      const result = await transferWithRetry(
        {
          url: client.url(job.url!),
          headers: client.authHeaders(),
          partPath,
          expected: { bytes: total, sha256: job.sha256! },
          resumeFrom: job.checkpoint_bytes > 0 ? { bytes: job.checkpoint_bytes, etag: job.etag } : null,
          signal,
          throttle: this.#o.bucket,
          checkpoint: CHECKPOINT,
          timeouts: this.#o.timeouts,
          onProgress: (p) => events.emit('job-progress', { jobId: job.id, ...p }),
          onCheckpoint: (c) => {
            reported = c;
            stored = false;
            if (c.bytes < total) store();
          },
        },
        this.#o.retry,
        (info) => {
          jobs.countAttempt(job.id);
          events.emit('job-retry', {
            jobId: job.id,
            attempt: info.attempt,
            delayMs: info.delayMs,
            code: info.error.code,
            message: info.error.message,
          });
        },
      );
      // The row keeps the last checkpoint that is durable (not the verified size: see CHECKPOINT).
      const durable = reported ?? { bytes: job.checkpoint_bytes, etag: job.etag };
      const verified = jobs.verified(job.id, durable.bytes, durable.etag, partPath);
      stored = verified;
      transferred();
      if (!verified) {
        // Paused or cancelled while the last bytes arrived: the user's choice stands.
        store();
        kept = result;
        await this.#interrupted(job, partPath, kept);
        return;
      }
      kept = result;
      emitState(jobs.get(job.id));
      await this.#filing.acquire(signal);
      filing = true;
      const settings = this.#o.settings.get();
      const purchase = this.#o.purchases.get(job.purchase_id);
      const tags = JSON.parse(job.tags) as TagData;
      await fileIntoLibrary({
        partPath,
        encoding: purchase.encoding,
        tags,
        store: this.#o.client.baseUrl,
        purchaseId: purchase.id,
        itemId: job.item_id,
        settings,
        index: this.#o.library,
        cover: await this.#cover(tags.storeIds.albumId, settings),
        onFiled: (file) =>
          jobs.transition(
            job.id,
            ['verifying', 'paused', 'cancelled'],
            'done',
            join(settings.libraryDir, file.path),
          ),
      });
      emitState(jobs.get(job.id));
    } catch (error) {
      store();
      const state = jobs.get(job.id).state;
      if (state === 'done') {
        // Filed and indexed; only a step after that (the album's cover.jpg) failed.
        emitState(jobs.get(job.id));
        return;
      }
      // Filing failed or was stopped: the verified .part stays for the resume, which then only has to
      // confirm its size (a 416 for the bytes after its end) and file it.
      if (kept && state !== 'cancelled') await keepForResume(jobs, job.id, partPath, kept);
      const e = asMegadiscError(error);
      const now = jobs.get(job.id).state;
      if (now === 'cancelled' || now === 'paused') {
        await this.#interrupted(job, partPath);
      } else if (signal.aborted) {
        // The run itself is stopping: the job goes back to the queue with its checkpoint.
        jobs.setState(job.id, 'queued');
      } else if (e.code === 'DISK_FULL' || e.code === 'PERMISSION_DENIED' || e.code === 'INVALID_STATE') {
        // No retry storm: the job waits, with its .part, until the user frees space and resumes.
        jobs.pause([job.id]);
        emitState(jobs.setState(job.id, 'paused', { error: e }));
      } else {
        emitState(jobs.setState(job.id, 'failed', { error: e }));
      }
    } finally {
      transferred();
      if (filing) this.#filing.release();
    }
  }

  /**
   * Removes the .part of every job that is over (done or cancelled). A crash between filing a track
   * and deleting its .part leaves one behind; a .part of an open job, or of no job, is left alone.
   */
  async #sweepStaging(): Promise<void> {
    const staging = join(this.#o.home, 'staging');
    let names: string[];
    try {
      names = await readdir(staging);
    } catch {
      return; // Nothing staged yet.
    }
    for (const name of names) {
      const itemId = /^(.+)\.part$/.exec(name)?.[1];
      if (itemId !== undefined && this.#o.jobs.itemIsOver(itemId))
        await rm(join(staging, name), { force: true });
    }
  }

  /** A cancelled job loses its .part; a paused one keeps it for the resume. */
  async #interrupted(job: JobRow, partPath: string, verified?: TransferResult): Promise<void> {
    const row = this.#o.jobs.get(job.id);
    if (row.state === 'cancelled') await rm(partPath, { force: true });
    else if (verified) await keepForResume(this.#o.jobs, job.id, partPath, verified);
    this.#o.events.emit('job-state', { job: toJobView(row) });
  }

  /** Applies pause and cancel at once instead of at the next tick. */
  reconcileNow(): void {
    this.#reconcile();
  }

  /** The album's cover under the cap, fetched once per album; a missing cover never fails a track. */
  #cover(albumId: number, settings: Settings): Promise<CoverImage | null> {
    let cover = this.#covers.get(albumId);
    if (!cover) {
      const { client } = this.#o;
      cover = client
        .call(routes.album, { params: { id: albumId } })
        .then((album) =>
          album.cover
            ? fetchFittingCover(album.cover.sizes, (path) => client.fetchBytes(path), {
                maxPx: settings.coverMaxPx,
                maxBytes: settings.coverMaxBytes,
              })
            : null,
        )
        .catch(() => null);
      this.#covers.set(albumId, cover);
    }
    return cover;
  }
}

/**
 * Makes a verified .part that is not filed now durable (the transfer skipped its last fdatasync) and
 * records it as complete. Best effort: if it fails, the row keeps the last durable checkpoint.
 */
async function keepForResume(
  jobs: JobStore,
  id: number,
  partPath: string,
  result: TransferResult,
): Promise<void> {
  try {
    const part = await open(partPath, 'r+');
    try {
      if ((await part.stat()).size !== result.bytes) return;
      await part.datasync();
    } finally {
      await part.close();
    }
    jobs.checkpoint(id, result.bytes, result.etag, partPath);
  } catch {
    // The resume downloads from the last durable checkpoint instead.
  }
}

/** A counting semaphore; acquire() gives up (throws the abort reason) when the signal fires first. */
class Slots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#free = size;
  }

  async acquire(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    if (this.#free > 0) {
      this.#free -= 1;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const index = this.#waiting.indexOf(grant);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject(signal.reason);
      };
      this.#waiting.push(grant);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free += 1;
  }
}
