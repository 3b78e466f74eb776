import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchPool } from '../../../../server/catalog/search-pool.ts';
import { StoreError } from '../../../../server/errors/store-error.ts';

const CRASHING = new URL('./crashing-search-worker.ts', import.meta.url);
const QUERY = { q: 'river', limit: 10 };

describe('search pool', () => {
  let dir: string | undefined;
  let pool: SearchPool | undefined;
  afterEach(async () => {
    await pool?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    pool = dir = undefined;
  });
  const path = () => {
    dir = mkdtempSync(join(tmpdir(), 'megadisc-pool-'));
    return join(dir, 'store.db');
  };

  it('fails a search whose worker dies with a 503 and a code, then replaces the worker', async () => {
    pool = new SearchPool({ path: path() }, { size: 1, workerUrl: CRASHING });
    for (let round = 0; round < 3; round++) {
      expect(await pool.ready()).toBe(1);
      const search = pool.run(QUERY);
      expect(search).toBeDefined();
      const error = await search!.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code: 'INTERNAL', status: 503 });
      expect((error as Error).message).toMatch(/exit code 7/);
      // A worker that was ready and then died does not count against starting: the pool goes on.
      expect(pool.enabled).toBe(true);
    }
  });

  it('gives up on workers that cannot start, and leaves the searches to the caller', async () => {
    pool = new SearchPool({ path: path(), failAtStart: true } as never, { size: 1, workerUrl: CRASHING });
    expect(await pool.ready()).toBe(0);
    expect(pool.enabled).toBe(false);
    expect(pool.run(QUERY)).toBeUndefined();
  });

  it('stops its workers when it closes, and starts again on the next search', async () => {
    pool = new SearchPool({ path: path() }, { size: 1, workerUrl: CRASHING });
    await pool.ready();
    await pool.close();
    expect(pool.run(QUERY)).toBeUndefined(); // a fresh worker is starting
    expect(await pool.ready()).toBe(1);
  });
});
