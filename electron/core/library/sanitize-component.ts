// Turns any metadata string into one file or folder name that every OS accepts and shows honestly.
import { MegadiscError } from '../../shared/errors.ts';
import { truncateText, utf8Bytes } from './truncate-text.ts';

/** ext4, APFS and NTFS all cap a name at 255 (bytes or UTF-16 units); bytes is the stricter count. */
export const MAX_COMPONENT_BYTES = 255;

const WINDOWS_FORBIDDEN = new Set('<>:"/\\|?*');
/** Devices Windows opens instead of a file, whatever the extension ("NUL.flac", "com1 .txt"). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function isLineBreakOrTab(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** Invisible characters that carry no meaning in a name but can disguise it (bidi "RLO" tricks). */
function isInvisible(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x200e ||
    c === 0x200f ||
    c === 0x061c ||
    c === 0xfeff
  );
}

function mapChar(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (isLineBreakOrTab(c)) return ' ';
  if (isInvisible(c)) return '';
  if (WINDOWS_FORBIDDEN.has(ch)) return '_';
  return ch;
}

/** Windows drops trailing dots and spaces; a leading dot hides the entry on Unix ("." and ".." too). */
function tidyEnds(text: string): string {
  return text
    .replace(/[\s.]+$/u, '')
    .replace(/^\s+/u, '')
    .replace(/^\.+/, '_');
}

function cleanText(text: string): string {
  const wellFormed = text.replace(LONE_SURROGATE, '\uFFFD').normalize('NFC');
  // NFC again: dropping an invisible character can bring a base letter and its mark together.
  return tidyEnds([...wellFormed].map(mapChar).join('').normalize('NFC'));
}

export function isWindowsReserved(name: string): boolean {
  return WINDOWS_RESERVED.test(name.split('.')[0]!.trimEnd());
}

/** Extensions are short ASCII tokens; anything else is not worth keeping. */
export function cleanExtension(ext: string): string {
  return ext
    .replace(/^\.+/, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 16);
}

export interface SanitizeOptions {
  /** Kept verbatim after the (possibly shortened) name, e.g. "flac". */
  ext?: string;
  maxBytes?: number;
}

/**
 * One safe path component: NFC, no separators, controls, bidi marks or Windows-forbidden
 * characters, no reserved device names, no trailing dots or spaces, never empty, ".", "..", or
 * longer than maxBytes of UTF-8 (the extension survives any shortening). Idempotent.
 */
export function sanitizeComponent(name: string, options: SanitizeOptions = {}): string {
  const maxBytes = options.maxBytes ?? MAX_COMPONENT_BYTES;
  const ext = options.ext === undefined ? '' : cleanExtension(options.ext);
  const suffix = ext ? `.${ext}` : '';
  const room = maxBytes - utf8Bytes(suffix);
  if (!(room >= 8)) {
    throw new MegadiscError('INVALID_ARGUMENT', `a name limit of ${maxBytes} bytes is too small`);
  }
  let stem = tidyEnds(truncateText(cleanText(name), room)) || '_';
  // "CON.x" can be long, so the prefixed name is shortened again.
  if (isWindowsReserved(stem + suffix)) stem = tidyEnds(truncateText(`_${stem}`, room));
  return stem + suffix;
}
