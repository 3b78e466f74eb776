// Picks which of the store's cover sizes to embed: the largest under a pixel and a byte cap.

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
