import { describe, expect, it } from 'vitest';
import { unavailableReason } from '../../../../server/transcode/unavailable-reason.ts';

describe('why an encoding is unavailable, for the reader', () => {
  it('is null for an available encoding, in any language', () => {
    const flac = { encoding: 'flac' as const, available: true, encoderVersion: 'ffmpeg 5.1; recipe 1' };
    expect(unavailableReason(flac, 'en')).toBeNull();
    expect(unavailableReason(flac, 'ru')).toBeNull();
  });

  it("keeps the probe's technical English for English readers", () => {
    const lame = {
      encoding: 'mp3-v0' as const,
      available: false,
      reason: 'lame not found on PATH',
      tool: 'lame' as const,
    };
    expect(unavailableReason(lame, 'en')).toBe('lame not found on PATH');
    expect(unavailableReason(undefined, 'en')).toBe('not probed');
  });

  it('words each kind of cause in Russian: a tool, an encoder ffmpeg lacks, no probe yet', () => {
    expect(
      unavailableReason(
        { encoding: 'mp3-v0', available: false, reason: 'lame not found', tool: 'lame' },
        'ru',
      ),
    ).toBe('магазин сейчас не может запустить lame');
    expect(
      unavailableReason(
        {
          encoding: 'opus-160',
          available: false,
          reason: "no 'libopus'",
          tool: 'ffmpeg',
          encoder: 'libopus',
        },
        'ru',
      ),
    ).toBe('в ffmpeg магазина нет кодировщика libopus');
    expect(unavailableReason(undefined, 'ru')).toBe('магазин ещё не проверил свои кодировщики');
  });
});
