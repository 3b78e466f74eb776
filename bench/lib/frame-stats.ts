// Summaries of animation-frame times: percentiles, slow-frame shares and frames per second.
import { percentile } from './harness.ts';

export const FRAME_BUDGET_MS = 1000 / 60;

export interface FrameStats {
  frames: number;
  fps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /**
   * Shares of frames longer than one and two 60 Hz budgets, in %. Frames start on the 16.67 ms grid and
   * rAF timestamps are coarsened to 0.1 ms, so an on-time frame reads 16.6 or 16.7 and a late one
   * 33.3: the limits are 1.5 and 2.5 budgets (25 and 41.7 ms), i.e. "missed at least one / two frames".
   */
  over16: number;
  over33: number;
}

export function frameStats(frames: number[]): FrameStats {
  const total = frames.reduce((a, b) => a + b, 0);
  const share = (limit: number) =>
    (100 * frames.filter((f) => f > limit).length) / Math.max(1, frames.length);
  return {
    frames: frames.length,
    fps: frames.length / (total / 1000),
    p50: percentile(frames, 50),
    p95: percentile(frames, 95),
    p99: percentile(frames, 99),
    max: frames.length ? Math.max(...frames) : Number.NaN,
    over16: share(1.5 * FRAME_BUDGET_MS),
    over33: share(2.5 * FRAME_BUDGET_MS),
  };
}
