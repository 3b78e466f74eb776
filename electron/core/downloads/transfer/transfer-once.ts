// One download attempt of one file into its .part, ending in a size + SHA-256 verified file or a MegadiscError.
import { isMegadiscError, MegadiscError } from '../../../shared/errors.ts';
import { monotonicNow } from '../../time/now.ts';
import { networkError } from './network-error.ts';
import { PartFile } from './part-file.ts';
import { TransferAttempt } from './transfer-attempt.ts';
import type { TransferRequest, TransferResult } from './types.ts';

/**
 * Resumes or starts, streams to the .part while hashing (a resumed prefix is hashed from disk first),
 * verifies size and SHA-256. The verified .part stays in place: the caller fsyncs and renames it
 * (finalizeFile). On failure the .part is kept and the last durable checkpoint has been reported.
 */
export async function transferOnce(req: TransferRequest): Promise<TransferResult> {
  checkRequest(req);
  if (req.signal?.aborted) throw abortedError(req.signal);
  const part = await PartFile.open(req.partPath);
  const attempt = new TransferAttempt(req, part, req.now ?? monotonicNow);
  try {
    return await attempt.run();
  } catch (cause) {
    const error = classify(cause, req, attempt);
    // A network failure keeps what arrived; a disk failure may have left a partial write past the
    // position, which the next resume truncates away because the checkpoint stops before it.
    await attempt.checkpointAfterFailure();
    throw error;
  } finally {
    attempt.dispose();
    await part.close();
  }
}

function classify(cause: unknown, req: TransferRequest, attempt: TransferAttempt): MegadiscError {
  // Order matters: an abort or a stall destroys the stream, and got reports that as its own error.
  if (req.signal?.aborted) return abortedError(req.signal);
  if (attempt.stalled) return attempt.stalled;
  if (isMegadiscError(cause)) return cause;
  return networkError(cause, req.url);
}

function abortedError(signal: AbortSignal): MegadiscError {
  return new MegadiscError('ABORTED', 'the download was cancelled', { cause: signal.reason });
}

function checkRequest(req: TransferRequest): void {
  const { bytes, sha256 } = req.expected;
  if (!Number.isSafeInteger(bytes) || bytes < 0) {
    throw new MegadiscError('INVALID_ARGUMENT', `expected.bytes must be a byte count, not ${bytes}`);
  }
  if (!/^[0-9a-f]{64}$/i.test(sha256)) {
    throw new MegadiscError('INVALID_ARGUMENT', `expected.sha256 must be 64 hex digits`);
  }
}
