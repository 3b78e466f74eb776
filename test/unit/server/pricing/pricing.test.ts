import { describe, expect, it } from 'vitest';
import { ENCODING_IDS } from '../../../../api/schemas/encoding-catalog.ts';
import { estimateSize } from '../../../../server/pricing/estimate-size.ts';
import { money, parseRate, priceOf } from '../../../../server/pricing/money.ts';

const audio = {
  durationMs: 180_000,
  sampleRate: 44_100,
  channels: 2,
  bitsPerSample: 16,
  masterBytes: 20_000_000,
  masterIsFlac: true,
};

describe('money', () => {
  it('parses decimal rates without float drift', () => {
    expect(parseRate('0.02')).toEqual({ currency: 'USD', microsPerMb: 20_000 });
    expect(parseRate('1')).toEqual({ currency: 'USD', microsPerMb: 1_000_000 });
    expect(parseRate('0.000001').microsPerMb).toBe(1);
    expect(() => parseRate('-1')).toThrow(/decimal/);
    expect(() => parseRate('0.1234567')).toThrow();
    expect(() => parseRate('1e3')).toThrow();
  });

  it('prices bytes in integer micros and displays cents rounded up', () => {
    const rate = parseRate('0.02');
    expect(priceOf(1_000_000, rate)).toEqual({ currency: 'USD', micros: 20_000, display: '$0.02' });
    expect(priceOf(5_300_000, rate).micros).toBe(106_000);
    expect(priceOf(5_300_000, rate).display).toBe('$0.11');
    expect(priceOf(1, rate).micros).toBe(1);
    expect(money(0, 'EUR').display).toBe('EUR 0.00');
  });
});

describe('estimateSize', () => {
  it('orders low <= mid <= high for every encoding', () => {
    for (const id of ENCODING_IDS) {
      const e = estimateSize(id, audio);
      expect(e.lowBytes, id).toBeLessThanOrEqual(e.bytes);
      expect(e.bytes, id).toBeLessThanOrEqual(e.highBytes);
      expect(e.lowBytes, id).toBeGreaterThan(0);
    }
  });

  it('prices CBR MP3 close to bitrate x duration', () => {
    const e = estimateSize('mp3-320', audio);
    expect(e.bytes).toBeGreaterThan(7_200_000 - 1);
    expect(e.bytes).toBeLessThan(7_210_000);
    expect(e.highBytes / e.bytes).toBeLessThan(1.03);
  });

  it('never lets a lossless estimate exceed raw PCM plus framing', () => {
    const pcm = 180 * 44_100 * 2 * 2;
    const wav = estimateSize('flac', { ...audio, masterIsFlac: false, masterBytes: pcm });
    expect(wav.highBytes).toBeLessThanOrEqual(pcm * 1.02 + 16_384);
    expect(wav.highBytes).toBeGreaterThan(pcm);
    const flac = estimateSize('flac', audio);
    expect(flac.bytes).toBe(20_000_000);
    expect(estimateSize('alac', audio).bytes).toBeGreaterThan(flac.bytes);
  });
});
