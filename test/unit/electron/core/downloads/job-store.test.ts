import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobStore } from '../../../../../electron/core/downloads/job-store.ts';
import { openProfile, type ProfileDb } from '../../../../../electron/core/profile/open-profile.ts';

let home: string;
let db: ProfileDb;
let jobs: JobStore;

function item(id: string, state: 'queued' | 'ready' | 'failed' = 'queued') {
  return {
    id,
    trackId: 1,
    state,
    progress: null,
    bytes: state === 'ready' ? 100 : null,
    sha256: state === 'ready' ? 'a'.repeat(64) : null,
    reservedBytes: 100,
    chargedBytes: null,
    alreadyOwned: false,
    error: state === 'failed' ? { code: 'ENCODE_FAILED', message: 'boom' } : null,
    fileName: `${id}.flac`,
    download: state === 'ready' ? { url: `/v1/x/${id}`, signedUrl: '', expiresAt: '' } : null,
    tags: { title: id } as never,
  };
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'megadisc-jobs-'));
  db = openProfile(home);
  db.prepare(
    `INSERT INTO purchases (id, store, account_id, idempotency_key, album_id, album_title, artist_name, encoding, high_bytes, state, created_at)
     VALUES (1, 's', 1, 'k', 1, 'A', 'B', 'flac', 300, 'ordered', 'now')`,
  ).run();
  jobs = new JobStore(db);
  jobs.addForOrder(1, 'ord_1', [item('itm_a'), item('itm_b'), item('itm_c')] as never);
});
afterEach(() => {
  db.close();
  rmSync(home, { recursive: true, force: true });
});

describe('JobStore', () => {
  it('moves jobs from waiting to queued when the store has encoded them, and fails them when it could not', () => {
    jobs.applyOrderItem(item('itm_a', 'ready') as never);
    jobs.applyOrderItem(item('itm_b', 'failed') as never);
    const [a, b, c] = jobs.all();
    expect(a).toMatchObject({ state: 'queued', bytes_total: 100, url: '/v1/x/itm_a' });
    expect(b).toMatchObject({ state: 'failed', error_code: 'STORE_ERROR' });
    expect(b!.error_message).toMatch(/boom/);
    expect(c!.state).toBe('waiting_encode');
  });

  it('pauses and resumes to where each job was, and resume retries failed jobs', () => {
    jobs.applyOrderItem(item('itm_a', 'ready') as never);
    jobs.applyOrderItem(item('itm_b', 'failed') as never);
    const ids = jobs.all().map((j) => j.id);
    expect(jobs.pause('all').sort()).toEqual([ids[0], ids[2]].sort());
    // A paused waiting job that gets encoded in the meantime resumes as queued.
    jobs.applyOrderItem(item('itm_c', 'ready') as never);
    expect(jobs.resume('all').sort()).toEqual(ids.sort());
    expect(jobs.all().map((j) => j.state)).toEqual(['queued', 'waiting_encode', 'queued']);
    expect(jobs.all()[1]!.error_code).toBeNull();
  });

  it('reorders and prioritizes', () => {
    const [a, b, c] = jobs.all().map((j) => j.id);
    jobs.prioritize(c!);
    expect(jobs.all().map((j) => j.id)).toEqual([c, a, b]);
    jobs.move(c!, 3);
    expect(jobs.all().map((j) => j.id)).toEqual([a, b, c]);
  });

  it('requeues transfers interrupted by a crash and keeps their checkpoints', () => {
    jobs.applyOrderItem(item('itm_a', 'ready') as never);
    const id = jobs.all()[0]!.id;
    jobs.setState(id, 'downloading');
    jobs.checkpoint(id, 42, '"etag"', '/tmp/x.part');
    expect(jobs.recoverInterrupted()).toBe(1);
    expect(jobs.get(id)).toMatchObject({ state: 'queued', checkpoint_bytes: 42, etag: '"etag"' });
  });

  it('refuses to cancel a finished job', () => {
    const id = jobs.all()[0]!.id;
    jobs.setState(id, 'done');
    expect(() => jobs.cancel(id)).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
  });
});
