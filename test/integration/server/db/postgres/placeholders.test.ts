// `?` to $n for PostgreSQL: only placeholders are numbered, never text that merely contains a `?`.
import { describe, expect, it } from 'vitest';
import { numberPlaceholders } from '../../../../../server/db/postgres/placeholders.ts';

describe('numberPlaceholders', () => {
  it.each([
    ['SELECT * FROM t WHERE a = ? AND b IN (?, ?)', 'SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)', 3],
    ["SELECT '?' AS q, 'it''s ?' FROM t WHERE a = ?", "SELECT '?' AS q, 'it''s ?' FROM t WHERE a = $1", 1],
    ['SELECT "odd?name" FROM t WHERE a = ?', 'SELECT "odd?name" FROM t WHERE a = $1', 1],
    ["SELECT E'\\'?' , ?", "SELECT E'\\'?' , $1", 1],
    ['SELECT ? -- why?\n, ? /* ? */', 'SELECT $1 -- why?\n, $2 /* ? */', 2],
    ['SELECT $tag$ ? $tag$, $$?$$, ?', 'SELECT $tag$ ? $tag$, $$?$$, $1', 1],
    ['SELECT 1', 'SELECT 1', 0],
  ])('%s', (sql, text, count) => {
    expect(numberPlaceholders(sql)).toEqual({ text, count });
  });
});
