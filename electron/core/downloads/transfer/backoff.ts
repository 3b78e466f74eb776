// Exponential backoff with full jitter, floored by the server's Retry-After.
import type { RetryPolicy } from './types.ts';

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 500, maxDelayMs: 30_000 };

/**
 * Delay before retry number `attempt` (1 = the first retry). Full jitter (a uniform draw between 0 and
 * the exponential cap) spreads out clients that failed together; the server's Retry-After wins if longer.
 */
export function backoffDelay(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number,
  retryAfterMs?: number,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(random() * cap);
  return Math.max(jittered, retryAfterMs ?? 0);
}
