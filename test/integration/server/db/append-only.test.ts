// Royalty lines and the audit log are append-only, and an issued statement never changes: the
// database refuses otherwise (SQLite triggers, PostgreSQL plpgsql triggers), with the same messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../server/db/sql/port.ts';
import { createAccount, DIALECTS, openTestDatabase } from '../../../helpers/open-dialect.ts';

/** One royalty line, one audit entry and one statement, written with the same SQL on both engines. */
async function seedRoyalty(db: Database): Promise<void> {
  const now = new Date().toISOString();
  const artist = await db.get<{ id: number }>('INSERT INTO artists (name) VALUES (?) RETURNING id', 'Artist');
  const album = await db.get<{ id: number }>(
    `INSERT INTO albums (title, artist_id, release_date, disc_count, track_count, duration_ms, created_at)
     VALUES (?, ?, ?, 1, 1, 1000, ?) RETURNING id`,
    'Album',
    artist!.id,
    '2024-01-01',
    now,
  );
  const track = await db.get<{ id: number }>(
    `INSERT INTO tracks (album_id, disc_number, track_number, title, duration_ms, master_path, master_bytes,
       sample_rate, channels, bits_per_sample) VALUES (?, 1, 1, ?, 1000, ?, 10, 44100, 2, 16) RETURNING id`,
    album!.id,
    'Track',
    'a.flac',
  );
  const holder = await db.get<{ id: number }>(
    'INSERT INTO rights_holders (name, created_at) VALUES (?, ?) RETURNING id',
    'Label',
    now,
  );
  const account = await createAccount(db, 100);
  const ledger = await db.get<{ id: number }>(
    `INSERT INTO ledger (account_id, kind, amount_bytes, reserved_delta_bytes, balance_after, reserved_after, created_at)
     VALUES (?, 'settle', -10, 0, 90, 0, ?) RETURNING id`,
    account,
    now,
  );
  await db.run(
    `INSERT INTO royalty_lines (rights_holder_id, ledger_id, album_id, track_id, territory, units, bytes,
       revenue_micros, royalty_micros, rate_bp, currency, created_at)
     VALUES (?, ?, ?, ?, 'US', 1, 10, 1000, 500, 5000, 'USD', ?)`,
    holder!.id,
    ledger!.id,
    album!.id,
    track!.id,
    now,
  );
  await db.run(`INSERT INTO audit_log (at, actor, action, subject) VALUES (?, 'operator', 'test', 'x')`, now);
  await db.run(
    `INSERT INTO statements (number, rights_holder_id, period_start, period_end, currency, issued_at, body)
     VALUES ('S-1', ?, '2024-01-01', '2024-02-01', 'USD', ?, '{}')`,
    holder!.id,
    now,
  );
}

describe.each(DIALECTS)('append-only tables on %s', (dialect) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    await seedRoyalty(db);
  });
  afterAll(() => db?.close());

  it('refuses to change or delete a royalty line', async () => {
    await expect(db.run('UPDATE royalty_lines SET royalty_micros = 0')).rejects.toThrow(
      'royalty lines are never changed',
    );
    await expect(db.run('DELETE FROM royalty_lines')).rejects.toThrow('royalty lines are never deleted');
    expect(await db.get('SELECT COUNT(*) AS n, SUM(royalty_micros) AS owed FROM royalty_lines')).toEqual({
      n: 1,
      owed: 500,
    });
  });

  it('refuses to change or delete the audit log', async () => {
    await expect(db.run(`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow(
      'the audit log is append-only',
    );
    await expect(db.run('DELETE FROM audit_log')).rejects.toThrow('the audit log is append-only');
    expect(await db.get('SELECT actor FROM audit_log')).toEqual({ actor: 'operator' });
  });

  it('refuses to change an issued statement', async () => {
    await expect(db.run(`UPDATE statements SET body = '{"changed":1}'`)).rejects.toThrow(
      'an issued statement is never changed',
    );
  });

  it('still appends', async () => {
    await db.run(
      `INSERT INTO audit_log (at, actor, action, subject) VALUES (?, 'operator', 'again', 'y')`,
      'now',
    );
    expect(await db.get('SELECT COUNT(*) AS n FROM audit_log')).toEqual({ n: 2 });
  });

  it.runIf(dialect === 'postgres')('refuses TRUNCATE, which fires no row trigger', async () => {
    await expect(db.exec('TRUNCATE audit_log')).rejects.toThrow('the audit log is append-only');
    await expect(db.exec('TRUNCATE royalty_lines CASCADE')).rejects.toThrow(
      'royalty lines are never deleted',
    );
  });
});
