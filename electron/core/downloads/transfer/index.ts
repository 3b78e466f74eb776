// The single-file download transfer layer: resumable, verified, retrying downloads into a .part file.
export { backoffDelay, DEFAULT_RETRY_POLICY } from './backoff.ts';
export { finalizeFile } from './finalize-file.ts';
export { transferOnce } from './transfer-once.ts';
export { transferWithRetry } from './transfer-with-retry.ts';
export type {
  Checkpoint,
  RetryInfo,
  RetryPolicy,
  Throttle,
  TransferProgress,
  TransferRequest,
  TransferResult,
} from './types.ts';
