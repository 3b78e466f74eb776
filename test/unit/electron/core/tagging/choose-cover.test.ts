import { describe, expect, it, vi } from 'vitest';
import { chooseCover, fetchFittingCover } from '../../../../../electron/core/tagging/index.ts';

const SIZES = {
  '150': 'https://s/c150.jpg',
  '300': 'https://s/c300.jpg',
  '600': 'https://s/c600.jpg',
  '1200': 'https://s/c1200.jpg',
};

/** A JPEG header claiming the given size, padded to `bytes`. */
function fakeJpeg(px: number, bytes = 1000): Uint8Array {
  const head = [0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 8, px >> 8, px & 0xff, px >> 8, px & 0xff, 3];
  const out = new Uint8Array(Math.max(bytes, head.length + 20));
  out.set(head);
  return out;
}

describe('chooseCover', () => {
  it('picks the largest size under the default 1000 px cap', () => {
    expect(chooseCover(SIZES)).toEqual({ px: 600, url: 'https://s/c600.jpg' });
  });

  it('takes a size equal to the cap, and none when all are larger', () => {
    expect(chooseCover(SIZES, { maxPx: 1200, maxBytes: 500_000 })?.px).toBe(1200);
    expect(chooseCover(SIZES, { maxPx: 100, maxBytes: 500_000 })).toBeNull();
    expect(chooseCover({})).toBeNull();
  });

  it('skips sizes already known to exceed maxBytes', () => {
    const cap = { maxPx: 1000, maxBytes: 500_000 };
    expect(chooseCover(SIZES, cap, { '600': 700_000 })?.px).toBe(300);
    expect(chooseCover(SIZES, cap, { '600': 400_000, '300': 900_000 })?.px).toBe(600);
    expect(chooseCover(SIZES, cap, { '150': 600_000, '300': 600_000, '600': 600_000 })).toBeNull();
  });

  it('ignores keys that are not pixel sizes and empty URLs', () => {
    expect(chooseCover({ large: 'x', '-5': 'y', '800': '', '0700': 'z' })).toEqual({ px: 700, url: 'z' });
  });
});

describe('fetchFittingCover', () => {
  it('downloads the best size and reports its real dimensions', async () => {
    const fetch = vi.fn(async () => fakeJpeg(600));
    const cover = await fetchFittingCover(SIZES, fetch);
    expect(cover).toMatchObject({ px: 600, width: 600, height: 600, mimeType: 'image/jpeg' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('https://s/c600.jpg');
  });

  it('steps down a size when the bytes are over the cap', async () => {
    const fetch = vi.fn(async (url: string) =>
      url.endsWith('c600.jpg') ? fakeJpeg(600, 800_000) : fakeJpeg(300),
    );
    const cover = await fetchFittingCover(SIZES, fetch);
    expect(cover?.px).toBe(300);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(['https://s/c600.jpg', 'https://s/c300.jpg']);
  });

  it('steps down when a file is not an image or is really larger than listed', async () => {
    const fetch = vi.fn(async (url: string) => {
      if (url.endsWith('c600.jpg')) return new TextEncoder().encode('<html>oops</html>');
      if (url.endsWith('c300.jpg')) return fakeJpeg(3000);
      return fakeJpeg(150);
    });
    expect((await fetchFittingCover(SIZES, fetch))?.px).toBe(150);
  });

  it('returns null when nothing fits, and lets network errors through', async () => {
    expect(await fetchFittingCover(SIZES, async () => fakeJpeg(600, 900_000))).toBeNull();
    await expect(fetchFittingCover(SIZES, async () => Promise.reject(new Error('offline')))).rejects.toThrow(
      'offline',
    );
  });
});
