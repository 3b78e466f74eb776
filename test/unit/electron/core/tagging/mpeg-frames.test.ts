import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hasAdtsFrames, hasMpegFrames } from '../../../../../electron/core/tagging/mpeg-frames.ts';

/** `count` MPEG-1 Layer III frames at 128 kbit/s, 44.1 kHz: 417 bytes each (418 with padding). */
function frames(count: number, padded = false): Buffer {
  const length = padded ? 418 : 417;
  const frame = Buffer.alloc(length, 0x11);
  frame.set([0xff, 0xfb, 0x90 | (padded ? 2 : 0), 0x64]);
  return Buffer.concat(Array.from({ length: count }, () => frame));
}

describe('hasMpegFrames', () => {
  it('finds chained frames, also after leading junk', () => {
    expect(hasMpegFrames(frames(4))).toBe(true);
    expect(hasMpegFrames(frames(5, true))).toBe(true);
    expect(hasMpegFrames(Buffer.concat([randomBytes(1000), frames(4)]))).toBe(true);
  });

  it('does not accept too short a run, or headers that do not chain', () => {
    expect(hasMpegFrames(frames(3))).toBe(false);
    const broken = frames(4);
    broken[417 * 2] = 0x00; // third header destroyed
    expect(hasMpegFrames(broken)).toBe(false);
  });

  it('rejects random bytes, which a single sync check would often accept', () => {
    for (let i = 0; i < 40; i++) {
      const noise = randomBytes(64 * 1024);
      expect(hasMpegFrames(noise)).toBe(false);
      expect(hasAdtsFrames(noise)).toBe(false);
    }
  });

  it('finds chained ADTS frames', () => {
    // MPEG-4 AAC LC, 44.1 kHz, stereo, protection absent, 300-byte frames.
    const frame = Buffer.alloc(300, 0x21);
    frame.set([0xff, 0xf1, 0x50, 0x80 | (300 >> 11), (300 >> 3) & 0xff, ((300 & 7) << 5) | 0x1f, 0xfc]);
    expect(hasAdtsFrames(Buffer.concat([frame, frame, frame, frame]))).toBe(true);
    expect(hasAdtsFrames(Buffer.concat([frame, frame, frame]))).toBe(false);
    expect(hasMpegFrames(Buffer.concat([frame, frame, frame, frame]))).toBe(false);
  });
});
