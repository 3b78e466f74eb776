// Downloads the largest store cover that really fits the cap, stepping down a size when one is too big.
import { type CoverCap, chooseCover, DEFAULT_COVER_CAP } from './choose-cover.ts';
import { imageDimensions } from './image-dimensions.ts';
import type { CoverImage } from './types.ts';

export interface FittingCover extends CoverImage {
  px: number;
  url: string;
  width: number;
  height: number;
}

/**
 * `fetchBytes` is the caller's HTTP client (the core's store client, with its timeouts and auth).
 * A size whose bytes exceed the cap, or that is not a readable JPEG/PNG, or whose real pixel size is
 * over the cap (the listing is only a claim), is skipped; null when no size qualifies. Network errors
 * propagate: a missing cover should be a decision of the caller, not something hidden here.
 */
export async function fetchFittingCover(
  sizes: Record<string, string>,
  fetchBytes: (url: string) => Promise<Uint8Array>,
  cap: CoverCap = DEFAULT_COVER_CAP,
): Promise<FittingCover | null> {
  const rejected: Record<string, number> = {};
  for (;;) {
    const choice = chooseCover(sizes, cap, rejected);
    if (choice === null) return null;
    const data = await fetchBytes(choice.url);
    const info = data.length <= cap.maxBytes ? imageDimensions(data) : null;
    if (info && Math.max(info.width, info.height) <= cap.maxPx) {
      return { ...choice, data, mimeType: info.mimeType, width: info.width, height: info.height };
    }
    // Infinity marks "unusable" whatever the byte cap, so the loop always moves to a smaller size.
    rejected[String(choice.px)] = data.length > cap.maxBytes ? data.length : Number.POSITIVE_INFINITY;
  }
}
