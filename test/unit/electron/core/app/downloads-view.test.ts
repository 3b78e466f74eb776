// The downloads model over a real profile: grouping, queue order, purchases without jobs, and what it costs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadsView } from '../../../../../electron/core/app/downloads-view.ts';
import { createEngine, type Engine } from '../../../../../electron/core/create-engine.ts';
import { inTransaction } from '../../../../../electron/core/profile/open-profile.ts';
import { queryPlan, statementsOf } from '../../../../helpers/query-plan.ts';

let home: string;
let engine: Engine;

function purchase(id: number, state: 'pending' | 'ordered' | 'failed', error?: [string, string]): void {
  engine.db
    .prepare(
      `INSERT INTO purchases (id, store, account_id, idempotency_key, album_id, album_title, artist_name, encoding,
         high_bytes, state, order_id, error_code, error_message, created_at)
       VALUES (?, 's', 1, ?, ?, ?, ?, 'flac', 1000, ?, ?, ?, ?, 'now')`,
    )
    .run(
      id,
      `key-${id}`,
      100 + id,
      `Album ${id}`,
      `Artist ${id}`,
      state,
      state === 'ordered' ? `ord_${id}` : null,
      error?.[0] ?? null,
      error?.[1] ?? null,
    );
}

/** Tags are big on purpose: the view must not read them. */
const TAGS = JSON.stringify({ title: 'x', padding: 'p'.repeat(2000) });

function job(purchaseId: number, n: number, state: string, position: number, bytes: number | null, done = 0) {
  engine.db
    .prepare(
      `INSERT INTO jobs (purchase_id, order_id, item_id, track_id, title, file_name, position, state, bytes_total,
         checkpoint_bytes, tags, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'now', 'now')`,
    )
    .run(
      purchaseId,
      `ord_${purchaseId}`,
      `itm_${purchaseId}_${n}`,
      n,
      `Track ${n}`,
      `${n}.flac`,
      position,
      state,
      bytes,
      done,
      TAGS,
    );
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'megadisc-view-'));
  engine = createEngine({ home, defaults: { libraryDir: join(home, 'library') } });
});
afterEach(() => {
  engine.close();
  rmSync(home, { recursive: true, force: true });
});

describe('downloadsView', () => {
  it('groups jobs by purchase in queue order and lists purchases without jobs after them', () => {
    purchase(1, 'ordered');
    purchase(2, 'ordered');
    purchase(3, 'pending');
    purchase(4, 'failed', ['INSUFFICIENT_BALANCE', 'not enough']);
    job(1, 1, 'done', 5, 100);
    job(1, 2, 'downloading', 6, 200, 50);
    job(1, 3, 'cancelled', 7, null);
    // Purchase 2 was moved ahead of purchase 1.
    job(2, 1, 'waiting_encode', 1, null);
    job(2, 2, 'queued', 8, 300);
    const view = downloadsView(engine, true);
    expect(view.running).toBe(true);
    expect(view.groups.map((g) => g.purchaseId)).toEqual([2, 1, 3, 4]);
    const [second, first, pending, failed] = view.groups;
    expect(second).toMatchObject({ bytesTotal: null, bytesDone: 0, purchaseState: 'ordered' });
    expect(second!.jobs.map((j) => j.title)).toEqual(['Track 1', 'Track 2']);
    // The cancelled job is listed but counts toward neither figure.
    expect(first).toMatchObject({
      bytesTotal: 300,
      bytesDone: 150,
      albumTitle: 'Album 1',
      artistName: 'Artist 1',
    });
    expect(first!.jobs.map((j) => j.state)).toEqual(['done', 'downloading', 'cancelled']);
    expect(pending).toMatchObject({ purchaseState: 'pending', jobs: [], bytesTotal: null, error: null });
    expect(failed).toMatchObject({
      purchaseState: 'failed',
      error: { code: 'INSUFFICIENT_BALANCE', message: 'not enough' },
    });
  });

  it('lists 10,000 jobs with two indexed queries, without reading their tags', () => {
    inTransaction(engine.db, () => {
      for (let p = 1; p <= 400; p++) {
        purchase(p, 'ordered');
        for (let n = 1; n <= 25; n++) job(p, n, n % 3 ? 'queued' : 'done', p * 100 + n, 1000);
      }
    });
    // The time it takes is measured by `npm run bench:download` (10,000 queued jobs); here, the
    // cause: a fixed number of statements (none per purchase or per job), queue order straight off
    // an index (no sort), and the big tags column never read.
    let view: ReturnType<typeof downloadsView> | null = null;
    const statements = statementsOf(engine.db, () => {
      view = downloadsView(engine, false);
    });
    expect(view!.groups).toHaveLength(400);
    expect(view!.groups.reduce((s, g) => s + g.jobs.length, 0)).toBe(10_000);
    expect(statements).toHaveLength(2);
    for (const sql of statements) {
      expect(sql).not.toMatch(/\btags\b|\*/);
      expect(queryPlan(engine.db, sql).join('\n'), sql).not.toMatch(/TEMP B-TREE/);
    }
    const jobsQuery = statements.find((sql) => /\bFROM jobs\b/.test(sql))!;
    expect(queryPlan(engine.db, jobsQuery)).toEqual(['SCAN jobs USING INDEX jobs_by_position']);
  });
});
