// Full-text search over artists, albums and tracks (FTS5), keyset-paged per kind. Albums and tracks
// off sale (taken down) are not found.
//
// The work of one search is bounded, however common its words: each kind reads at most `candidates`
// matches (the first ones in rowid order, which FTS5 yields lazily and stops early on; a word being
// typed too, through the prefix indexes of migration 5), ranks those in JS by the same BM25 as FTS5's
// bm25() with the same column weights, and pages through them; any further matches follow, unranked,
// in rowid order. bm25() itself is not used: before it scores a row it counts the rows that hold each
// phrase (its IDF) by reading every posting of the phrase, and it then scores every match before the
// LIMIT applies, so a common word cost about 1 µs per match (70 ms for "love" on 1M tracks).
// search() runs in a worker thread (search-pool.ts), so a search never holds the server's event loop.
import type { ArtistRef, SearchResult } from '../../api/schemas/catalog.ts';
import { foldForSearch, wordSpellings } from '../../api/text/search-fold.ts';
import type { Db } from '../db/sqlite/open-database.ts';
import { decodeCursor } from '../http/cursor.ts';
import { albumOnSale, trackOnSale } from '../takedowns/on-sale-sql.ts';
import { ALBUM_SELECT, type AlbumRow, type CatalogQueries, type TrackRow } from './catalog-queries.ts';
import { addHits, type HitRows, pageOf, pageStart, type Scored } from './search-hits.ts';
import { defaultSearchWorkers, SearchPool, type SearchQuery } from './search-pool.ts';

export type SearchKind = 'artist' | 'album' | 'track';

interface KindSpec {
  table: string;
  /** The indexed columns, in order, with their weights (as bm25() was given them). */
  columns: readonly string[];
  weights: readonly number[];
  onSale: string;
}

export const KINDS: Record<SearchKind, KindSpec> = {
  artist: { table: 'artists_fts', columns: ['name'], weights: [1], onSale: '1 = 1' },
  album: {
    table: 'albums_fts',
    columns: ['title', 'artist', 'label'],
    weights: [10, 4, 1],
    onSale: albumOnSale('albums_fts.rowid'),
  },
  track: {
    table: 'tracks_fts',
    columns: ['title', 'artists', 'album'],
    weights: [10, 4, 2],
    onSale: trackOnSale('tracks_fts.rowid'),
  },
};

/** Matches ranked per kind and search: enough that the best of a common word are among them. */
export const DEFAULT_CANDIDATES = 500;
/** Matches read per word for its IDF (see #idf). */
const DF_SAMPLE = 256;
/** BM25 parameters, as FTS5's bm25() has them. */
const K1 = 1.2;
const B = 0.75;
/** Every ranked match scores below zero, so that the unranked ones after them (score 0) sort last. */
const MIN_SCORE = 1e-9;

/** One word of a search: the spellings it is tried in (see toMatchExpression), each whole or a prefix. */
export type Term = { text: string; prefix: boolean }[];

/** The searchable words of user text, folded as the index is (see searchKey): at most 8. */
function words(text: string): string[] {
  return (
    foldForSearch(text)
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 8) ?? []
  );
}

export function parseTerms(text: string): Term[] {
  const list = words(text);
  return list.map((w, i) => {
    // A one-letter word stays whole in every spelling ("щ" is not the prefix "shch").
    const prefix = i === list.length - 1 && [...w].length > 1;
    return wordSpellings(w).map((s) => ({ text: s, prefix: prefix && [...s].length > 1 }));
  });
}

function termExpression(term: Term): string {
  const phrases = term.map((s) => `"${s.text}"${s.prefix ? '*' : ''}`);
  return phrases.length === 1 ? phrases[0]! : `(${phrases.join(' OR ')})`;
}

function matchExpression(terms: Term[]): string {
  const parts = terms.map(termExpression);
  // FTS5 takes implicit AND between phrases only, not next to a parenthesized OR.
  return parts.join(parts.some((t) => t.startsWith('(')) ? ' AND ' : ' ');
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
  const terms = parseTerms(text);
  return terms.length === 0 ? null : matchExpression(terms);
}

const TOKEN = /[\p{L}\p{N}]+/gu;
const NOT_PRINTABLE_ASCII = /[^ -~]/;

/**
 * Counts the tokens of one column as the index's tokenizer (unicode61, diacritics removed) splits
 * them, near enough to rank, and adds `weight` to freq[t] for every token that matches term t.
 * Printable ASCII (most keys: the index holds folded text) is scanned in place, without allocating.
 */
function scanColumn(text: string, terms: Term[], weight: number, freq: Float64Array): number {
  if (NOT_PRINTABLE_ASCII.test(text)) {
    const list = foldForSearch(text).match(TOKEN) ?? [];
    for (const token of list) {
      for (let t = 0; t < terms.length; t++) {
        if (terms[t]!.some((s) => token === s.text || (s.prefix && token.startsWith(s.text))))
          freq[t]! += weight;
      }
    }
    return list.length;
  }
  const lower = text.toLowerCase();
  let count = 0;
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    count += 1;
    const length = i - start;
    for (let t = 0; t < terms.length; t++) {
      for (const s of terms[t]!) {
        const fits = length === s.text.length || (s.prefix && length > s.text.length);
        if (fits && lower.startsWith(s.text, start)) {
          freq[t]! += weight;
          break;
        }
      }
    }
    start = -1;
  }
  return count;
}

/** SQLite's varint, as FTS5 writes it: big-endian, 7 bits a byte, the ninth byte whole. */
function readVarint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  for (let i = 0; i < 8; i++) {
    const byte = bytes[at + i] ?? 0;
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, at + i + 1];
  }
  return [value * 256 + (bytes[at + 8] ?? 0), at + 9];
}

interface SearchOptions {
  /** Matches ranked per kind (DEFAULT_CANDIDATES); the rest follow unranked. */
  candidates?: number;
  /**
   * Worker threads search() may use (defaultSearchWorkers(): MEGADISC_SEARCH_WORKERS, or the cores
   * but one); 0 searches in the calling thread. An in-memory database is always searched in place.
   */
  workers?: number;
  /** The workers' entry, for tests (search-worker.ts). */
  workerUrl?: URL;
}

/** What the store's routes need of a search engine: SQLite's FTS5 (here) or PostgreSQL's (postgres-search.ts). */
export interface StoreSearch {
  search(q: SearchQuery): Promise<SearchResult>;
  /** Resolves with the number of worker threads ready (0: searches run in the calling thread). */
  workersReady(): Promise<number>;
  close(): Promise<void>;
}

export class CatalogSearch implements StoreSearch {
  readonly #db: Db;
  readonly #catalog: CatalogQueries;
  readonly #candidates: number;
  readonly #statements = new Map<string, ReturnType<Db['prepare']>>();
  readonly #pool: SearchPool | undefined;

  constructor(db: Db, catalog: CatalogQueries, opts: SearchOptions = {}) {
    this.#db = db;
    this.#catalog = catalog;
    this.#candidates = Math.max(1, opts.candidates ?? DEFAULT_CANDIDATES);
    // location() came with Node 22.16; before it, searches stay in this thread.
    const path = typeof db.location === 'function' ? db.location() : null;
    const workers = opts.workers ?? defaultSearchWorkers();
    if (path && workers > 0)
      this.#pool = new SearchPool(
        { path, candidates: opts.candidates },
        { size: workers, workerUrl: opts.workerUrl },
      );
  }

  /**
   * Searches in a worker thread when the pool has one ready, else here. Cursor errors are found
   * here first, so a bad cursor never reaches a worker.
   */
  search(q: SearchQuery): Promise<SearchResult> {
    try {
      if (q.cursor) decodeCursor(q.cursor, ['number', 'number']);
      return this.#pool?.run(q) ?? this.searchNow(q);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Starts the search workers (search() starts them too, on first use) and resolves with how many
   * are ready once one is: 0 when searches run in this thread.
   */
  workersReady(): Promise<number> {
    return this.#pool?.ready() ?? Promise.resolve(0);
  }

  /** Stops the search workers, if any ran; a later search() starts them again. */
  close(): Promise<void> {
    return this.#pool?.close() ?? Promise.resolve();
  }

  /** Prepared once per connection: compiling the SQL cost more than running it for a rare word. */
  #statement(sql: string, arrays = false) {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      // Rows as arrays are cheaper to build than objects; setReturnArrays came with Node 22.16.
      if (arrays && typeof statement.setReturnArrays === 'function') statement.setReturnArrays(true);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * The row count and the average row length in tokens (all columns), from the FTS5 averages record
   * (rowid 1 of the %_data table: the row count, then the total tokens of each column, as varints):
   * what bm25() reads for its IDF and length normalization, in one row.
   */
  #totals(spec: KindSpec): { rows: number; avgTokens: number } {
    const row = this.#statement(`SELECT block FROM ${spec.table}_data WHERE id = 1`).get() as
      | { block: Uint8Array }
      | undefined;
    if (!row || row.block.length === 0) return { rows: 0, avgTokens: 1 };
    let [rows, at] = readVarint(row.block, 0);
    let total = 0;
    for (let c = 0; c < spec.columns.length && at < row.block.length; c++) {
      let size: number;
      [size, at] = readVarint(row.block, at);
      total += size;
    }
    rows = Math.max(rows, 1);
    return { rows, avgTokens: Math.max(total / rows, 1) };
  }

  /**
   * FTS5's IDF of each word, log((N - n + 0.5) / (n + 0.5)), where n is the number of rows that
   * hold it. n is counted exactly up to DF_SAMPLE; past that it is estimated from how far into the
   * table (in rowid order) the first DF_SAMPLE matches reach, so a common word costs DF_SAMPLE
   * postings, not all of them. With one word the IDF is the same for every row and does not change
   * the order, so it is not computed.
   */
  #idf(spec: KindSpec, terms: Term[], rows: number): number[] {
    if (terms.length < 2) return [1];
    const sample = this.#statement(
      `SELECT count(*) AS n, max(id) AS last FROM (
         SELECT rowid AS id FROM ${spec.table} WHERE ${spec.table} MATCH ? ORDER BY rowid LIMIT ${DF_SAMPLE}
       )`,
    );
    return terms.map((term) => {
      const { n, last } = sample.get(termExpression(term)) as { n: number; last: number | null };
      const df = n < DF_SAMPLE || !last ? n : Math.min(rows, Math.max(n, (n * rows) / last));
      const idf = Math.log((rows - df + 0.5) / (df + 0.5));
      return idf > 0 ? idf : 1e-6;
    });
  }

  /**
   * The first `candidates` matches on sale, in rowid order, as [rowid, ...columns]. The subquery
   * reads rowids only, lazily, and stops at the LIMIT; the text then comes from the FTS5 content table
   * by primary key, which costs a quarter of what selecting the columns through the FTS5 cursor does
   * (it seeks the content row with a statement of its own for every match).
   */
  #candidateRows(spec: KindSpec, match: string): unknown[][] {
    const columns = spec.columns.map((_, c) => `c.c${c}`).join(', ');
    const statement = this.#statement(
      `SELECT c.id, ${columns} FROM (
         SELECT rowid AS id FROM ${spec.table} WHERE ${spec.table} MATCH ? AND ${spec.onSale}
         ORDER BY rowid LIMIT ?
       ) AS m JOIN ${spec.table}_content AS c ON c.id = m.id`,
      true,
    );
    const rows = statement.all(match, this.#candidates) as unknown[];
    return rows.map((row) => (Array.isArray(row) ? row : Object.values(row as object)));
  }

  /**
   * bm25() as FTS5 computes it, on candidate rows: a word's frequency is the sum of the weights of
   * the columns each occurrence is in, and the length is the whole row's. Lower is better.
   */
  #rank(spec: KindSpec, terms: Term[], rows: unknown[][]): Scored[] {
    if (rows.length === 0) return [];
    const totals = this.#totals(spec);
    const idf = this.#idf(spec, terms, totals.rows);
    const freq = new Float64Array(terms.length);
    const ranked: Scored[] = new Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      freq.fill(0);
      let length = 0;
      for (let c = 0; c < spec.columns.length; c++)
        length += scanColumn(String(row[c + 1] ?? ''), terms, spec.weights[c]!, freq);
      const norm = K1 * (1 - B + (B * length) / totals.avgTokens);
      let score = MIN_SCORE;
      for (let t = 0; t < terms.length; t++) {
        const f = freq[t]!;
        if (f > 0) score += (idf[t]! * f * (K1 + 1)) / (f + norm);
      }
      ranked[r] = { id: row[0] as number, score: -score };
    }
    return ranked.sort((a, b) => a.score - b.score || a.id - b.id);
  }

  /**
   * One page of a kind's matches, best first: the ranked candidates (score < 0), then the matches
   * past them in rowid order (score 0). The cursor is the last row's [score, rowid].
   */
  #ids(kind: SearchKind, terms: Term[], limit: number, cursor?: string) {
    const spec = KINDS[kind];
    const match = matchExpression(terms);
    const after = cursor ? (decodeCursor(cursor, ['number', 'number']) as [number, number]) : undefined;
    const want = limit + 1;
    const rows: Scored[] = [];
    let tailAfter: number | undefined;
    if (after && after[0] >= 0) {
      tailAfter = after[1];
    } else {
      const candidates = this.#candidateRows(spec, match);
      const ranked = this.#rank(spec, terms, candidates);
      const start = pageStart(ranked, after);
      rows.push(...ranked.slice(start, start + want));
      if (candidates.length === this.#candidates)
        tailAfter = candidates.reduce((max, row) => Math.max(max, row[0] as number), 0);
    }
    if (tailAfter !== undefined && rows.length < want) {
      const tail = this.#statement(
        `SELECT rowid AS id FROM ${spec.table}
         WHERE ${spec.table} MATCH ? AND ${spec.onSale} AND rowid > ? ORDER BY rowid LIMIT ?`,
      ).all(match, tailAfter, want - rows.length) as { id: number }[];
      for (const r of tail) rows.push({ id: r.id, score: 0 });
    }
    return pageOf(rows, limit);
  }

  /** The ids of one page of one kind, best first (no rows loaded): what the benchmark times as "FTS". */
  matchIds(q: { q: string; type: SearchKind; limit: number; cursor?: string }): number[] {
    const terms = parseTerms(q.q);
    return terms.length === 0 ? [] : this.#ids(q.type, terms, q.limit, q.cursor).ids;
  }

  /** The rows of a page of hits, through statements prepared once on this connection. */
  readonly #rows: HitRows = {
    artists: (ids) =>
      this.#statement('SELECT id, name FROM artists WHERE id IN (SELECT value FROM json_each(?))').all(
        JSON.stringify(ids),
      ) as unknown as ArtistRef[],
    albums: (ids) =>
      this.#statement(`${ALBUM_SELECT} WHERE a.id IN (SELECT value FROM json_each(?))`).all(
        JSON.stringify(ids),
      ) as unknown as AlbumRow[],
    tracks: (ids) =>
      this.#statement(
        `SELECT t.*, a.title AS album_title FROM tracks t JOIN albums a ON a.id = t.album_id
         WHERE t.id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(ids)) as unknown as (TrackRow & { album_title: string })[],
  };

  /** Searches in this thread: the matching is synchronous, the tracks' artists and holders are read after. */
  async searchNow(q: SearchQuery): Promise<SearchResult> {
    const empty = { items: [], nextCursor: null };
    const result: SearchResult = { query: q.q, artists: empty, albums: empty, tracks: empty };
    const terms = parseTerms(q.q);
    if (terms.length === 0) return result;
    const kinds: SearchKind[] = q.type ? [q.type] : ['artist', 'album', 'track'];
    for (const kind of kinds)
      await addHits(
        result,
        kind,
        this.#ids(kind, terms, q.limit, q.type ? q.cursor : undefined),
        this.#rows,
        this.#catalog,
      );
    return result;
  }
}
