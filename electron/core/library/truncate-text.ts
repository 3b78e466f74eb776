// Shortens text to a size limit (UTF-8 bytes or UTF-16 units) without splitting a character.
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export type Measure = (text: string) => number;

export const utf8Bytes: Measure = (text) => Buffer.byteLength(text, 'utf8');
/** UTF-16 code units: what Windows counts against MAX_PATH. */
export const utf16Units: Measure = (text) => text.length;

/**
 * The longest prefix of text whose size is at most max. Cuts on a grapheme boundary so an accent
 * or an emoji's modifiers never lose their base; when the first grapheme alone is too big (a
 * "zalgo" letter with hundreds of marks) it falls back to whole code points.
 */
export function truncateText(text: string, max: number, measure: Measure = utf8Bytes): string {
  if (measure(text) <= max) return text;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = measure(segment);
    if (used + size <= max) {
      out += segment;
      used += size;
      continue;
    }
    if (out === '') {
      // Iterating a string yields whole code points, so surrogate pairs stay together.
      for (const ch of segment) {
        const chSize = measure(ch);
        if (used + chSize > max) break;
        out += ch;
        used += chSize;
      }
    }
    break;
  }
  return out;
}
