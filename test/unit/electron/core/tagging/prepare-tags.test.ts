import { describe, expect, it } from 'vitest';
import { prepareTags } from '../../../../../electron/core/tagging/prepare-tags.ts';
import {
  MAX_TEXT_BYTES,
  sanitizeList,
  sanitizeText,
} from '../../../../../electron/core/tagging/sanitize-text.ts';
import { fullTags } from '../../../../helpers/tag-data.ts';

const PNG_HEADER = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 64, 0, 0, 0,
  64, 8, 2,
]);

describe('sanitizeText', () => {
  it('removes NULs and control characters, turning line breaks and tabs into spaces', () => {
    // NEL (U+0085) is a line break, so it becomes a space; the other C0/C1 controls go.
    expect(sanitizeText('A\0B\u0001C\u007fD\u0085E\u009bF')).toBe('ABCD EF');
    expect(sanitizeText('line one\r\nline\ttwo')).toBe('line one line two');
    expect(sanitizeText('\ufeffBOM\ufffe\uffff')).toBe('BOM');
  });

  it('keeps emoji, RTL text, combining marks and bidi controls intact', () => {
    const text = 'שלום עולם 👩‍👩‍👧 e\u0301 \u202bمرحبا\u202c';
    expect(sanitizeText(text)).toBe(text.normalize('NFC'));
  });

  it('replaces lone surrogates, which no UTF encoding can carry', () => {
    expect(sanitizeText('a\ud800b\udc00c')).toBe('a\ufffdb\ufffdc');
    expect(sanitizeText('ok 😀')).toBe('ok 😀');
  });

  it('trims, and turns empty results into null', () => {
    expect(sanitizeText('  padded  ')).toBe('padded');
    expect(sanitizeText('\0\u0001 \t')).toBeNull();
    expect(sanitizeText(null)).toBeNull();
    expect(sanitizeText(42 as unknown as string)).toBeNull();
  });

  it('caps very long text at a character boundary', () => {
    const capped = sanitizeText('😀'.repeat(100_000))!;
    expect(Buffer.byteLength(capped)).toBeLessThanOrEqual(MAX_TEXT_BYTES);
    expect(Buffer.byteLength(capped)).toBeGreaterThan(MAX_TEXT_BYTES - 4);
    expect(capped).toBe('😀'.repeat(capped.length / 2));
  });

  it('cleans lists: drops empties and duplicates, caps the count', () => {
    expect(sanitizeList(['A', '', 'A', ' B ', '\0'])).toEqual(['A', 'B']);
    expect(sanitizeList(Array.from({ length: 100 }, (_, i) => `n${i}`))).toHaveLength(32);
  });
});

describe('prepareTags', () => {
  it('keeps a clean TagData as it is, with ReplayGain rounded to its text precision', () => {
    const prepared = prepareTags(
      fullTags({
        replayGain: { trackGainDb: -6.523, trackPeak: 0.98765432, albumGainDb: null, albumPeak: 1 },
      }),
      null,
    );
    expect(prepared).toMatchObject({
      title: 'Night Drive ✓ 🌙',
      artists: ['Ana Lima', 'The Echo Unit'],
      trackNumber: 3,
      trackTotal: 12,
      year: 2021,
      date: '2021-05-07',
      isrc: 'USRC17607839',
      storeIds: { trackId: 1001, albumId: 2002, artistId: 3003, orderId: 'ord_AbCdEfGhIj0123' },
      replayGain: { trackGainDb: -6.52, trackPeak: 0.987654, albumGainDb: null, albumPeak: 1 },
      cover: null,
    });
  });

  it('normalizes ISRCs and drops malformed ones', () => {
    expect(prepareTags(fullTags({ isrc: 'us-rc1-76-07839' }), null).isrc).toBe('USRC17607839');
    expect(prepareTags(fullTags({ isrc: 'not an isrc' }), null).isrc).toBeNull();
  });

  it('derives date and year from each other and lets the year win a contradiction', () => {
    expect(prepareTags(fullTags({ date: null, year: 1999 }), null)).toMatchObject({
      date: '1999',
      year: 1999,
    });
    expect(prepareTags(fullTags({ date: '2001-02', year: null }), null)).toMatchObject({
      date: '2001-02',
      year: 2001,
    });
    expect(prepareTags(fullTags({ date: '2001-02-03T10:00:00Z', year: 2001 }), null).date).toBe('2001-02-03');
    expect(prepareTags(fullTags({ date: '2001-13-01', year: 2001 }), null).date).toBe('2001');
    expect(prepareTags(fullTags({ date: '1990-01-01', year: 2001 }), null)).toMatchObject({
      date: '2001',
      year: 2001,
    });
    expect(prepareTags(fullTags({ date: null, year: null }), null)).toMatchObject({ date: null, year: null });
  });

  it('drops numbers that no container can hold', () => {
    const prepared = prepareTags(
      fullTags({ trackNumber: 0, trackTotal: -1, discNumber: 70_000, discTotal: 1.5 }),
      null,
    );
    expect(prepared).toMatchObject({
      trackNumber: null,
      trackTotal: null,
      discNumber: null,
      discTotal: null,
    });
    const rg = prepareTags(
      fullTags({
        replayGain: {
          trackGainDb: Number.NaN,
          trackPeak: -1,
          albumGainDb: 500,
          albumPeak: Number.POSITIVE_INFINITY,
        },
      }),
      null,
    ).replayGain;
    expect(rg).toEqual({ trackGainDb: null, trackPeak: null, albumGainDb: null, albumPeak: null });
  });

  it('accepts a real cover and rejects one whose bytes do not match its type', () => {
    expect(prepareTags(fullTags(), { data: PNG_HEADER, mimeType: 'image/png' }).cover?.mimeType).toBe(
      'image/png',
    );
    expect(() => prepareTags(fullTags(), { data: PNG_HEADER, mimeType: 'image/jpeg' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => prepareTags(fullTags(), { data: new Uint8Array(10), mimeType: 'image/png' })).toThrow(
      /image/,
    );
  });
});
