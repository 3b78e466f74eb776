// The search keys the library filters on: one text per album and per track, see profile migration 5.
import { querySpellings, searchKey } from '../../../api/text/search-fold.ts';

/** Track artists are stored as a JSON array; a bad value is searched as it is. */
function artistNames(json: string): string {
  try {
    const list = JSON.parse(json) as unknown;
    return Array.isArray(list) ? list.filter((a) => typeof a === 'string').join(', ') : json;
  } catch {
    return json;
  }
}

export function albumSearchKey(title: string, albumArtist: string): string {
  return [title, albumArtist].map(searchKey).join('\n');
}

/** artistsJson: the track's artists as stored in library_tracks.artists (a JSON array). */
export function trackSearchKey(title: string, artistsJson: string): string {
  return [title, artistNames(artistsJson)].map(searchKey).join('\n');
}

/**
 * The folded spellings of a library filter, each to be found as a substring of a search key; a
 * query never spans two lines of a key. Empty when there is nothing to filter on.
 */
export function filterSpellings(q: string | undefined): string[] {
  const text = q?.replace(/\s+/g, ' ').trim() ?? '';
  return text ? querySpellings(text) : [];
}
