import { describe, expect, it } from 'vitest';
import { sleep, wakeableSleep } from '../../../../../electron/core/time/sleep.ts';

// A minute-long sleep that settles proves the abort ended it: the test would time out otherwise.
const MINUTE = 60_000;

describe('sleep', () => {
  it('waits out a short delay', async () => {
    await expect(sleep(1)).resolves.toBeUndefined();
  });

  it('rejects with an AbortError when stopped (the default)', async () => {
    const stop = new AbortController();
    const waiting = sleep(MINUTE, { signal: stop.signal });
    stop.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('wakes early instead when asked to, including for a signal already aborted', async () => {
    const stop = new AbortController();
    const waiting = wakeableSleep(MINUTE, stop.signal);
    stop.abort();
    await expect(waiting).resolves.toBeUndefined();
    await expect(sleep(MINUTE, { signal: AbortSignal.abort(), onAbort: 'wake' })).resolves.toBeUndefined();
  });
});
