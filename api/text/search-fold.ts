// Search folding shared by the store's full-text index and the client's library filter.
import { respellings, respellText } from './respell.ts';
import { toLatin } from './transliterate.ts';

/** и or у followed by a breve: the letters й and ў, which folding must not turn into и and у. */
const KEPT_BREVE = /([иИуУ])\u0306/g;

/**
 * The form both sides of a search are compared in: compatibility forms unified (ﬁ, full-width
 * letters), lower case, and accents and other combining marks dropped, which also folds ё to е
 * (Ё to е). й and ў are letters of their own, not marked ones, and stay.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(KEPT_BREVE, '$1\uFFFF')
    .replace(/\p{M}/gu, '')
    .replace(/\uFFFF/g, '\u0306')
    .normalize('NFC')
    .toLowerCase();
}

/**
 * What to index for one field so that a search in either script finds it: the folded text, then,
 * when it has Cyrillic, its Latin spelling on a second line. A query is folded and, when it has
 * Cyrillic, tried in its Latin spelling too; so "kino" finds «Кино», and «кино» finds "Kino".
 */
export function searchKey(text: string): string {
  const folded = foldForSearch(text);
  const latin = toLatin(folded);
  return latin === folded ? folded : `${folded}\n${latin}`;
}

/** The spellings a folded query is tried in: itself, and its Latin spelling when different. */
export function querySpellings(text: string): string[] {
  const folded = foldForSearch(text);
  const latin = toLatin(folded);
  return latin === folded ? [folded] : [folded, latin];
}

/**
 * The spellings one folded query word is tried in: itself; its Latin spelling when it has Cyrillic;
 * and when it is Latin, the index spellings of other romanizations it may be ("tsoi" is also tried as
 * "tsoy", "yolka" as "elka"; see respell.ts).
 */
export function wordSpellings(word: string): string[] {
  const latin = toLatin(word);
  // A sign alone (ъ, ь) has no Latin spelling, and an empty phrase would be an FTS syntax error.
  if (latin !== word) return latin === '' ? [word] : [word, latin];
  return [word, ...respellings(word)];
}

/**
 * The whole folded query with its Latin words respelled as wordSpellings does, at most `limit`; the
 * query as typed is not among them.
 */
export function queryRespellings(text: string, limit = 8): string[] {
  return respellText(foldForSearch(text), limit);
}
