// Transcoder scheduling: shared runs for identical requests, the concurrency bound, progress reporting.
// The encoder runs are held open until the test releases them, so overlaps and progress are seen
// while the encodes are in flight, however fast the machine encodes.

import { describe, expect, it } from 'vitest';
import { countingTool } from './counting-tool.ts';
import { setupTranscoderHarness, waitFor } from './transcoder-harness.ts';

const harness = setupTranscoderHarness();
const heldFfmpeg = () =>
  countingTool(harness.dir, harness.unique('ffmpeg'), '/usr/bin/ffmpeg', { hold: true });

describe('Transcoder scheduling', () => {
  it('runs one encoder for concurrent requests of the same track and encoding', async () => {
    const ffmpeg = heldFfmpeg();
    const { transcoder } = harness.setup({ tools: { ffmpeg: ffmpeg.path } });
    const seen: number[][] = [[], [], []];
    const pending = seen.map((values) =>
      transcoder.ensure(harness.short('vorbis-q6'), (fraction) => values.push(fraction)),
    );
    await waitFor(() => ffmpeg.held() === 1);
    // A request made while the encoder is running joins it too.
    const late = transcoder.ensure(harness.short('vorbis-q6'));
    ffmpeg.release();
    const results = await Promise.all([...pending, late]);
    expect(ffmpeg.starts()).toBe(1);
    for (const result of results.slice(1)) expect(result).toBe(results[0]);
    for (const values of seen) expect(values.at(-1)).toBe(1);
  });

  it('never runs more encoders than the concurrency limit', async () => {
    const ffmpeg = heldFfmpeg();
    const { transcoder } = harness.setup({ tools: { ffmpeg: ffmpeg.path }, concurrency: 2 });
    const requests = [1, 2, 3, 4, 5].map((trackId) => harness.short('flac', trackId));
    const pending = Promise.all(requests.map((request) => transcoder.ensure(request)));
    // Two runs are held open: both slots are taken, so the other three have not started.
    await waitFor(() => ffmpeg.held() === 2);
    expect(ffmpeg.starts()).toBe(2);
    ffmpeg.release();
    const records = await pending;
    expect(new Set(records.map((record) => record.path)).size).toBe(5);
    expect(ffmpeg.starts()).toBe(5);
    expect(ffmpeg.maxOverlap()).toBe(2);
  });

  it('reports throttled progress in (0, 1], ending at 1', async () => {
    const ffmpeg = heldFfmpeg();
    const { transcoder } = harness.setup({ tools: { ffmpeg: ffmpeg.path } });
    const calls: Array<{ at: number; fraction: number }> = [];
    const pending = transcoder.ensure(harness.long('vorbis-q6', 9), (fraction) =>
      calls.push({ at: performance.now(), fraction }),
    );
    // ffmpeg reports its position on fd 3 (at the latest in its final report), and the encode is
    // not over until the held run exits.
    await waitFor(() => (transcoder.progress(9, 'vorbis-q6') ?? 0) > 0);
    const midway = transcoder.progress(9, 'vorbis-q6')!;
    expect(midway > 0 && midway < 1).toBe(true);
    ffmpeg.release();
    await pending;

    const fractions = calls.map((call) => call.fraction);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.some((fraction) => fraction < 1)).toBe(true);
    for (const fraction of fractions) expect(fraction > 0 && fraction <= 1).toBe(true);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    // Throttled to ~5/s; only the final 1 may follow sooner.
    for (let i = 1; i < calls.length - 1; i++)
      expect(calls[i]!.at - calls[i - 1]!.at).toBeGreaterThanOrEqual(190);
    expect(transcoder.progress(9, 'vorbis-q6')).toBeUndefined();
  });
});
