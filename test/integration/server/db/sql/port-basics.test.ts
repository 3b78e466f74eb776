// The storage port's statements behave alike on SQLite and PostgreSQL: the same SQL, the same rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../../server/db/sql/port.ts';
import { createAccount, DIALECTS, openTestDatabase } from '../../../../helpers/open-dialect.ts';

describe.each(DIALECTS)('storage port on %s', (dialect) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(dialect);
  });
  afterAll(() => db?.close());

  it('reads one row, all rows, and counts changes', async () => {
    await db.run('INSERT INTO genres (slug, name) VALUES (?, ?), (?, ?)', 'rock', 'Rock', 'jazz', 'Jazz');
    expect(await db.get('SELECT name FROM genres WHERE slug = ?', 'jazz')).toEqual({ name: 'Jazz' });
    expect(await db.get('SELECT name FROM genres WHERE slug = ?', 'none')).toBeUndefined();
    expect(await db.all('SELECT slug FROM genres ORDER BY slug')).toEqual([
      { slug: 'jazz' },
      { slug: 'rock' },
    ]);
    expect(
      await db.run('UPDATE genres SET name = name || ? WHERE slug IN (?, ?)', '!', 'rock', 'jazz'),
    ).toEqual({
      changes: 2,
    });
    expect(await db.run('DELETE FROM genres WHERE slug = ?', 'none')).toEqual({ changes: 0 });
  });

  it('returns new ids and rows with RETURNING', async () => {
    const first = await createAccount(db, 5);
    const second = await createAccount(db, 7);
    expect(typeof first).toBe('number');
    expect(second).toBeGreaterThan(first);
    const updated = await db.all<{ id: number; balance_bytes: number }>(
      'UPDATE accounts SET balance_bytes = balance_bytes + ? WHERE id IN (?, ?) RETURNING id, balance_bytes',
      10,
      first,
      second,
    );
    expect(updated.sort((a, b) => a.id - b.id)).toEqual([
      { id: first, balance_bytes: 15 },
      { id: second, balance_bytes: 17 },
    ]);
  });

  it('does nothing or updates on conflict', async () => {
    const put =
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value';
    await db.run(put, 'k', 'one');
    await db.run(put, 'k', 'two');
    const keep = 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING';
    expect(await db.run(keep, 'k', 'three')).toEqual({ changes: 0 });
    expect(await db.get('SELECT value FROM meta WHERE key = ?', 'k')).toEqual({ value: 'two' });
    const returned = await db.get(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING key',
      'k',
      'x',
    );
    expect(returned).toBeUndefined();
  });

  it('round-trips integer money past 2^31 and up to 2^53 - 1 as numbers', async () => {
    const account = await createAccount(db);
    const amounts = [2 ** 31 + 5, 2 ** 40 + 3, Number.MAX_SAFE_INTEGER];
    for (const micros of amounts) {
      await db.run(
        `INSERT INTO lots (account_id, source, bytes, money_micros, currency, created_at) VALUES (?, 'grant', 1, ?, 'USD', ?)`,
        account,
        micros,
        new Date().toISOString(),
      );
    }
    const rows = await db.all<{ money_micros: unknown }>(
      'SELECT money_micros FROM lots WHERE account_id = ? ORDER BY id',
      account,
    );
    expect(rows.map((r) => r.money_micros)).toEqual(amounts);
    const totals = await db.get(
      'SELECT COUNT(*) AS n, SUM(money_micros) - ? AS rest FROM lots WHERE account_id = ?',
      Number.MAX_SAFE_INTEGER,
      account,
    );
    expect(totals).toEqual({ n: 3, rest: 2 ** 31 + 5 + 2 ** 40 + 3 });
    expect(
      await db.get(
        'SELECT -money_micros AS negative FROM lots WHERE account_id = ? AND money_micros = ?',
        account,
        Number.MAX_SAFE_INTEGER,
      ),
    ).toEqual({ negative: -Number.MAX_SAFE_INTEGER });
  });

  it('refuses to round an integer past 2^53 with DB_UNSAFE_INTEGER', async () => {
    const account = await createAccount(db);
    const read = db.get(
      'SELECT balance_bytes + ? AS too_big FROM accounts WHERE id = ?',
      2n ** 53n + 1n,
      account,
    );
    await expect(read).rejects.toMatchObject({ code: 'DB_UNSAFE_INTEGER' });
    // The connection is still usable afterwards.
    expect(await db.get('SELECT id FROM accounts WHERE id = ?', account)).toEqual({ id: account });
  });

  it('reads boolean expressions as 0 and 1', async () => {
    const account = await createAccount(db, 3);
    const row = await db.get(
      'SELECT balance_bytes > 2 AS enough, balance_bytes > 5 AS plenty FROM accounts WHERE id = ?',
      account,
    );
    expect(row).toEqual({ enough: 1, plenty: 0 });
  });

  it('leaves question marks in literals and comments alone', async () => {
    await db.run("INSERT INTO meta (key, value) VALUES ('what?', ?) -- really?\n", 'yes?');
    expect(await db.get(`SELECT value FROM meta WHERE key = 'what?' /* ? */ AND value = ?`, 'yes?')).toEqual({
      value: 'yes?',
    });
  });

  it('runs several statements with exec', async () => {
    await db.exec(
      "INSERT INTO genres (slug, name) VALUES ('a', 'A'); INSERT INTO genres (slug, name) VALUES ('b', 'B')",
    );
    expect(await db.all("SELECT slug FROM genres WHERE slug IN ('a', 'b') ORDER BY slug")).toEqual([
      { slug: 'a' },
      { slug: 'b' },
    ]);
  });
});
