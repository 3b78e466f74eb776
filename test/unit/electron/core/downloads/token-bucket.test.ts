import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../../../electron/core/downloads/token-bucket.ts';
import { MegadiscError } from '../../../../../electron/shared/errors.ts';

/** Virtual time: sleeps resolve only when the test advances the clock (or when woken by their signal). */
class ManualTime {
  now = 0;
  sleeps: { until: number; ms: number; resolve: () => void }[] = [];
  clock = { now: () => this.now };
  sleep = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve) => {
      const entry = { until: this.now + ms, ms, resolve };
      this.sleeps.push(entry);
      signal?.addEventListener('abort', () => {
        this.sleeps = this.sleeps.filter((s) => s !== entry);
        resolve();
      });
    });
  async advance(ms: number) {
    this.now += ms;
    for (const s of this.sleeps.filter((s) => s.until <= this.now)) {
      this.sleeps = this.sleeps.filter((x) => x !== s);
      s.resolve();
    }
    await flush();
  }
}

/** Virtual time that jumps forward by each requested sleep at once. */
function autoTime() {
  const t = { now: 0, slept: [] as number[] };
  return {
    t,
    clock: { now: () => t.now },
    sleep: async (ms: number) => {
      t.slept.push(ms);
      t.now += ms;
    },
  };
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('TokenBucket', () => {
  it('holds a take to the configured rate', async () => {
    const { t, clock, sleep } = autoTime();
    const bucket = new TokenBucket({ bytesPerSecond: 100_000, burstBytes: 10_000, now: clock.now, sleep });
    await bucket.take(1_000_000);
    // The first burst is free; the other 990 kB need 9.9 s at 100 kB/s.
    expect(t.now).toBeGreaterThanOrEqual(9_900);
    expect(t.now).toBeLessThan(10_000);
  });

  it('holds the limit across concurrent takers and interleaves them', async () => {
    const { t, clock, sleep } = autoTime();
    const bucket = new TokenBucket({ bytesPerSecond: 50_000, burstBytes: 5_000, now: clock.now, sleep });
    const done: Record<string, number> = {};
    await Promise.all([
      bucket.take(200_000).then(() => (done.a = t.now)),
      bucket.take(200_000).then(() => (done.b = t.now)),
      bucket.take(5_000).then(() => (done.small = t.now)),
    ]);
    // 405 kB at 50 kB/s, less the first 5 kB burst: ~8 s in total, whoever asked.
    expect(t.now).toBeGreaterThanOrEqual(7_980);
    expect(t.now).toBeLessThanOrEqual(8_100);
    // Round-robin slices: the small take does not wait behind the big ones, and they finish together.
    expect(done.small).toBeLessThanOrEqual(500);
    expect(Math.abs(done.a! - done.b!)).toBeLessThanOrEqual(200);
  });

  it('applies setRate to a waiter that is already sleeping', async () => {
    const time = new ManualTime();
    const bucket = new TokenBucket({
      bytesPerSecond: 1_000,
      burstBytes: 1_000,
      now: time.clock.now,
      sleep: time.sleep,
    });
    let finished = false;
    const take = bucket.take(5_000).then(() => {
      finished = true;
    });
    await flush();
    expect(time.sleeps).toHaveLength(1);
    expect(time.sleeps[0]!.ms).toBe(1_000);
    await time.advance(1_000);
    expect(finished).toBe(false);

    bucket.setRate(1_000_000);
    await flush();
    // Woken at once; the remaining 3 kB need ~3 ms at the new rate, not 3 s.
    expect(time.sleeps.every((s) => s.ms <= 5)).toBe(true);
    for (let i = 0; i < 20 && !finished; i++) await time.advance(1);
    await take;
    expect(finished).toBe(true);
    expect(time.now).toBeLessThanOrEqual(1_006);
  });

  it('releases waiters when switched to unlimited, and never sleeps when unlimited', async () => {
    const time = new ManualTime();
    const bucket = new TokenBucket({
      bytesPerSecond: 10,
      burstBytes: 10,
      now: time.clock.now,
      sleep: time.sleep,
    });
    const waiting = bucket.take(1_000_000);
    await flush();
    expect(time.sleeps).toHaveLength(1);
    bucket.setRate(null);
    await waiting;
    expect(time.now).toBe(0);

    const sleeps: number[] = [];
    const free = new TokenBucket({
      bytesPerSecond: null,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    for (let i = 0; i < 100; i++) await free.take(10_000_000);
    expect(sleeps).toEqual([]);
  });

  it('can slow down again after being unlimited', async () => {
    const { t, clock, sleep } = autoTime();
    const bucket = new TokenBucket({ bytesPerSecond: null, burstBytes: 1_000, now: clock.now, sleep });
    await bucket.take(50_000);
    expect(t.now).toBe(0);
    bucket.setRate(10_000);
    await bucket.take(21_000);
    expect(t.now).toBeGreaterThanOrEqual(2_000);
    expect(t.now).toBeLessThanOrEqual(2_100);
  });

  it('rejects an aborted take with ABORTED and lets the others through', async () => {
    const time = new ManualTime();
    const bucket = new TokenBucket({
      bytesPerSecond: 100,
      burstBytes: 100,
      now: time.clock.now,
      sleep: time.sleep,
    });
    const controller = new AbortController();
    const big = bucket.take(1_000_000, controller.signal);
    const small = bucket.take(100);
    await flush();
    controller.abort();
    await expect(big).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(big).rejects.toBeInstanceOf(MegadiscError);
    await time.advance(1_000);
    await time.advance(1_000);
    await small;
    await expect(bucket.take(1, AbortSignal.abort())).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('works with real timers', async () => {
    const bucket = new TokenBucket({ bytesPerSecond: 200_000, burstBytes: 20_000 });
    const start = performance.now();
    await bucket.take(60_000);
    const elapsed = performance.now() - start;
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1_000);
  });
});
