// PostgreSQL going away surfaces as STORE_DB_UNAVAILABLE (the HTTP layer's 503), and the pool
// recovers by itself once the server is back: no reopening, no process restart. Runs on a small
// cluster of its own, so stopping it disturbs no other test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openPostgresDatabase,
  type PostgresDatabase,
} from '../../../../../server/db/postgres/postgres-database.ts';
import { freshDatabase, type PostgresCluster, startPostgresCluster } from '../../../../helpers/postgres.ts';

describe('PostgreSQL outage', () => {
  let cluster: PostgresCluster;
  let db: PostgresDatabase;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
    db = await openPostgresDatabase({
      url: await freshDatabase(cluster.url),
      max: 4,
      connectTimeoutMs: 2000,
    });
  });
  afterAll(async () => {
    await db?.close();
    await cluster?.stop();
  });

  it('answers STORE_DB_UNAVAILABLE while the server is down and recovers when it is back', async () => {
    await db.run(`INSERT INTO meta (key, value) VALUES ('before', '1')`);
    await cluster.pause();

    const unavailable = { code: 'STORE_DB_UNAVAILABLE', status: 503 };
    // The pool's idle connections died with the server; new ones are refused.
    await expect(db.get('SELECT value FROM meta')).rejects.toMatchObject(unavailable);
    await expect(db.get('SELECT value FROM meta')).rejects.toMatchObject(unavailable);
    await expect(
      db.tx((q) => q.run(`INSERT INTO meta (key, value) VALUES ('during', '1')`)),
    ).rejects.toMatchObject(unavailable);

    await cluster.resume();
    expect(await db.all('SELECT key FROM meta ORDER BY key')).toEqual([{ key: 'before' }]);
    await db.tx((q) => q.run(`INSERT INTO meta (key, value) VALUES ('after', '1')`));
    expect(await db.get(`SELECT value FROM meta WHERE key = 'after'`)).toEqual({ value: '1' });
  });

  it('fails a transaction whose connection dies mid-way, and commits nothing of it', async () => {
    const lost = db.tx(async (q) => {
      await q.run(`INSERT INTO meta (key, value) VALUES ('half', '1')`);
      await cluster.pause();
      await q.run(`INSERT INTO meta (key, value) VALUES ('other-half', '1')`);
    });
    await expect(lost).rejects.toMatchObject({ code: 'STORE_DB_UNAVAILABLE' });
    await cluster.resume();
    expect(await db.get(`SELECT COUNT(*) AS n FROM meta WHERE key IN ('half', 'other-half')`)).toEqual({
      n: 0,
    });
  });
});
