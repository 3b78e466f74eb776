// Picks which of the store's cover sizes to embed: the largest under a pixel and a byte cap.
import { imageDimensions } from './image-dimensions.ts';
import type { CoverImage } from './types.ts';

export interface CoverCap {
  /** Longest side in px. */
  maxPx: number;
  maxBytes: number;
}

export const DEFAULT_COVER_CAP: CoverCap = { maxPx: 1000, maxBytes: 500_000 };

export interface CoverChoice {
  px: number;
  url: string;
}

/**
 * The store lists covers by edge length only (CoverSet: "600" -> URL), so bytes are unknown until a
 * size is fetched. chooseCover stays pure: the caller fetches the choice and, when it turns out larger
 * than maxBytes, calls again with that size's byte count in `knownBytes`; the next smaller size comes
 * back (see fetchFittingCover, which runs that loop). Sizes already known to be too big are skipped
 * up front, so a caller with a size cache (or HEAD requests) never downloads them.
 */
export function chooseCover(
  sizes: Record<string, string>,
  cap: CoverCap = DEFAULT_COVER_CAP,
  knownBytes: Record<string, number> = {},
): CoverChoice | null {
  let best: CoverChoice | null = null;
  for (const [key, url] of Object.entries(sizes)) {
    if (!/^\d{1,6}$/.test(key) || typeof url !== 'string' || url === '') continue;
    const px = Number(key);
    if (px <= 0 || px > cap.maxPx) continue;
    const bytes = knownBytes[key] ?? knownBytes[String(px)];
    if (bytes !== undefined && bytes > cap.maxBytes) continue;
    if (best === null || px > best.px) best = { px, url };
  }
  return best;
}

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
