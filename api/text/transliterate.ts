// Cyrillic to Latin transliteration, for search across scripts and for ASCII-only file names.

/*
 * Scheme: BGN/PCGN for Russian, simplified to plain ASCII (no diacritics, no apostrophes), the
 * romanization English-language press and record shops print ("Tsoy", "Zhanna", "Shchedrin") and
 * so what people type into a search box. ISO 9 / GOST 7.79 System A needs diacritics (č, š) that
 * nobody types, and System B spells ц as "cz" and х as "x", which readers do not guess.
 * Simplifications: ё is "e" like е (search folds ё to е anyway), е is always "e" (not "ye" after
 * vowels), й is "y", and the hard and soft signs are dropped. A few Ukrainian and Belarusian
 * letters get their usual spellings so their titles are not left untouched.
 */
// biome-ignore format: a table reads better in rows
const LOWER: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u',
};

const isUpper = (ch: string | undefined) => ch !== undefined && ch !== ch.toLowerCase();
const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch);

/**
 * Cyrillic letters spelled in Latin; everything else is kept. Case follows the source: "Щука" is
 * "Shchuka", "ЩИТ" is "SHCHIT" (a multi-letter spelling is all capitals when a neighbouring
 * letter is a capital too).
 */
export function toLatin(text: string): string {
  const chars = [...text.normalize('NFC')];
  let out = '';
  chars.forEach((ch, i) => {
    const lower = ch.toLowerCase();
    const latin = LOWER[lower];
    if (latin === undefined) {
      out += ch;
      return;
    }
    if (!isUpper(ch) || latin === '') {
      out += latin;
      return;
    }
    const next = chars[i + 1];
    const neighbour = isLetter(next) ? next : chars[i - 1];
    out += isUpper(neighbour) ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
  });
  return out;
}

/** Latin letters outside ASCII that do not decompose into a base letter and a mark. */
// biome-ignore format: a table reads better in rows
const LATIN_EXTRA: Readonly<Record<string, string>> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l',
  Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ı: 'i',
};
/** Typographic punctuation with a plain ASCII look-alike. */
// biome-ignore format: a table reads better in rows
const PUNCTUATION: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201c': '"', '\u201d': '"', '\u201e': '"',
  '\u00ab': '"', '\u00bb': '"', '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-',
  '\u2014': '-', '\u2026': '...', '\u00a0': ' ', '\u2116': 'No',
};

/**
 * Plain printable ASCII for old players and file systems: Cyrillic transliterated, accents
 * dropped, typographic punctuation simplified, and any other run of non-ASCII characters (CJK,
 * emoji) replaced by one "_".
 */
export function toAscii(text: string): string {
  const spelled = [...toLatin(text)].map((ch) => LATIN_EXTRA[ch] ?? PUNCTUATION[ch] ?? ch).join('');
  return spelled
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]+/g, '_');
}
