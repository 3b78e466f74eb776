// RFC 9110 Range / If-Range evaluation for a single representation with a strong ETag: the one parser
// the store's file serving and the client's library files (web mode and app://) both use.

export type RangeDecision =
  | { kind: 'full' }
  | { kind: 'partial'; start: number; end: number }
  /**
   * 416, or, for a header that is not a range at all (`malformed`), whatever the server prefers:
   * the store rejects it so a client bug is visible at once, the UI's hosts answer with the whole file.
   */
  | { kind: 'unsatisfiable'; reason: string; malformed: boolean };

/** Whether an If-Range validator still matches: strong ETag comparison, or the exact Last-Modified. */
export function ifRangeMatches(ifRange: string | undefined, etag: string, lastModified: string): boolean {
  if (ifRange === undefined) return true;
  const value = ifRange.trim();
  if (value.startsWith('W/')) return false;
  if (value.startsWith('"')) return value === etag;
  return value === lastModified;
}

const malformed = (reason: string): RangeDecision => ({ kind: 'unsatisfiable', reason, malformed: true });
const unsatisfiable = (reason: string): RangeDecision => ({
  kind: 'unsatisfiable',
  reason,
  malformed: false,
});

/**
 * Decides how to answer a Range header. One range is served as 206. Several ranges are answered
 * with the whole file (RFC 9110 lets a server ignore Range), since download clients ask for one.
 */
export function decideRange(header: string | undefined, size: number): RangeDecision {
  if (header === undefined) return { kind: 'full' };
  const match = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  if (!match) return malformed(`unsupported range unit in "${header.slice(0, 60)}"`);
  const specs = match[1]!.split(',').map((s) => s.trim());
  if (specs.length > 1) return { kind: 'full' };
  const spec = /^(\d*)-(\d*)$/.exec(specs[0]!);
  if (!spec || (spec[1] === '' && spec[2] === ''))
    return malformed(`malformed range "${header.slice(0, 60)}"`);
  const [, first, last] = spec;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return unsatisfiable('empty suffix range');
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return malformed('range ends before it starts');
  if (start >= size) return unsatisfiable(`range starts at or past the end (${size} bytes)`);
  return { kind: 'partial', start, end };
}
