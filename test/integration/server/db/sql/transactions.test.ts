// Transactions through the port: commit, rollback, nesting, and concurrent read-check-write code
// that must behave as if the transactions ran one after another, on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostgresDatabase } from '../../../../../server/db/postgres/postgres-database.ts';
import type { Database } from '../../../../../server/db/sql/port.ts';
import { balanceOf, createAccount, DIALECTS, openTestDatabase } from '../../../../helpers/open-dialect.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe.each(DIALECTS)('transactions on %s', (dialect) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(dialect);
  });
  afterAll(() => db?.close());

  it('commits what fn resolves with', async () => {
    const account = await createAccount(db, 10);
    const result = await db.tx(async (q) => {
      await q.run('UPDATE accounts SET balance_bytes = balance_bytes - ? WHERE id = ?', 4, account);
      return q.get<{ balance_bytes: number }>('SELECT balance_bytes FROM accounts WHERE id = ?', account);
    });
    expect(result).toEqual({ balance_bytes: 6 });
    expect(await balanceOf(db, account)).toBe(6);
  });

  it('rolls back everything when fn throws', async () => {
    const account = await createAccount(db, 10);
    const failing = db.tx(async (q) => {
      await q.run('UPDATE accounts SET balance_bytes = 0 WHERE id = ?', account);
      await q.run(`INSERT INTO meta (key, value) VALUES ('rolled-back', 'x')`);
      throw new Error('changed my mind');
    });
    await expect(failing).rejects.toThrow('changed my mind');
    expect(await balanceOf(db, account)).toBe(10);
    expect(await db.get(`SELECT value FROM meta WHERE key = 'rolled-back'`)).toBeUndefined();
  });

  it('rolls back when a statement fails, even if fn caught the error', async () => {
    const account = await createAccount(db, 10);
    const attempt = db.tx(async (q) => {
      await q.run('UPDATE accounts SET balance_bytes = 20 WHERE id = ?', account);
      // reserved > balance breaks the CHECK; fn swallows the error and carries on.
      await q.run('UPDATE accounts SET reserved_bytes = 99 WHERE id = ?', account).catch(() => {});
      return 'carried on';
    });
    if (dialect === 'postgres') {
      // PostgreSQL has aborted the transaction at the failed statement: nothing may commit.
      await expect(attempt).rejects.toMatchObject({ code: '23514' });
      expect(await balanceOf(db, account)).toBe(10);
    } else {
      // SQLite undoes only the failed statement; the rest of the transaction stands.
      await expect(attempt).resolves.toBe('carried on');
      expect(await balanceOf(db, account)).toBe(20);
    }
  });

  it('flattens a nested transaction into the outer one', async () => {
    const account = await createAccount(db, 10);
    const nested = db.tx(async (q) => {
      await q.run('UPDATE accounts SET balance_bytes = 1 WHERE id = ?', account);
      // Nested tx() and plain calls on the Database join the open transaction.
      await db.tx(async (inner) => inner.run('UPDATE accounts SET reserved_bytes = 1 WHERE id = ?', account));
      expect(await balanceOf(db, account)).toBe(1);
      throw new Error('undo both');
    });
    await expect(nested).rejects.toThrow('undo both');
    expect(await db.get('SELECT balance_bytes, reserved_bytes FROM accounts WHERE id = ?', account)).toEqual({
      balance_bytes: 10,
      reserved_bytes: 0,
    });
  });

  it("refuses a transaction's handle once the transaction has ended", async () => {
    let leaked: { get(sql: string): Promise<unknown> } | undefined;
    await db.tx(async (q) => {
      leaked = q;
    });
    await expect(leaked!.get('SELECT 1 AS one')).rejects.toMatchObject({ code: 'DB_TX_CLOSED' });
  });

  it('never loses an update when 50 transactions increment one balance at once', async () => {
    const account = await createAccount(db, 0);
    await Promise.all(
      Array.from({ length: 50 }, () =>
        db.tx(async (q) => {
          const row = await q.get<{ balance_bytes: number }>(
            'SELECT balance_bytes FROM accounts WHERE id = ?',
            account,
          );
          await tick(); // let the others read the same balance
          await q.run('UPDATE accounts SET balance_bytes = ? WHERE id = ?', row!.balance_bytes + 1, account);
        }),
      ),
    );
    expect(await balanceOf(db, account)).toBe(50);
    if (dialect === 'postgres') expect((db as PostgresDatabase).conflictRetries).toBeGreaterThan(0);
  });

  it('keeps a checked floor when 30 transactions debit at once', async () => {
    const account = await createAccount(db, 15);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () =>
        db.tx(async (q) => {
          const row = await q.get<{ balance_bytes: number }>(
            'SELECT balance_bytes FROM accounts WHERE id = ?',
            account,
          );
          await tick();
          // A rule the schema does not know: never below 5.
          if (row!.balance_bytes - 1 < 5) throw new Error('INSUFFICIENT_BALANCE');
          await q.run('UPDATE accounts SET balance_bytes = balance_bytes - 1 WHERE id = ?', account);
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect(await balanceOf(db, account)).toBe(5);
  });

  it('lets no statement run inside an open transaction unless it belongs to it', async () => {
    const account = await createAccount(db, 10);
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const writer = db.tx(async (q) => {
      await q.run('UPDATE accounts SET balance_bytes = 11 WHERE id = ?', account);
      await held;
      throw new Error('roll back');
    });
    await tick();
    // An unrelated caller (another request) reads meanwhile: it sees the committed state only.
    const outsider = db.run('UPDATE accounts SET reserved_bytes = 2 WHERE id = ?', account);
    await tick();
    release();
    await expect(writer).rejects.toThrow('roll back');
    await outsider;
    expect(await db.get('SELECT balance_bytes, reserved_bytes FROM accounts WHERE id = ?', account)).toEqual({
      balance_bytes: 10,
      reserved_bytes: 2,
    });
  });
});
