// Full-text search over artists, albums and tracks (FTS5, bm25), keyset-paged per kind. Albums and
// tracks off sale (taken down) are not found.
import type { AlbumSummary, ArtistRef, SearchResult } from '../../api/schemas/catalog.ts';
import { foldForSearch, wordSpellings } from '../../api/text/search-fold.ts';
import type { Db } from '../db/open-database.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { albumOnSale, trackOnSale } from '../takedowns/on-sale-sql.ts';
import {
  ALBUM_SELECT,
  type AlbumRow,
  type CatalogQueries,
  type TrackRow,
  toAlbumSummary,
} from './catalog-queries.ts';

type Kind = 'artist' | 'album' | 'track';

const TABLES: Record<Kind, { table: string; weights: string; onSale: string }> = {
  artist: { table: 'artists_fts', weights: '1.0', onSale: '1' },
  album: { table: 'albums_fts', weights: '10.0, 4.0, 1.0', onSale: albumOnSale('albums_fts.rowid') },
  track: { table: 'tracks_fts', weights: '10.0, 4.0, 2.0', onSale: trackOnSale('tracks_fts.rowid') },
};

/** The searchable words of user text, folded as the index is (see searchKey): at most 8. */
function words(text: string): string[] {
  return (
    foldForSearch(text)
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 8) ?? []
  );
}

/**
 * Turns user text into a safe FTS5 expression: each word is quoted (so operators, quotes and column
 * filters in the input are inert), and the last word is a prefix match so that search works as you
 * type. A one-letter word is matched whole: as a prefix it would match most of the catalog. A word
 * with Cyrillic letters is also tried in its Latin spelling, which finds Latin names ("кино" finds
 * "Kino"); the other way needs nothing more, as the index holds the Latin spelling of Cyrillic
 * names, except that a Latin word is also tried in the index's spelling of other romanizations
 * ("tsoi" as "tsoy", "yolka" as "elka": wordSpellings). Returns null when nothing searchable is left.
 */
export function toMatchExpression(text: string): string | null {
  const list = words(text);
  if (list.length === 0) return null;
  const terms = list.map((w, i) => {
    // A one-letter word stays whole in every spelling ("щ" is not the prefix "shch").
    const prefix = i === list.length - 1 && [...w].length > 1;
    const phrases = wordSpellings(w).map((s) => `"${s}"${prefix && [...s].length > 1 ? '*' : ''}`);
    return phrases.length === 1 ? phrases[0]! : `(${phrases.join(' OR ')})`;
  });
  // FTS5 takes implicit AND between phrases only, not next to a parenthesized OR.
  return terms.join(terms.some((t) => t.startsWith('(')) ? ' AND ' : ' ');
}

/**
 * Ranking by bm25 scores every match before the LIMIT applies, and a short single word matches a
 * large share of a big catalog; such queries come back in catalog order instead, which SQLite can
 * stop early. Longer queries match few rows and are ranked.
 */
export function isRanked(text: string): boolean {
  const list = words(text);
  return list.length > 1 || [...(list[0] ?? '')].length >= 3;
}

export class CatalogSearch {
  readonly #db: Db;
  readonly #catalog: CatalogQueries;

  constructor(db: Db, catalog: CatalogQueries) {
    this.#db = db;
    this.#catalog = catalog;
  }

  #ids(kind: Kind, match: string, ranked: boolean, limit: number, cursor?: string) {
    const { table, weights, onSale } = TABLES[kind];
    const score = ranked ? `bm25(${table}, ${weights})` : '0';
    const args: (string | number)[] = [match];
    let after = '';
    if (cursor) {
      const [score, rowid] = decodeCursor(cursor, ['number', 'number']) as [number, number];
      after = `AND (score > ? OR (score = ? AND rowid > ?))`;
      args.push(score, score, rowid);
    }
    const rows = this.#db
      .prepare(
        `SELECT rowid AS id, score FROM (
           SELECT rowid, ${score} AS score FROM ${table} WHERE ${table} MATCH ? AND ${onSale}
         ) WHERE 1 ${after} ORDER BY score, rowid LIMIT ?`,
      )
      .all(...args, limit + 1) as { id: number; score: number }[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      ids: page.map((r) => r.id),
      next: rows.length > limit && last ? encodeCursor([last.score, last.id]) : null,
    };
  }

  #byIds<T extends { id: number }>(ids: number[], rows: T[]): T[] {
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
  }

  search(q: { q: string; type?: Kind; limit: number; cursor?: string }): SearchResult {
    const empty = { items: [], nextCursor: null };
    const result: SearchResult = { query: q.q, artists: empty, albums: empty, tracks: empty };
    const match = toMatchExpression(q.q);
    if (!match) return result;
    const ranked = isRanked(q.q);
    const kinds: Kind[] = q.type ? [q.type] : ['artist', 'album', 'track'];
    for (const kind of kinds) {
      const { ids, next } = this.#ids(kind, match, ranked, q.limit, q.type ? q.cursor : undefined);
      const json = JSON.stringify(ids);
      if (kind === 'artist') {
        const rows = this.#db
          .prepare('SELECT id, name FROM artists WHERE id IN (SELECT value FROM json_each(?))')
          .all(json) as unknown as ArtistRef[];
        result.artists = { items: this.#byIds(ids, rows), nextCursor: next };
      } else if (kind === 'album') {
        const rows = this.#db
          .prepare(`${ALBUM_SELECT} WHERE a.id IN (SELECT value FROM json_each(?))`)
          .all(json) as unknown as AlbumRow[];
        const items: AlbumSummary[] = this.#byIds(ids, rows).map(toAlbumSummary);
        result.albums = { items, nextCursor: next };
      } else {
        const rows = this.#db
          .prepare(
            `SELECT t.*, a.title AS album_title FROM tracks t JOIN albums a ON a.id = t.album_id
             WHERE t.id IN (SELECT value FROM json_each(?))`,
          )
          .all(json) as unknown as (TrackRow & { album_title: string })[];
        const ordered = this.#byIds(ids, rows);
        const tracks = this.#catalog.toTracks(ordered);
        result.tracks = {
          items: tracks.map((t, i) => ({ ...t, album: { id: t.albumId, title: ordered[i]!.album_title } })),
          nextCursor: next,
        };
      }
    }
    return result;
  }
}
