// SQL conditions for "still on sale", for the catalog's lists and search. Takedowns are few, so
// each statement gathers the works off sale once (an uncorrelated IN list, read through the
// partial indexes of active takedowns) and every row is checked against that small list: a browse
// page still walks its sort index, and a search pays one in-memory probe per match.

const ACTIVE_ALBUMS = 'SELECT album_id FROM takedowns WHERE album_id IS NOT NULL AND lifted_at IS NULL';

/** Albums taken down, and albums whose every track is. Never NULL (NOT IN would then match nothing). */
const OFF_SALE_ALBUMS = `${ACTIVE_ALBUMS}
  UNION SELECT t.album_id FROM takedowns td JOIN tracks t ON t.id = td.track_id
  WHERE td.track_id IS NOT NULL AND td.lifted_at IS NULL
  GROUP BY t.album_id HAVING COUNT(DISTINCT t.id) = (SELECT COUNT(*) FROM tracks c WHERE c.album_id = t.album_id)`;

/** Tracks taken down, and the tracks of albums taken down. */
const OFF_SALE_TRACKS = `SELECT track_id FROM takedowns WHERE track_id IS NOT NULL AND lifted_at IS NULL
  UNION SELECT t.id FROM tracks t WHERE t.album_id IN (${ACTIVE_ALBUMS})`;

/** The album (an id expression) is not taken down, and not every one of its tracks is. */
export function albumOnSale(albumId: string): string {
  return `${albumId} NOT IN (${OFF_SALE_ALBUMS})`;
}

/** The track (an id expression) is not taken down, nor is its album. */
export function trackOnSale(trackId: string): string {
  return `${trackId} NOT IN (${OFF_SALE_TRACKS})`;
}
