import { describe, expect, it } from 'vitest';
import {
  displayArtists,
  gainText,
  numberPair,
  peakText,
} from '../../../../../electron/core/tagging/field-text.ts';

describe('field text', () => {
  it('formats ReplayGain the way taggers write it', () => {
    expect(gainText(-6.52)).toBe('-6.52 dB');
    expect(gainText(1.2)).toBe('1.20 dB');
    expect(peakText(0.987654)).toBe('0.987654');
    expect(peakText(1)).toBe('1.000000');
  });

  it('writes "n/total" pairs and leaves unknown totals out', () => {
    expect(numberPair(3, 12)).toBe('3/12');
    expect(numberPair(3, null)).toBe('3');
    expect(numberPair(null, 12)).toBeNull();
  });

  it('joins artists for single-valued display fields', () => {
    expect(displayArtists([])).toBeNull();
    expect(displayArtists(['A'])).toBe('A');
    expect(displayArtists(['A', 'B'])).toBe('A & B');
    expect(displayArtists(['A', 'B', 'C'])).toBe('A, B & C');
  });
});
