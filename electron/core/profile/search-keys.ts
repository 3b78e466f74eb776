// The search keys stored with the library's albums and tracks: one text each, in folded spellings.
// They live with the profile because its migration 5 fills them in (as SQL functions) for rows
// written before they existed; the library index writes them for every new row.
import { searchKey } from '../../../api/text/search-fold.ts';

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
