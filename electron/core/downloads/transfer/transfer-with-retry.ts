// Retries a transfer with backoff; every retry resumes from the last durable checkpoint of the .part.
import { MegadiscError } from '../../../shared/errors.ts';
import { sleep } from '../../time/sleep.ts';
import { backoffDelay, DEFAULT_RETRY_POLICY } from './backoff.ts';
import { PartFile } from './part-file.ts';
import { transferOnce } from './transfer-once.ts';
import type { Checkpoint, RetryInfo, RetryPolicy, TransferRequest, TransferResult } from './types.ts';

/**
 * Retryable failures wait max(full-jitter backoff, Retry-After) and resume. A CHECKSUM_MISMATCH means the
 * .part holds bad bytes somewhere: discard it and download once more from zero; a second mismatch is
 * final. Everything not retryable (disk full, permissions, abort, 4xx) is thrown at once.
 */
export async function transferWithRetry(
  req: TransferRequest,
  policy: Partial<RetryPolicy> = {},
  onRetry?: (info: RetryInfo) => void,
): Promise<TransferResult> {
  const { maxAttempts, baseDelayMs, maxDelayMs } = { ...DEFAULT_RETRY_POLICY, ...policy };
  const pause = policy.sleep ?? ((ms: number, signal?: AbortSignal) => sleep(ms, { signal }));
  const random = policy.random ?? Math.random;
  let checkpoint: Checkpoint | null = req.resumeFrom ?? null;
  let restartedFromZero = false;
  const onCheckpoint = (c: Checkpoint) => {
    checkpoint = c;
    req.onCheckpoint?.(c);
  };
  for (let attempt = 1; ; attempt++) {
    try {
      return await transferOnce({ ...req, resumeFrom: checkpoint, onCheckpoint });
    } catch (cause) {
      const error = cause as MegadiscError;
      if (error.code === 'CHECKSUM_MISMATCH') {
        if (restartedFromZero) {
          throw new MegadiscError(
            'CHECKSUM_MISMATCH',
            `the file failed its SHA-256 check again after a full re-download (${error.message})`,
            { cause: error, retryable: false },
          );
        }
        restartedFromZero = true;
        await discard(req.partPath);
        onCheckpoint({ bytes: 0, etag: null });
        // A deliberate fresh download, not a failure to back off from.
        onRetry?.({ attempt, delayMs: 0, error });
        continue;
      }
      if (!error.retryable || attempt >= maxAttempts) throw error;
      const delayMs = backoffDelay(attempt, { baseDelayMs, maxDelayMs }, random, error.retryAfterMs);
      onRetry?.({ attempt, delayMs, error });
      try {
        await pause(delayMs, req.signal);
      } catch (sleepError) {
        if (req.signal?.aborted) {
          throw new MegadiscError('ABORTED', 'the download was cancelled', { cause: req.signal.reason });
        }
        throw sleepError;
      }
      if (req.signal?.aborted) {
        throw new MegadiscError('ABORTED', 'the download was cancelled', { cause: req.signal.reason });
      }
    }
  }
}

/** Empties the .part (rather than deleting it: same file, same permissions, nothing to re-create). */
async function discard(partPath: string): Promise<void> {
  const part = await PartFile.open(partPath);
  try {
    await part.truncate(0);
    await part.sync();
  } finally {
    await part.close();
  }
}
