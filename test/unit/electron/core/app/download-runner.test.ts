// The background runner: one engine run at a time, a follow-up run for work that came meanwhile, backoff.
import { describe, expect, it } from 'vitest';
import { DownloadRunner } from '../../../../../electron/core/app/download-runner.ts';
import { MegadiscError } from '../../../../../electron/shared/errors.ts';

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

/** A run that waits until the test releases it (or the runner aborts it). */
function controllableRun() {
  const calls: { signal: AbortSignal; release: (error?: Error) => void }[] = [];
  let concurrent = 0;
  let maxConcurrent = 0;
  const run = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      const finish = (error?: Error) => {
        concurrent--;
        if (error) reject(error);
        else resolve();
      };
      signal.addEventListener('abort', () => finish());
      calls.push({ signal, release: finish });
    });
  return { run, calls, max: () => maxConcurrent };
}

interface Wait {
  ms: number;
  signal: AbortSignal;
  /** Ends the wait, as if its time had passed. */
  elapse: () => void;
}

/** An injected sleep that never ends by itself: the test sees each wait asked for and ends it. */
function fakeSleep() {
  const requested: Wait[] = [];
  const waiters: ((wait: Wait) => void)[] = [];
  let seen = 0;
  const sleep = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve) => {
      const wait = { ms, signal: signal ?? new AbortController().signal, elapse: () => resolve() };
      requested.push(wait);
      waiters.shift()?.(wait);
    });
  return {
    sleep,
    requested,
    /** The next wait asked for (resolves once the runner asks). */
    next: (): Promise<Wait> => {
      const index = seen++;
      const wait = requested[index];
      return wait ? Promise.resolve(wait) : new Promise((resolve) => waiters.push(resolve));
    },
  };
}

describe('DownloadRunner', () => {
  it('runs one pass at a time and runs again when work arrived meanwhile', async () => {
    const r = controllableRun();
    const runner = new DownloadRunner({ run: r.run, hasWork: () => false });
    runner.kick();
    runner.kick();
    runner.kick();
    expect(runner.running).toBe(true);
    expect(r.calls).toHaveLength(1);
    r.calls[0]!.release();
    await tick();
    // The kicks during the run are folded into exactly one more run.
    expect(r.calls).toHaveLength(2);
    r.calls[1]!.release();
    await tick();
    expect(r.calls).toHaveLength(2);
    expect(runner.running).toBe(false);
    expect(r.max()).toBe(1);
  });

  it('retries a failed run with growing backoff, but waits for a login after NOT_LOGGED_IN', async () => {
    const backoff = fakeSleep();
    let starts = 0;
    const errors: string[] = [];
    let fail: MegadiscError | null = new MegadiscError('STORE_UNREACHABLE', 'down');
    const runner = new DownloadRunner({
      run: async () => {
        starts++;
        if (fail) throw fail;
      },
      hasWork: () => false,
      onError: (e) => errors.push(e.code),
      baseDelayMs: 20,
      maxDelayMs: 80,
      sleep: backoff.sleep,
    });
    runner.kick();
    // Each failure asks for a wait twice as long as the one before, up to maxDelayMs; the next run
    // starts only when that wait is over.
    for (const [i, ms] of [20, 40, 80, 80].entries()) {
      const wait = await backoff.next();
      expect(wait.ms).toBe(ms);
      expect(starts).toBe(i + 1);
      wait.elapse();
    }
    const fifth = await backoff.next();
    expect(starts).toBe(5);
    expect(errors).toEqual(Array(5).fill('STORE_UNREACHABLE'));
    fail = new MegadiscError('NOT_LOGGED_IN', 'log in');
    fifth.elapse();
    await tick();
    expect(starts).toBe(6);
    expect(runner.running).toBe(false);
    expect(errors.at(-1)).toBe('NOT_LOGGED_IN');
    // No retry is scheduled after NOT_LOGGED_IN: it waits for a login.
    expect(backoff.requested).toHaveLength(5);
    // A kick (as after a login) starts it again at once.
    fail = null;
    runner.kick();
    await runner.idle();
    expect(starts).toBe(7);
    await runner.close();
  });

  it('a kick or close during a backoff wait cancels the wait', async () => {
    const backoff = fakeSleep();
    let starts = 0;
    const runner = new DownloadRunner({
      run: async () => {
        starts++;
        throw new MegadiscError('STORE_UNREACHABLE', 'down');
      },
      hasWork: () => false,
      baseDelayMs: 20,
      sleep: backoff.sleep,
    });
    runner.kick();
    const first = await backoff.next();
    runner.kick();
    expect(first.signal.aborted).toBe(true);
    const second = await backoff.next();
    expect(starts).toBe(2);
    // The cancelled wait ending later starts nothing.
    first.elapse();
    await tick();
    expect(starts).toBe(2);
    await runner.close();
    expect(second.signal.aborted).toBe(true);
    second.elapse();
    await tick();
    expect(starts).toBe(2);
  });

  it('close aborts the run in progress, waits for it, and nothing runs after', async () => {
    const r = controllableRun();
    const runner = new DownloadRunner({ run: r.run, hasWork: () => true });
    runner.kick();
    await runner.close();
    expect(r.calls[0]!.signal.aborted).toBe(true);
    expect(runner.running).toBe(false);
    runner.kick();
    await tick(20);
    expect(r.calls).toHaveLength(1);
  });

  it('starts only when there is work', async () => {
    const r = controllableRun();
    let work = false;
    const runner = new DownloadRunner({ run: r.run, hasWork: () => work });
    await runner.kickIfWork();
    expect(r.calls).toHaveLength(0);
    work = true;
    await runner.kickIfWork();
    expect(r.calls).toHaveLength(1);
    await runner.close();
  });
});
