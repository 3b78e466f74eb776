// Search on PostgreSQL: the same index tables as FTS5's (06-search.ts), matched through their
// tsvector and GIN index. The same words match as on SQLite (parseTerms: folded keys, Latin
// spellings, the last word a prefix); the ranking is PostgreSQL's ts_rank over the weighted columns,
// bounded as on SQLite: the first DEFAULT_CANDIDATES matches on sale (in id order) are ranked, any
// further ones follow unranked in id order. The cursor is the last row's [score, id], as there.
import type { ArtistRef, SearchResult } from '../../api/schemas/catalog.ts';
import { inList } from '../db/sql/in-list.ts';
import type { Database } from '../db/sql/port.ts';
import { decodeCursor } from '../http/cursor.ts';
import { ALBUM_SELECT, type AlbumRow, type CatalogQueries, type TrackRow } from './catalog-queries.ts';
import {
  DEFAULT_CANDIDATES,
  KINDS,
  parseTerms,
  type SearchKind,
  type StoreSearch,
  type Term,
} from './search.ts';
import { addHits, type HitRows, pageOf, pageStart, type Scored } from './search-hits.ts';
import type { SearchQuery } from './search-pool.ts';

/** A tsquery: each word in any of its spellings (quoted lexemes, `:*` for a prefix), all words. */
export function toTsQuery(terms: Term[]): string {
  return terms
    .map(
      (term) => `(${term.map((s) => `'${s.text.replace(/'/g, "''")}'${s.prefix ? ':*' : ''}`).join(' | ')})`,
    )
    .join(' & ');
}

export class PostgresSearch implements StoreSearch {
  readonly #db: Database;
  readonly #catalog: CatalogQueries;
  readonly #candidates: number;

  constructor(db: Database, catalog: CatalogQueries, opts: { candidates?: number } = {}) {
    this.#db = db;
    this.#catalog = catalog;
    this.#candidates = Math.max(1, opts.candidates ?? DEFAULT_CANDIDATES);
  }

  /** The rows of a page of hits, through the storage port. */
  readonly #rows: HitRows = {
    artists: (ids) =>
      this.#db.all<ArtistRef>(`SELECT id, name FROM artists WHERE id IN ${inList(ids)}`, ...ids),
    albums: (ids) => this.#db.all<AlbumRow>(`${ALBUM_SELECT} WHERE a.id IN ${inList(ids)}`, ...ids),
    tracks: (ids) =>
      this.#db.all<TrackRow & { album_title: string }>(
        `SELECT t.*, a.title AS album_title FROM tracks t JOIN albums a ON a.id = t.album_id
         WHERE t.id IN ${inList(ids)}`,
        ...ids,
      ),
  };

  async search(q: SearchQuery): Promise<SearchResult> {
    if (q.cursor) decodeCursor(q.cursor, ['number', 'number']);
    const empty = { items: [], nextCursor: null };
    const result: SearchResult = { query: q.q, artists: empty, albums: empty, tracks: empty };
    const terms = parseTerms(q.q);
    if (terms.length === 0) return result;
    const query = toTsQuery(terms);
    const kinds: SearchKind[] = q.type ? [q.type] : ['artist', 'album', 'track'];
    for (const kind of kinds)
      await addHits(
        result,
        kind,
        await this.#ids(kind, query, q.limit, q.type ? q.cursor : undefined),
        this.#rows,
        this.#catalog,
      );
    return result;
  }

  workersReady(): Promise<number> {
    return Promise.resolve(0);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  /** One page of a kind's matches: ranked candidates (score < 0) first, then the rest by id (score 0). */
  async #ids(kind: SearchKind, query: string, limit: number, cursor?: string) {
    const spec = KINDS[kind];
    const after = cursor ? (decodeCursor(cursor, ['number', 'number']) as [number, number]) : undefined;
    const want = limit + 1;
    const rows: Scored[] = [];
    let tailAfter: number | undefined;
    if (after && after[0] >= 0) {
      tailAfter = after[1];
    } else {
      const candidates = await this.#db.all<{ id: number; rank: number }>(
        `SELECT c.id, ts_rank(c.document, to_tsquery('simple', ?)) AS rank FROM (
           SELECT rowid AS id, document FROM ${spec.table}
           WHERE document @@ to_tsquery('simple', ?) AND ${spec.onSale.replaceAll(`${spec.table}.rowid`, 'rowid')}
           ORDER BY rowid LIMIT ?
         ) AS c`,
        query,
        query,
        this.#candidates,
      );
      // Scores below zero, best (most negative) first, so the unranked tail (0) sorts after them.
      const ranked = candidates
        .map((c) => ({ id: c.id, score: -(c.rank + 1e-9) }))
        .sort((a, b) => a.score - b.score || a.id - b.id);
      const start = pageStart(ranked, after);
      rows.push(...ranked.slice(start, start + want));
      if (candidates.length === this.#candidates) tailAfter = Math.max(...candidates.map((c) => c.id));
    }
    if (tailAfter !== undefined && rows.length < want) {
      const tail = await this.#db.all<{ id: number }>(
        `SELECT rowid AS id FROM ${spec.table}
         WHERE document @@ to_tsquery('simple', ?) AND ${spec.onSale.replaceAll(`${spec.table}.rowid`, 'rowid')}
           AND rowid > ? ORDER BY rowid LIMIT ?`,
        query,
        tailAfter,
        want - rows.length,
      );
      for (const r of tail) rows.push({ id: r.id, score: 0 });
    }
    return pageOf(rows, limit);
  }
}
