// Repairs tag text that old taggers wrote as Windows-1251 bytes into fields declared ISO-8859-1 (ID3v1,
// ID3v2 encoding 0), which parsers hand back as Latin-1 mojibake ("Êèíî" for «Кино»).

export const TAG_ENCODINGS = ['auto', 'cp1251', 'latin1'] as const;
/** auto: repair only text the heuristic recognises; cp1251: re-decode every single-byte text; latin1: never. */
export type TagEncoding = (typeof TAG_ENCODINGS)[number];

export function isTagEncoding(value: string): value is TagEncoding {
  return (TAG_ENCODINGS as readonly string[]).includes(value);
}

const cp1251 = new TextDecoder('windows-1251');

/** Parsers that decode "Latin-1" the WHATWG way map 0x80-0x9F to Windows-1252 punctuation; map those back too. */
const CP1252_BYTES = new Map<string, number>();
{
  const cp1252 = new TextDecoder('windows-1252');
  for (let byte = 0x80; byte <= 0x9f; byte++) {
    const char = cp1252.decode(Uint8Array.of(byte));
    if (char.codePointAt(0)! > 0xff) CP1252_BYTES.set(char, byte);
  }
}

/** The bytes a single-byte decoder must have read to produce `text`, or undefined if it cannot be such a reading. */
export function singleByteView(text: string): Uint8Array | undefined {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code <= 0xff ? code : CP1252_BYTES.get(text[i]!);
    if (byte === undefined) return undefined;
    bytes[i] = byte;
  }
  return bytes;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const WORDS = /\p{L}+/gu;
/** C1 controls: what Windows-1251 yields for its one unassigned byte (0x98), and never real text. */
const C1_CONTROL = /[\u0080-\u009f]/;

/** A word reads as a word: all lower case, all upper case, or one capital then lower case. */
function plausibleCase(word: string): boolean {
  const lower = word.toLowerCase();
  const upper = word.toUpperCase();
  if (word === lower || word === upper) return true;
  return word[0] === upper[0] && word.slice(1) === lower.slice(1);
}

/** Windows-1251 reading of `text` when the text has non-ASCII bytes and that reading has no control characters. */
function cp1251Reading(text: string): string | undefined {
  const bytes = singleByteView(text);
  if (!bytes?.some((b) => b >= 0x80)) return undefined;
  const decoded = cp1251.decode(bytes);
  return C1_CONTROL.test(decoded) ? undefined : decoded;
}

type Verdict = 'cyrillic' | 'short-cyrillic' | 'no';

/**
 * Whether `text` is Latin-1 mojibake of Windows-1251 Cyrillic. In that reading whole words are made of
 * accented capitals and small letters ("Êèíî"), while real Latin-1 text mixes a few accents into ASCII
 * words ("Björk", "Café", "Ñandú"). So, read as Windows-1251, every word must be either pure ASCII or
 * pure Cyrillic with a plausible case pattern; with no Cyrillic word of two or more letters the text is
 * only 'short-cyrillic' (a lone "À" in French text proves nothing on its own).
 */
function verdictOf(text: string): Verdict {
  const decoded = cp1251Reading(text);
  if (decoded === undefined) return 'no';
  let cyrillicWords = 0;
  let longCyrillicWord = false;
  for (const [word] of decoded.matchAll(WORDS)) {
    const letters = [...word];
    const cyrillic = letters.filter((c) => CYRILLIC.test(c)).length;
    if (cyrillic === 0) {
      // Non-ASCII letters that are not Cyrillic (µ) mean this was not Cyrillic text.
      if (/[^\p{ASCII}]/u.test(word)) return 'no';
      continue;
    }
    if (cyrillic !== letters.length || !plausibleCase(word)) return 'no';
    cyrillicWords++;
    if (cyrillic >= 2) longCyrillicWord = true;
  }
  return longCyrillicWord ? 'cyrillic' : cyrillicWords > 0 ? 'short-cyrillic' : 'no';
}

export function looksLikeCp1251Mojibake(text: string): boolean {
  return verdictOf(text) === 'cyrillic';
}

/** Re-decodes `text` as Windows-1251 when the mode says so; text that is not a single-byte reading is kept. */
export function decodeLegacyText(text: string, mode: TagEncoding): string {
  if (mode === 'latin1') return text;
  if (mode === 'cp1251') return cp1251Reading(text) ?? text;
  return looksLikeCp1251Mojibake(text) ? (cp1251Reading(text) as string) : text;
}

/**
 * Repairs the text fields `keys` of one file. One tagger wrote all of a file's fields in one encoding,
 * so in auto mode one clearly Cyrillic field vouches for the file's short ones ("Я", "Ёж и Я").
 */
export function decodeLegacyFields<T extends object>(
  fields: T,
  keys: readonly (keyof T)[],
  mode: TagEncoding,
): T {
  if (mode === 'latin1') return fields;
  const textsOf = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.filter((v) => typeof v === 'string')
        : [];
  const verdicts = new Map<string, Verdict>();
  for (const key of keys) for (const text of textsOf(fields[key])) verdicts.set(text, verdictOf(text));
  const vouched = [...verdicts.values()].includes('cyrillic');
  const repair = (text: string): string => {
    if (mode === 'cp1251') return decodeLegacyText(text, 'cp1251');
    const verdict = verdicts.get(text);
    return verdict === 'cyrillic' || (vouched && verdict === 'short-cyrillic')
      ? decodeLegacyText(text, 'cp1251')
      : text;
  };
  const out = { ...fields } as Record<keyof T, unknown>;
  for (const key of keys) {
    const value = fields[key];
    if (typeof value === 'string') out[key] = repair(value);
    else if (Array.isArray(value)) out[key] = value.map((v) => (typeof v === 'string' ? repair(v) : v));
  }
  return out as T;
}
