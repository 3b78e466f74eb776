// Parses an HTTP Retry-After header (delay-seconds or HTTP-date) into a wait in milliseconds: the one
// parser the store client and the download transfer both use.

/** Returns undefined when the header is missing or unreadable; a date in the past means "now" (0). */
export function parseRetryAfter(
  value: string | string[] | undefined,
  nowMs = Date.now(),
): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only accept something that looks like a date: Date.parse alone would take "1.5" as a year.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
