// `IN (?, ?, …)` for a list of values bound as parameters: the one way to match a list that both
// engines share (SQLite's json_each and PostgreSQL's ANY(array) differ). Callers keep lists short
// (an album's tracks, a page of results) and never pass an empty one.
export function inList(values: readonly unknown[]): string {
  if (values.length === 0) throw new Error('an IN list needs at least one value');
  return `(${values.map(() => '?').join(', ')})`;
}
