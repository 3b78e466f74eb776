import { describe, expect, it } from 'vitest';
import { planResponse } from '../../../../../../electron/core/downloads/transfer/response-plan.ts';

const SIZE = 1_000;
const ETAG = '"abc"';
const plan = (status: number, headers: Record<string, string>, offset = 400, ifRange: string | null = ETAG) =>
  planResponse({ status, headers, offset, ifRange, expectedBytes: SIZE, nowMs: 0 });

describe('planResponse', () => {
  it('appends a matching 206 at the offset', () => {
    expect(plan(206, { 'content-range': 'bytes 400-999/1000', 'content-length': '600', etag: ETAG })).toEqual(
      {
        kind: 'write',
        from: 400,
        etag: ETAG,
      },
    );
  });

  it('rejects a 206 whose Content-Range is not the one asked for', () => {
    for (const range of [
      'bytes 401-999/1000',
      'bytes 400-998/1000',
      'bytes 400-1000/1001',
      'bytes */1000',
      '',
    ]) {
      const p = plan(206, { 'content-range': range, etag: ETAG });
      expect(p.kind).toBe('fail');
      if (p.kind === 'fail') expect(p.error).toMatchObject({ code: 'RANGE_MISMATCH', retryable: true });
    }
  });

  it('fails a 451 as withdrawn re-downloads, never to be retried', () => {
    const p = plan(451, { link: '</v1/takedowns/TD-ABCDEFGH>; rel="blocked-by"' });
    expect(p.kind).toBe('fail');
    if (p.kind === 'fail') expect(p.error).toMatchObject({ code: 'REDOWNLOAD_WITHDRAWN', retryable: false });
  });

  it('restarts from zero when a 206 carries another ETag than the If-Range sent', () => {
    expect(plan(206, { 'content-range': 'bytes 400-999/1000', etag: '"other"' }).kind).toBe('restart');
    // Without an If-Range there is nothing to compare with.
    expect(plan(206, { 'content-range': 'bytes 400-999/1000', etag: '"other"' }, 400, null).kind).toBe(
      'write',
    );
  });

  it('writes a 200 from byte zero even when a range was asked for', () => {
    expect(plan(200, { 'content-length': '1000', etag: '"new"' })).toEqual({
      kind: 'write',
      from: 0,
      etag: '"new"',
    });
    const wrongSize = plan(200, { 'content-length': '999' });
    expect(wrongSize.kind === 'fail' && wrongSize.error.code).toBe('SIZE_MISMATCH');
  });

  it('verifies a complete .part on 416, restarts otherwise', () => {
    expect(plan(416, { 'content-range': 'bytes */1000' }, SIZE)).toEqual({ kind: 'verify' });
    expect(plan(416, { 'content-range': 'bytes */1200' }, SIZE).kind).toBe('restart');
    expect(plan(416, { 'content-range': 'bytes */1000' }, 400).kind).toBe('restart');
  });

  it('classifies statuses and reads Retry-After', () => {
    const cases: [number, boolean][] = [
      [500, true],
      [502, true],
      [503, true],
      [408, true],
      [429, true],
      [400, false],
      [401, false],
      [403, false],
      [404, false],
      [409, false],
      [416, false],
    ];
    for (const [status, retryable] of cases) {
      const p = plan(status, { 'retry-after': '7' }, 0, null);
      expect(p.kind).toBe('fail');
      if (p.kind === 'fail') {
        expect(p.error).toMatchObject({ code: 'HTTP_STATUS', status, retryable, retryAfterMs: 7_000 });
      }
    }
  });
});
