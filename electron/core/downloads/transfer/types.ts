// Public types of the single-file transfer layer (one .part file, one URL, one expected size and hash).
import type { MegadiscError } from '../../../shared/errors.ts';

/** What is durably on disk: the .part holds `bytes` valid bytes of the representation tagged `etag`. */
export interface Checkpoint {
  bytes: number;
  etag: string | null;
}

export interface TransferProgress {
  receivedBytes: number;
  totalBytes: number;
  bytesPerSecond: number;
  etaSeconds: number | null;
}

export interface Throttle {
  take(bytes: number, signal?: AbortSignal): Promise<void>;
  /**
   * null while no limit is set: the transfer then skips take() and its bookkeeping entirely (read per
   * batch, so a limit set mid-transfer applies at once). A throttle without it is always asked.
   */
  readonly bytesPerSecond?: number | null;
}

export interface TransferRequest {
  url: string;
  headers?: Record<string, string>;
  /** Staging file '<name>.part'; created if missing. */
  partPath: string;
  expected: { bytes: number; sha256: string };
  /**
   * Last persisted checkpoint. The .part is truncated to checkpoint.bytes when longer; when shorter, the
   * transfer resumes from its actual size. Without a checkpoint the .part is not trusted: start from zero.
   */
  resumeFrom?: Checkpoint | null;
  signal?: AbortSignal;
  /** The shared TokenBucket. */
  throttle?: Throttle;
  /** Defaults 15 s / 30 s. There is deliberately no whole-request timeout: big files on slow links are fine. */
  timeouts?: { connectMs?: number; idleMs?: number };
  /** At most ~10 per second, plus one at the end. */
  onProgress?: (p: TransferProgress) => void;
  /**
   * Called after the .part has been fdatasync'ed up to c.bytes: at every `checkpoint.bytes` boundary
   * (1 MiB unless set), after `checkpoint.ms` (1 s) without one, on failure and at the end. The fdatasync
   * of one boundary runs while the bytes up to the next are written, so at most two intervals of data are
   * not yet durable at any moment (a kill -9 loses none of it: the page cache keeps it; a power cut may).
   */
  onCheckpoint?: (c: Checkpoint) => void;
  /**
   * How often the .part is made durable; see onCheckpoint. `atEnd: false` skips the fdatasync after the
   * last byte, for a caller that copies the verified .part (and fsyncs the copy) straight away: its
   * bytes are then read back from the page cache, and once the .part is deleted most of them never
   * reach the disk at all. The last checkpoint reported is then the last one that was made durable.
   */
  checkpoint?: { bytes?: number; ms?: number; atEnd?: boolean };
  /** Monotonic ms for the speed, the checkpoint pace and the idle watchdog (default performance.now). */
  now?: () => number;
}

export interface TransferResult {
  bytes: number;
  sha256: string;
  etag: string | null;
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface RetryInfo {
  attempt: number;
  delayMs: number;
  error: MegadiscError;
}
