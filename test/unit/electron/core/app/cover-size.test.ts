// Which of the store's listed cover sizes answers a request for a given size.
import { describe, expect, it } from 'vitest';
import { nearestSize } from '../../../../../electron/core/app/cover-cache.ts';

describe('nearestSize', () => {
  const sizes = { '1000': '/c/1000', '150': '/c/150', '600': '/c/600', '300': '/c/300' };
  it('takes the smallest listed size that is at least as large as asked', () => {
    expect(nearestSize(sizes, 250)).toBe('/c/300');
    expect(nearestSize(sizes, 300)).toBe('/c/300');
    expect(nearestSize(sizes, 601)).toBe('/c/1000');
    expect(nearestSize(sizes, 1)).toBe('/c/150');
  });
  it('falls back to the largest, and to nothing without sizes', () => {
    expect(nearestSize(sizes, 4000)).toBe('/c/1000');
    expect(nearestSize({}, 300)).toBeNull();
    expect(nearestSize({ big: '/x' }, 300)).toBeNull();
  });
});
