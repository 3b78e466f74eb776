// Turns one page of a search's ids (best first) into the API's hits, whichever engine matched them:
// each engine reads the rows its own way (SQLite: statements prepared once on the search
// connection; PostgreSQL: the storage port), and the hits are built from them here, once.
import type { ArtistRef, SearchResult } from '../../api/schemas/catalog.ts';
import { encodeCursor } from '../http/cursor.ts';
import { type AlbumRow, type CatalogQueries, type TrackRow, toAlbumSummary } from './catalog-queries.ts';
import type { SearchKind } from './search.ts';

/** How an engine reads the rows of a page of ids (in any order). */
export interface HitRows {
  artists(ids: number[]): ArtistRef[] | Promise<ArtistRef[]>;
  albums(ids: number[]): AlbumRow[] | Promise<AlbumRow[]>;
  tracks(
    ids: number[],
  ): (TrackRow & { album_title: string })[] | Promise<(TrackRow & { album_title: string })[]>;
}

/** The rows in the order of ids (a search's rank order), leaving out ids with no row. */
export function byIds<T extends { id: number }>(ids: number[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
}

/** Puts one kind's page into result: its hits in rank order, and the cursor to the next page. */
export async function addHits(
  result: SearchResult,
  kind: SearchKind,
  page: { ids: number[]; next: string | null },
  rows: HitRows,
  catalog: CatalogQueries,
): Promise<void> {
  const { ids, next } = page;
  if (ids.length === 0) return;
  if (kind === 'artist') {
    result.artists = { items: byIds(ids, await rows.artists(ids)), nextCursor: next };
  } else if (kind === 'album') {
    result.albums = { items: byIds(ids, await rows.albums(ids)).map(toAlbumSummary), nextCursor: next };
  } else {
    const ordered = byIds(ids, await rows.tracks(ids));
    const tracks = await catalog.toTracks(ordered);
    result.tracks = {
      items: tracks.map((t, i) => ({ ...t, album: { id: t.albumId, title: ordered[i]!.album_title } })),
      nextCursor: next,
    };
  }
}

/** A match with its rank: below zero when ranked (lower is better), 0 for the unranked tail. */
export interface Scored {
  id: number;
  score: number;
}

/** Where a page starts in the ranked candidates: after the cursor's [score, id], or at the top. */
export function pageStart(ranked: Scored[], after?: [number, number]): number {
  if (!after) return 0;
  const [score, id] = after;
  const start = ranked.findIndex((r) => r.score > score || (r.score === score && r.id > id));
  return start < 0 ? ranked.length : start;
}

/** The page's ids from `limit + 1` rows, and the cursor (the last row's [score, id]) when more follow. */
export function pageOf(rows: Scored[], limit: number): { ids: number[]; next: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    ids: page.map((r) => r.id),
    next: rows.length > limit && last ? encodeCursor([last.score, last.id]) : null,
  };
}
