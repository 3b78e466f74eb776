import { describe, expect, it } from 'vitest';
import { decideRange, ifRangeMatches } from '../../../../api/http/byte-range.ts';

describe('decideRange', () => {
  it.each([
    [undefined, { kind: 'full' }],
    ['bytes=0-0', { kind: 'partial', start: 0, end: 0 }],
    ['bytes=0-999', { kind: 'partial', start: 0, end: 999 }],
    ['bytes=10-', { kind: 'partial', start: 10, end: 999 }],
    ['bytes=-100', { kind: 'partial', start: 900, end: 999 }],
    ['bytes=-5000', { kind: 'partial', start: 0, end: 999 }],
    ['bytes=990-5000', { kind: 'partial', start: 990, end: 999 }],
    ['bytes=0-1, 5-6', { kind: 'full' }],
    [' bytes = 3-4', { kind: 'partial', start: 3, end: 4 }],
  ])('%s on 1000 bytes', (header, expected) => {
    expect(decideRange(header, 1000)).toEqual(expected);
  });

  it.each(['bytes=1000-', 'bytes=5-4', 'bytes=-0', 'bytes=-', 'bytes=a-b', 'lines=0-1', 'bytes=1-2-3', ''])(
    'rejects %j',
    (header) => {
      expect(decideRange(header, 1000).kind).toBe('unsatisfiable');
    },
  );

  it('tells a header that is no range at all from one past the end', () => {
    for (const header of ['bytes=5-4', 'bytes=-', 'lines=0-1'])
      expect(decideRange(header, 1000)).toMatchObject({ malformed: true });
    for (const header of ['bytes=1000-', 'bytes=-0'])
      expect(decideRange(header, 1000)).toMatchObject({ malformed: false });
  });
});

describe('ifRangeMatches', () => {
  const etag = '"abc"';
  const date = 'Mon, 23 Nov 2026 10:00:00 GMT';
  it('compares strong ETags exactly and never matches weak ones', () => {
    expect(ifRangeMatches(undefined, etag, date)).toBe(true);
    expect(ifRangeMatches('"abc"', etag, date)).toBe(true);
    expect(ifRangeMatches('"abd"', etag, date)).toBe(false);
    expect(ifRangeMatches('W/"abc"', etag, date)).toBe(false);
  });
  it('accepts only the exact Last-Modified date', () => {
    expect(ifRangeMatches(date, etag, date)).toBe(true);
    expect(ifRangeMatches('Mon, 23 Nov 2026 10:00:01 GMT', etag, date)).toBe(false);
  });
});
