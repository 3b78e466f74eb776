// Fixed-window counter per key (email, IP): failures, so password guessing is slowed to a crawl, or
// every use, for a budget such as free previews.
import { StoreError } from '../errors/store-error.ts';

export class RateLimiter {
  readonly #max: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #failures = new Map<string, { count: number; resetAt: number }>();

  constructor(opts: { max: number; windowMs: number; now?: () => number }) {
    this.#max = opts.max;
    this.#windowMs = opts.windowMs;
    this.#now = opts.now ?? Date.now;
  }

  /** Throws RATE_LIMITED (429, with Retry-After) when any key has used up its attempts. */
  check(keys: string[]): void {
    const now = this.#now();
    for (const key of keys) {
      const entry = this.#failures.get(key);
      if (entry && entry.resetAt <= now) this.#failures.delete(key);
      else if (entry && entry.count >= this.#max) {
        const retryAfter = Math.ceil((entry.resetAt - now) / 1000);
        throw new StoreError('RATE_LIMITED', 429, `too many attempts; try again in ${retryAfter} s`, {
          headers: { 'retry-after': String(retryAfter) },
        });
      }
    }
  }

  fail(keys: string[]): void {
    const now = this.#now();
    if (this.#failures.size > 100_000) this.#sweep(now);
    for (const key of keys) {
      const entry = this.#failures.get(key);
      if (entry && entry.resetAt > now) entry.count++;
      else this.#failures.set(key, { count: 1, resetAt: now + this.#windowMs });
    }
  }

  /** A request budget rather than a failure count: throws RATE_LIMITED if any key is used up, else counts one use. */
  take(keys: string[]): void {
    this.check(keys);
    this.fail(keys);
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.#failures.delete(key);
  }

  #sweep(now: number): void {
    for (const [key, entry] of this.#failures) if (entry.resetAt <= now) this.#failures.delete(key);
  }
}
