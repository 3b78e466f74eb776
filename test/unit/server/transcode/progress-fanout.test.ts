// Progress sharing between callers: throttling, monotonicity, completion, broken listeners.

import { describe, expect, it } from 'vitest';
import { ProgressFanout } from '../../../../server/transcode/progress-fanout.ts';

describe('ProgressFanout', () => {
  it('throttles each listener but always delivers the final 1', () => {
    const fanout = new ProgressFanout(10_000);
    const seen: number[] = [];
    fanout.subscribe((fraction) => seen.push(fraction));
    for (let i = 1; i <= 50; i++) fanout.update(i / 100);
    fanout.finish();
    expect(seen).toEqual([0.01, 1]);
    expect(fanout.value).toBe(1);
  });

  it('only moves forward and keeps below 1 until finished', () => {
    const fanout = new ProgressFanout(0);
    const seen: number[] = [];
    fanout.subscribe((fraction) => seen.push(fraction));
    fanout.update(0.5);
    fanout.update(0.4);
    fanout.update(Number.NaN);
    fanout.update(2);
    expect(seen).toEqual([0.5, 0.99]);
  });

  it('keeps serving other listeners when one throws, and tells late subscribers it is done', () => {
    const fanout = new ProgressFanout(0);
    const seen: number[] = [];
    fanout.subscribe(() => {
      throw new Error('client went away');
    });
    fanout.subscribe((fraction) => seen.push(fraction));
    fanout.update(0.3);
    fanout.finish();
    const late: number[] = [];
    fanout.subscribe((fraction) => late.push(fraction));
    expect(seen).toEqual([0.3, 1]);
    expect(late).toEqual([1]);
  });
});
