// How long a transaction that lost a serialization conflict waits before its next attempt: capped
// exponential backoff with full jitter, so the losers of one conflict do not collide again in step.

export interface ConflictRetryPolicy {
  /** Attempts in all, the first included; past them the transaction fails with STORE_DB_BUSY. */
  attempts: number;
  baseMs: number;
  capMs: number;
}

// 50 attempts at up to 50 ms each: tens of transactions fighting over one row (a hot balance) all
// get through, while a real livelock still ends in an error within a few seconds.
export const DEFAULT_CONFLICT_RETRY: ConflictRetryPolicy = { attempts: 50, baseMs: 2, capMs: 50 };

/** The pause before attempt `attempt + 1`, after `attempt` (1-based) conflicting attempts. */
export function conflictBackoffMs(
  policy: ConflictRetryPolicy,
  attempt: number,
  random = Math.random,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt - 1, 20));
  return random() * ceiling;
}
