// FIFO concurrency limiter: bound, order, and shutdown.

import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../../../../server/transcode/work-queue.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('WorkQueue', () => {
  it('runs at most `limit` tasks at once, starting them in submission order', async () => {
    const queue = new WorkQueue(2);
    const started: number[] = [];
    const gates = [0, 1, 2, 3, 4].map(() => deferred());
    const results = gates.map((gate, n) =>
      queue.run(async () => {
        started.push(n);
        await gate.promise;
        return n;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(queue.waiting).toBe(3);
    gates[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    expect(queue.active).toBe(2);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4]);
    expect(queue.active).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const queue = new WorkQueue(1);
    await expect(queue.run(() => Promise.reject(new Error('nope')))).rejects.toThrow('nope');
    await expect(queue.run(async () => 'next')).resolves.toBe('next');
  });

  it('on close rejects waiting tasks, aborts running ones and waits for them', async () => {
    const queue = new WorkQueue(1);
    const reason = new Error('closing');
    let cleanedUp = false;
    const running = queue.run(
      (signal) =>
        new Promise((_, reject) => {
          signal.addEventListener('abort', () => {
            setTimeout(() => {
              cleanedUp = true;
              reject(signal.reason);
            }, 20);
          });
        }),
    );
    const waiting = queue.run(async () => 'never');
    const outcomes = Promise.allSettled([running, waiting]);
    await tick();
    await queue.close(reason);
    expect(cleanedUp).toBe(true);
    expect(await outcomes).toEqual([
      { status: 'rejected', reason },
      { status: 'rejected', reason },
    ]);
    await expect(queue.run(async () => 'late')).rejects.toBe(reason);
  });

  it('rejects a non-positive limit', () => {
    expect(() => new WorkQueue(0)).toThrow(RangeError);
  });
});
