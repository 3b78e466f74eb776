// Other romanizations of Russian, respelled into the one search indexes (simplified BGN/PCGN, see
// transliterate.ts), so "tsoi", "jolka" and "Schedrin" find «Цой», «Ёлка» and «Щедрин».

/*
 * The index holds one Latin spelling per Cyrillic word, so the other spellings people type are
 * mapped onto it on the query side; stored keys stay as they are. Each rule below is a spelling some
 * well-known romanization (ICAO passports, German and Polish style, scholarly, plain English habit)
 * or everyday use gives a Russian letter where the index has another:
 *
 *   ё  yo, jo          → e      (Fyodor, Pjotr, Yolka → Fedor, Petr, Elka)
 *      o after zh, ch, sh, shch → e   (Gorbachov, Zholtye → Gorbachev, Zheltye)
 *   е  ye, je          → e      (Yeltsin, Fadeyev → Eltsin, Fadeev) at the start or after a vowel;
 *                                after a consonant "ye" is the index's own spelling of ые (Zheltye)
 *   й  i after a vowel → y      (Tsoi, Nikolai, Dmitrii → Tsoy, Nikolay, Dmitriy); j → y (Tsoj)
 *   ий y at the end after a consonant → iy   (Yevgeny, Dostoevsky → Evgeniy, Dostoevskiy)
 *   ю  iu, ju          → yu     (Iurii, Jurij → Yuriy)
 *   я  ia, ja          → ya, ia → iya too (Iaroslav, Jana, Maria → Yaroslav, Yana, Mariya)
 *   х  h               → kh     (Harms, Mihail → Kharms, Mikhail); sh, ch, zh, kh stay as they are
 *   щ  sch             → shch   (Schedrin → Shchedrin)
 *   ч  tch             → ch     (Tchaikovsky → Chaykovskiy)
 *   кс x               → ks     (Alexander → Aleksander)
 *
 * Left out on purpose: "c" for ц and "w" for в (they would respell most English words), and the
 * apostrophe some write for ь. Every spelling is tried beside the query as typed, never instead of it,
 * so a respelling can only add matches; short words (under 3 letters) are not respelled at all.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const isVowel = (ch: string | undefined) => ch !== undefined && VOWELS.has(ch);
const isConsonant = (ch: string | undefined) => ch !== undefined && /[a-z]/.test(ch) && !VOWELS.has(ch);

/** Letter groups that are one Russian letter in the index's own spelling, kept whole. */
const KEPT = ['shch', 'kh', 'zh', 'sh', 'ch'];
/** After these, ё is often written "o". */
const HUSHING = new Set(['zh', 'ch', 'sh', 'shch']);
/** Letter groups with the index spellings they may stand for, longest first. */
// biome-ignore format: a table reads better in rows
const GROUPS: readonly (readonly [string, readonly string[]])[] = [
  ['sch', ['shch']], ['tch', ['ch']],
  ['yo', ['e']], ['jo', ['yo', 'e']], ['ye', ['e']], ['je', ['ye', 'e']],
  ['iu', ['yu']], ['ju', ['yu']], ['ia', ['ya', 'iya']], ['ja', ['ya']],
  ['h', ['kh']], ['x', ['ks']], ['j', ['y']],
];

/** The shortest word that is respelled: shorter ones would respell into too many other words. */
export const MIN_RESPELL_LETTERS = 3;

interface Segment {
  text: string;
  /** Spellings of this segment in the index's romanization; empty when it has no other. */
  alternatives: readonly string[];
}

/** What one letter may stand for, given its neighbours (and the letter group before it). */
function letterAlternatives(
  ch: string,
  prev: string | undefined,
  next: string | undefined,
  prevGroup: string | undefined,
): string[] {
  // ё written "o" after a hushing consonant.
  if (ch === 'o' && prevGroup !== undefined && HUSHING.has(prevGroup)) return ['e'];
  // й after a vowel, written i: before a consonant or at the end (before a vowel it starts a syllable).
  if (ch === 'i' && isVowel(prev) && !isVowel(next)) return ['y'];
  // The ending -ий written -y. (Written -i it is still a prefix of -iy; and a final i after a
  // consonant is more often и, as in plurals.)
  if (ch === 'y' && next === undefined && isConsonant(prev)) return ['iy'];
  return [];
}

/** Splits a lower-case Latin word into letter groups, each with what it may stand for. */
function segments(word: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < word.length) {
    const kept = KEPT.find((k) => word.startsWith(k, i));
    if (kept) {
      out.push({ text: kept, alternatives: [] });
      i += kept.length;
      continue;
    }
    const group = GROUPS.find(([g]) => word.startsWith(g, i));
    if (group) {
      const [text, all] = group;
      // е written ye or je where it starts a syllable: at the start of the word or after a vowel.
      const alternatives =
        text.endsWith('e') && isConsonant(word[i - 1]) ? all.filter((a) => a !== 'e') : all;
      out.push({ text, alternatives });
      i += text.length;
      continue;
    }
    const ch = word[i]!;
    const alternatives = letterAlternatives(ch, word[i - 1], word[i + 1], out.at(-1)?.text);
    out.push({ text: ch, alternatives });
    i += 1;
  }
  return out;
}

interface Spelling {
  text: string;
  /** How many letter groups differ from what was typed. */
  changes: number;
}

/**
 * Every way to pick one option per part, concatenated, most changes first, at most `limit`. Keeping
 * the top `limit` after each part keeps the top overall, since changes add up. Most changes first,
 * because when a word is a Russian name in another romanization, every respellable group in it
 * usually is one: "tchaikovsky" is "chaykovskiy", with all three groups respelled.
 */
function combine(parts: readonly (readonly Spelling[])[], limit: number): Spelling[] {
  let spelled: Spelling[] = [{ text: '', changes: 0 }];
  for (const options of parts) {
    spelled = spelled
      .flatMap((s) => options.map((o) => ({ text: s.text + o.text, changes: s.changes + o.changes })))
      .sort((a, b) => b.changes - a.changes)
      .slice(0, limit);
  }
  return spelled;
}

function wordRespellings(word: string, limit: number): Spelling[] {
  if (word.length < MIN_RESPELL_LETTERS || !/^[a-z]+$/.test(word)) return [];
  const parts = segments(word).map((s) => [
    { text: s.text, changes: 0 },
    ...s.alternatives.map((text) => ({ text, changes: 1 })),
  ]);
  // One more than asked for: the word as typed may be among them, and is dropped.
  return combine(parts, limit + 1)
    .filter((s) => s.changes > 0)
    .slice(0, limit);
}

/**
 * The index spellings a folded Latin word may stand for, most changes first, at most `limit`, the
 * word itself not included. Empty for words that are not plain a-z or are shorter than 3 letters.
 */
export function respellings(word: string, limit = 8): string[] {
  return wordRespellings(word, limit).map((s) => s.text);
}

/**
 * Folded text with its Latin words respelled (each as respellings() would), most changes first, at
 * most `limit`; the text as typed is not among them.
 */
export function respellText(text: string, limit = 8): string[] {
  // Odd parts are words, even parts what lies between them.
  const parts = text
    .split(/([\p{L}\p{N}]+)/u)
    .map((part, i) => [{ text: part, changes: 0 }, ...(i % 2 === 1 ? wordRespellings(part, limit) : [])]);
  return combine(parts, limit + 1)
    .filter((s) => s.changes > 0)
    .slice(0, limit)
    .map((s) => s.text);
}
