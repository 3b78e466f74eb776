// Makes store-supplied text safe to put in any tag system: no controls, no NULs, bounded size.
import { truncateText } from '../library/truncate-text.ts';

/** Room for any real title or name; what is longer is junk or an attack on a reader's buffers. */
export const MAX_TEXT_BYTES = 1024;
export const MAX_LIST_ITEMS = 32;

// Tabs and line breaks are separators in disguise: keep the words apart with a space.
const LINE_CONTROLS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
// NUL is a value separator in ID3v2.4 and APEv2, the rest of C0/C1 and DEL confuse readers. BOM and the
// noncharacters U+FFFE/U+FFFF flip or break UTF-16 decoding in ID3v2.3 and ASF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const OTHER_CONTROLS = /[\u0000-\u001f\u007f-\u009f\ufeff\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Cleans one text value; null when nothing is left. NFC keeps library search and comparisons stable;
 * lone surrogates become U+FFFD (as String#toWellFormed does) because UTF-8 and UTF-16 tags cannot hold
 * them. Outer whitespace goes because several readers trim it anyway, which would fail the read-back check.
 */
export function sanitizeText(value: string | null | undefined, maxBytes = MAX_TEXT_BYTES): string | null {
  if (typeof value !== 'string') return null;
  const cleaned = value
    .replace(LONE_SURROGATE, '\ufffd')
    .normalize('NFC')
    .replace(LINE_CONTROLS, ' ')
    .replace(OTHER_CONTROLS, '');
  const capped = truncateText(cleaned.trim(), maxBytes).trim();
  return capped === '' ? null : capped;
}

/** Cleans a list of values: drops empties and exact duplicates (readers merge them), keeps order. */
export function sanitizeList(
  values: readonly string[] | null | undefined,
  maxItems = MAX_LIST_ITEMS,
): string[] {
  const out: string[] = [];
  if (!Array.isArray(values)) return out; // a bare string would otherwise be iterated letter by letter
  for (const value of values) {
    const clean = sanitizeText(value);
    if (clean !== null && !out.includes(clean)) out.push(clean);
    if (out.length === maxItems) break;
  }
  return out;
}

/** A positive integer that fits every container's field (MP4 keeps 16 bits), else null. */
export function positiveInt(value: number | null | undefined, max = 65_535): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= max ? value : null;
}
