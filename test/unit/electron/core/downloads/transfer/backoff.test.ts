import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../../../electron/core/downloads/transfer/index.ts';

const policy = { baseDelayMs: 500, maxDelayMs: 30_000 };

describe('backoffDelay', () => {
  it('draws uniformly below an exponential cap (full jitter)', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, policy, () => 0.999999))).toEqual([
      499, 999, 1_999, 3_999,
    ]);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(1_000);
    expect(backoffDelay(5, policy, () => 0)).toBe(0);
  });

  it('never exceeds maxDelayMs', () => {
    expect(backoffDelay(7, policy, () => 0.999999)).toBe(29_999);
    expect(backoffDelay(60, policy, () => 0.999999)).toBe(29_999);
  });

  it('waits at least as long as Retry-After asks', () => {
    expect(backoffDelay(1, policy, () => 0.1, 1_000)).toBe(1_000);
    expect(backoffDelay(6, policy, () => 0.9, 1_000)).toBe(14_400);
    // Retry-After is the server's wish and may exceed the cap.
    expect(backoffDelay(1, policy, () => 0.5, 120_000)).toBe(120_000);
  });
});
