// PostgreSQL schema 6: the search index, the one place the two engines differ. SQLite has FTS5
// virtual tables; here the same tables (same names, a rowid column, the same indexed columns) are
// plain tables with a tsvector over those columns and a GIN index, so the code that writes the
// index (INSERT INTO artists_fts (rowid, name) ...) is shared and only the MATCH queries differ.
//
// The columns hold search keys (server/catalog: folded case and ё/е, Latin spellings of Cyrillic),
// computed by the store in JS, so the 'simple' configuration (lower-casing, no stemming, no stop
// words) is all the engine has to do; FTS5's token and prefix matches become tsquery terms and
// `term:*` prefixes. Weights A/B/C follow the column order, as bm25() weights the FTS5 columns.

export const searchSchema = `
CREATE TABLE artists_fts (
  rowid BIGINT PRIMARY KEY,
  name TEXT NOT NULL,
  document tsvector GENERATED ALWAYS AS (to_tsvector('simple', name)) STORED
);
CREATE INDEX artists_fts_document ON artists_fts USING gin (document);

CREATE TABLE albums_fts (
  rowid BIGINT PRIMARY KEY,
  title TEXT NOT NULL,
  artist TEXT NOT NULL,
  label TEXT NOT NULL,
  document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', title), 'A') ||
    setweight(to_tsvector('simple', artist), 'B') ||
    setweight(to_tsvector('simple', label), 'C')
  ) STORED
);
CREATE INDEX albums_fts_document ON albums_fts USING gin (document);

CREATE TABLE tracks_fts (
  rowid BIGINT PRIMARY KEY,
  title TEXT NOT NULL,
  artists TEXT NOT NULL,
  album TEXT NOT NULL,
  document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', title), 'A') ||
    setweight(to_tsvector('simple', artists), 'B') ||
    setweight(to_tsvector('simple', album), 'C')
  ) STORED
);
CREATE INDEX tracks_fts_document ON tracks_fts USING gin (document);
`;
