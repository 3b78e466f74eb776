// The background runner: one engine run at a time, a follow-up run for work that came meanwhile, backoff.
import { describe, expect, it } from 'vitest';
import { DownloadRunner } from '../../../electron/core/app/download-runner.ts';
import { MegadiscError } from '../../../electron/shared/errors.ts';

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
    const started: number[] = [];
    const errors: string[] = [];
    let fail: MegadiscError | null = new MegadiscError('STORE_UNREACHABLE', 'down');
    const runner = new DownloadRunner({
      run: async () => {
        started.push(Date.now());
        if (fail) throw fail;
      },
      hasWork: () => false,
      onError: (e) => errors.push(e.code),
      baseDelayMs: 20,
      maxDelayMs: 80,
    });
    runner.kick();
    await tick(200);
    expect(started.length).toBeGreaterThanOrEqual(3);
    const gaps = started.slice(1).map((t, i) => t - started[i]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(15);
    expect(gaps[1]!).toBeGreaterThanOrEqual(gaps[0]! + 5);
    expect(Math.max(...gaps)).toBeLessThan(150);
    fail = new MegadiscError('NOT_LOGGED_IN', 'log in');
    await tick(200);
    const afterLoginError = started.length;
    await tick(200);
    expect(started.length).toBe(afterLoginError);
    expect(errors.at(-1)).toBe('NOT_LOGGED_IN');
    // A kick (as after a login) starts it again at once.
    fail = null;
    runner.kick();
    await tick();
    expect(started.length).toBe(afterLoginError + 1);
    await runner.close();
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
