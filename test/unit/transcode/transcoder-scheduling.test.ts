// Transcoder scheduling: shared runs for identical requests, the concurrency bound, progress reporting.

import { describe, expect, it } from 'vitest';
import { countingTool } from './counting-tool.ts';
import { setupTranscoderHarness } from './transcoder-harness.ts';

const harness = setupTranscoderHarness();

describe('Transcoder scheduling', () => {
  it('runs one encoder for concurrent requests of the same track and encoding', async () => {
    const ffmpeg = countingTool(harness.dir, harness.unique('ffmpeg'), '/usr/bin/ffmpeg', 0.3);
    const { transcoder } = harness.setup({ tools: { ffmpeg: ffmpeg.path } });
    const seen: number[][] = [[], [], []];
    const results = await Promise.all(
      seen.map((values) =>
        transcoder.ensure(harness.short('vorbis-q6'), (fraction) => values.push(fraction)),
      ),
    );
    expect(ffmpeg.starts()).toBe(1);
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
    for (const values of seen) expect(values.at(-1)).toBe(1);
  });

  it('never runs more encoders than the concurrency limit', async () => {
    const ffmpeg = countingTool(harness.dir, harness.unique('ffmpeg'), '/usr/bin/ffmpeg', 0.3);
    const { transcoder } = harness.setup({ tools: { ffmpeg: ffmpeg.path }, concurrency: 2 });
    const requests = [1, 2, 3, 4, 5].map((trackId) => harness.short('flac', trackId));
    const records = await Promise.all(requests.map((request) => transcoder.ensure(request)));
    expect(new Set(records.map((record) => record.path)).size).toBe(5);
    expect(ffmpeg.starts()).toBe(5);
    expect(ffmpeg.maxOverlap()).toBe(2);
  });

  it('reports throttled progress in (0, 1], ending at 1', async () => {
    const { transcoder } = harness.setup();
    const calls: Array<{ at: number; fraction: number }> = [];
    const polled: number[] = [];
    const pending = transcoder.ensure(harness.long('vorbis-q6', 9), (fraction) =>
      calls.push({ at: performance.now(), fraction }),
    );
    const poller = setInterval(() => polled.push(transcoder.progress(9, 'vorbis-q6') ?? -1), 50);
    await pending.finally(() => clearInterval(poller));

    const fractions = calls.map((call) => call.fraction);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.some((fraction) => fraction < 1)).toBe(true);
    for (const fraction of fractions) expect(fraction > 0 && fraction <= 1).toBe(true);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    // Throttled to ~5/s; only the final 1 may follow sooner.
    for (let i = 1; i < calls.length - 1; i++)
      expect(calls[i]!.at - calls[i - 1]!.at).toBeGreaterThanOrEqual(190);
    expect(polled.some((value) => value > 0 && value < 1)).toBe(true);
    expect(transcoder.progress(9, 'vorbis-q6')).toBeUndefined();
  });
});
