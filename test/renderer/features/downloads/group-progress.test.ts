import { describe, expect, it } from 'vitest';
import type { JobView } from '../../../../electron/shared/app-api/domain.ts';
import type { DownloadGroup } from '../../../../electron/shared/app-api/views.ts';
import { translator } from '../../../../i18n/index.ts';
import { groupProgress, type JobProgress } from '../../../../renderer/features/downloads/group-progress.ts';

function job(id: number, patch: Partial<JobView> = {}): JobView {
  return {
    id,
    purchaseId: 1,
    orderId: 'o1',
    title: `Track ${id}`,
    fileName: `${id}.mp3`,
    state: 'queued',
    bytesTotal: 1000,
    bytesDone: 0,
    finalPath: null,
    error: null,
    ...patch,
  };
}

function group(jobs: JobView[], patch: Partial<DownloadGroup> = {}): DownloadGroup {
  return {
    purchaseId: 1,
    albumId: 1,
    albumTitle: 'A',
    artistName: 'B',
    encoding: 'mp3-v0',
    purchaseState: 'ordered',
    error: null,
    bytesDone: 0,
    bytesTotal: null,
    jobs,
    ...patch,
  };
}

const none = new Map<number, JobProgress>();
const en = translator('en');
const ru = translator('ru');

describe('groupProgress', () => {
  it('counts done tracks and bytes, leaving cancelled tracks out', () => {
    const p = groupProgress(
      group([
        job(1, { state: 'done', bytesDone: 1000 }),
        job(2, { bytesDone: 200 }),
        job(3, { state: 'cancelled', bytesDone: 500 }),
      ]),
      none,
      en,
    );
    expect(p.summary).toBe('Queued · 1 of 2 done');
    expect([p.doneBytes, p.totalBytes]).toEqual([1200, 2000]);
    expect(p.cancellable).toEqual([2]);
    expect(p.finished).toBe(false);
  });

  it('merges live progress: bytes, speed and an ETA from what is left', () => {
    const live = new Map<number, JobProgress>([
      [1, { jobId: 1, receivedBytes: 600, totalBytes: 1000, bytesPerSecond: 100, etaSeconds: 4 }],
    ]);
    const p = groupProgress(group([job(1, { state: 'downloading', bytesDone: 100 }), job(2)]), live, en);
    expect(p.doneBytes).toBe(600);
    expect(p.speed).toBe(100);
    expect(p.eta).toBe(14);
    expect(p.summary).toBe('Downloading · 0 of 2 done');
    expect(p.jobs[0]!.eta).toBe(4);
  });

  it('ignores live progress of a paused job', () => {
    const live = new Map<number, JobProgress>([
      [1, { jobId: 1, receivedBytes: 600, totalBytes: 1000, bytesPerSecond: 100, etaSeconds: 4 }],
    ]);
    const p = groupProgress(group([job(1, { state: 'paused', bytesDone: 100 })]), live, en);
    expect([p.doneBytes, p.speed]).toEqual([100, 0]);
    expect(p.summary).toBe('Paused · 0 of 1 done');
    expect(p.paused).toEqual([1]);
  });

  it('puts a failure and its reason first', () => {
    const p = groupProgress(
      group([
        job(1, { state: 'downloading' }),
        job(2, { state: 'failed', error: { code: 'DISK_FULL', message: 'ENOSPC' } }),
      ]),
      none,
      en,
    );
    expect(p.tone).toBe('failed');
    expect(p.summary).toBe('Failed: The disk is full. Free some space, then retry.');
  });

  it('waits for the store to encode, with no size yet', () => {
    const p = groupProgress(group([job(1, { state: 'waiting_encode', bytesTotal: null })]), none, en);
    expect(p.summary).toBe('Waiting for the store to encode');
    expect(p.totalBytes).toBeNull();
  });

  it('is finished when everything is done, cancelled, or the order was refused', () => {
    expect(groupProgress(group([job(1, { state: 'done', bytesDone: 1000 })]), none, en)).toMatchObject({
      finished: true,
      tone: 'done',
    });
    expect(groupProgress(group([job(1, { state: 'cancelled' })]), none, en)).toMatchObject({
      finished: true,
      summary: 'Cancelled',
    });
    const refused = groupProgress(
      group([], { purchaseState: 'failed', error: { code: 'INSUFFICIENT_BALANCE', message: 'x' } }),
      none,
      en,
    );
    expect(refused.finished).toBe(true);
    expect(refused.summary).toContain('Order failed: Not enough megabytes');
    expect(groupProgress(group([], { purchaseState: 'pending' }), none, en).summary).toBe(
      'Ordering from the store…',
    );
  });

  it('speaks Russian, with Russian plurals', () => {
    const queued = groupProgress(
      group([job(1, { state: 'done', bytesDone: 1000 }), ...[2, 3, 4, 5].map((id) => job(id))]),
      none,
      ru,
    );
    expect(queued.summary).toBe('В очереди · готово 1 из 5 треков');
    expect(groupProgress(group([job(1, { state: 'paused' })]), none, ru).summary).toBe(
      'На паузе · готово 0 из 1 трека',
    );
    const failed = groupProgress(
      group([
        job(1, { state: 'failed', error: { code: 'DISK_FULL', message: 'ENOSPC' } }),
        job(2, { state: 'failed', error: { code: 'NETWORK', message: 'reset' } }),
      ]),
      none,
      ru,
    );
    expect(failed.summary).toMatch(/^Ошибка: .+ \(2 трека\)$/);
    expect(failed.summary).not.toContain('disk');
  });
});
