// The library's text filter: a query in the folded spellings of the search keys it is matched
// against (profile/search-keys.ts), in memory or as SQL LIKE patterns.
import { queryRespellings, querySpellings } from '../../../api/text/search-fold.ts';

/** Respellings tried per filter: each costs a LIKE per key and row of the track list. */
const MAX_RESPELLINGS = 3;
/** A respelling shorter than this ("yol" as "el") would be found inside too many words. */
const SHORT_RESPELLING = 3;

/**
 * A library filter in folded spellings, each to be found as a substring of a search key; a query
 * never spans two lines of a key.
 */
export interface LibraryFilter {
  /** Found anywhere: the query, its Latin spelling, and respellings in other romanizations ("tsoi" as
   * "tsoy", see queryRespellings). */
  anywhere: string[];
  /** Short respellings, found only at the start of a key, a line or a word (after a space). */
  wordStart: string[];
}

/** Null when there is nothing to filter on. */
export function libraryFilter(q: string | undefined): LibraryFilter | null {
  const text = q?.replace(/\s+/g, ' ').trim() ?? '';
  if (!text) return null;
  const respelled = queryRespellings(text, MAX_RESPELLINGS);
  const short = (s: string) => [...s.trim()].length < SHORT_RESPELLING;
  return {
    anywhere: [...querySpellings(text), ...respelled.filter((s) => !short(s))],
    wordStart: respelled.filter(short),
  };
}

/** The filter on one search key, as filterLikePatterns does it in SQL. */
export function matchesFilter(key: string, filter: LibraryFilter): boolean {
  return (
    filter.anywhere.some((s) => key.includes(s)) ||
    filter.wordStart.some((s) => key.startsWith(s) || key.includes(` ${s}`) || key.includes(`\n${s}`))
  );
}

/** LIKE patterns (escape character \) of which a matching key matches at least one. */
export function filterLikePatterns(filter: LibraryFilter): string[] {
  const escaped = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  return [
    ...filter.anywhere.map((s) => `%${escaped(s)}%`),
    ...filter.wordStart.flatMap((s) => [`${escaped(s)}%`, `% ${escaped(s)}%`, `%\n${escaped(s)}%`]),
  ];
}
