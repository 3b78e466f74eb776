// Library track rows for the fake: the filed albums' files, then any number of generated rows.
// A generated row is computed from its index when a page asks for it, so a 100k-track library
// costs nothing until it is read.
import { ENCODING_IDS } from '../../../api/schemas/encoding-catalog.ts';
import type { LibraryTrackPage, LibraryTrackRow } from '../../../electron/shared/app-api/views.ts';

const TRACKS_PER_ALBUM = 12;
const ALBUMS_PER_ARTIST = 8;
const NAMES = [
  'Amber',
  'Basalt',
  'Cinder',
  'Delta',
  'Ember',
  'Fjord',
  'Granite',
  'Harbor',
  'Indigo',
  'Juniper',
];
const WORDS = ['Lights', 'Signals', 'Echoes', 'Rooms', 'Tides', 'Lines', 'Maps', 'Fields', 'Wires', 'Glass'];
const ENCODINGS_USED = ENCODING_IDS.slice(0, 8);

/** Generated rows use ids far above the filed albums' ids. */
export const GENERATED_ID_BASE = 10_000_000;

export function generatedTrackRow(index: number): LibraryTrackRow {
  const album = Math.floor(index / TRACKS_PER_ALBUM);
  const artist = Math.floor(album / ALBUMS_PER_ARTIST);
  const track = (index % TRACKS_PER_ALBUM) + 1;
  const artistName = `${NAMES[artist % NAMES.length]} ${WORDS[Math.floor(artist / NAMES.length) % WORDS.length]} ${artist}`;
  const albumTitle = `${WORDS[album % WORDS.length]} of ${NAMES[(album * 7) % NAMES.length]} ${album}`;
  const title = `${NAMES[(index * 3) % NAMES.length]} ${WORDS[(index * 7) % WORDS.length]}`;
  const encoding = ENCODINGS_USED[album % ENCODINGS_USED.length]!;
  return {
    fileId: GENERATED_ID_BASE + index,
    albumId: GENERATED_ID_BASE + album,
    title,
    artist: artistName,
    album: albumTitle,
    discNumber: 1,
    discCount: 1,
    trackNumber: track,
    encoding,
    bytes: 3_000_000 + ((index * 7919) % 9_000_000),
    status: index % 997 === 996 ? 'missing' : 'ok',
    path: `${artistName}/${albumTitle} [${encoding}]/${String(track).padStart(2, '0')} ${title}.mp3`,
  };
}

const matches = (row: LibraryTrackRow, q: string) =>
  `${row.title} ${row.artist} ${row.album}`.toLowerCase().includes(q);

/** One page over the filed rows followed by the generated ones, filtered by q like the core does. */
export function fakeTrackPage(
  filed: LibraryTrackRow[],
  generated: number,
  query: { q?: string; offset: number; limit: number },
): LibraryTrackPage {
  const q = query.q?.trim().toLowerCase() ?? '';
  const { offset, limit } = query;
  if (!q) {
    const total = filed.length + generated;
    const rows: LibraryTrackRow[] = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) {
      rows.push(i < filed.length ? filed[i]! : generatedTrackRow(i - filed.length));
    }
    return { total, offset, rows };
  }
  const rows: LibraryTrackRow[] = [];
  let total = 0;
  const take = (row: LibraryTrackRow) => {
    if (!matches(row, q)) return;
    if (total >= offset && rows.length < limit) rows.push(row);
    total++;
  };
  for (const row of filed) take(row);
  for (let i = 0; i < generated; i++) take(generatedTrackRow(i));
  return { total, offset, rows };
}
