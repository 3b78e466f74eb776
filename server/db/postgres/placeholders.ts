// Rewrites `?` placeholders to PostgreSQL's $1, $2, ... A `?` inside a string literal, a quoted
// identifier, a dollar-quoted body or a comment is text, not a placeholder, and stays as it is.
// (So the jsonb operators ?, ?| and ?& cannot be written: use jsonb_exists() and friends.)

/** The SQL with numbered placeholders, and how many it has. */
export function numberPlaceholders(sql: string): { text: string; count: number } {
  let text = '';
  let count = 0;
  let i = 0;
  while (i < sql.length) {
    const end = skipQuoted(sql, i);
    if (end > i) {
      text += sql.slice(i, end);
      i = end;
    } else if (sql[i] === '?') {
      count++;
      text += `$${count}`;
      i++;
    } else {
      text += sql[i];
      i++;
    }
  }
  return { text, count };
}

/** Where the quoted text or comment starting at i ends; i itself when none starts there. */
function skipQuoted(sql: string, i: number): number {
  const c = sql[i];
  const next = sql[i + 1];
  if (c === "'") {
    // E'...' strings take backslash escapes; standard strings only double the quote.
    const escapes = i > 0 && /[eE]/.test(sql[i - 1]!) && !/[\w$]/.test(sql[i - 2] ?? '');
    return closeQuote(sql, i + 1, "'", escapes);
  }
  if (c === '"') return closeQuote(sql, i + 1, '"', false);
  if (c === '-' && next === '-') {
    const nl = sql.indexOf('\n', i);
    return nl === -1 ? sql.length : nl + 1;
  }
  if (c === '/' && next === '*') {
    const close = sql.indexOf('*/', i + 2);
    return close === -1 ? sql.length : close + 2;
  }
  if (c === '$') {
    const tag = /^\$(?:[A-Za-z_][A-Za-z_0-9]*)?\$/.exec(sql.slice(i));
    // `$1` is not a tag; a tag right after an identifier character is part of that identifier.
    if (tag && !/[\w$]/.test(sql[i - 1] ?? '')) {
      const close = sql.indexOf(tag[0], i + tag[0].length);
      return close === -1 ? sql.length : close + tag[0].length;
    }
  }
  return i;
}

function closeQuote(sql: string, from: number, quote: string, backslashEscapes: boolean): number {
  let j = from;
  while (j < sql.length) {
    const c = sql[j];
    if (backslashEscapes && c === '\\') j += 2;
    else if (c === quote && sql[j + 1] === quote) j += 2;
    else if (c === quote) return j + 1;
    else j++;
  }
  return sql.length;
}
