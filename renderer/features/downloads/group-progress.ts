// What a download group adds up to: bytes, speed and ETA with the live progress merged in, and a
// one-line state for the listener ("3 of 8 done", "Paused", "Failed: …"). Pure, so it is tested alone.
import type { JobState, JobView } from '../../../electron/shared/app-api/domain.ts';
import type { AppEventMap } from '../../../electron/shared/app-api/events.ts';
import type { DownloadGroup } from '../../../electron/shared/app-api/views.ts';
import type { Translator } from '../../../i18n/index.ts';
import { describeError } from '../../components/error-messages.ts';

export type JobProgress = AppEventMap['job-progress'];

/** A job as shown: the list's figures, overtaken by the live progress while it downloads. */
export interface LiveJob extends JobView {
  speed: number | null;
  eta: number | null;
}

/** States a pause applies to (as the core's JobStore counts them). */
export const PAUSABLE: JobState[] = ['waiting_encode', 'queued', 'downloading', 'verifying'];
const FINISHED: JobState[] = ['done', 'cancelled'];

export function liveJob(job: JobView, progress: JobProgress | undefined): LiveJob {
  const moving = job.state === 'queued' || job.state === 'downloading' || job.state === 'verifying';
  if (!progress || !moving) return { ...job, speed: null, eta: null };
  return {
    ...job,
    // A progress event can arrive before the list learns the job started.
    state: job.state === 'queued' ? 'downloading' : job.state,
    bytesDone: Math.max(job.bytesDone, progress.receivedBytes),
    bytesTotal: job.bytesTotal ?? progress.totalBytes,
    speed: job.state === 'verifying' ? null : progress.bytesPerSecond,
    eta: job.state === 'verifying' ? null : progress.etaSeconds,
  };
}

export type Tone = 'active' | 'waiting' | 'paused' | 'failed' | 'done' | 'cancelled';

export interface GroupProgress {
  jobs: LiveJob[];
  doneBytes: number;
  /** Null until the store has encoded every track. */
  totalBytes: number | null;
  speed: number;
  /** Bytes still to fetch of the tracks that are queued or downloading. */
  remainingBytes: number;
  eta: number | null;
  doneCount: number;
  /** Tracks that will be fetched: every job but the cancelled ones. */
  trackCount: number;
  failed: LiveJob[];
  pausable: number[];
  paused: number[];
  cancellable: number[];
  /** Everything is in the library, cancelled, or the order was refused: shown under Finished. */
  finished: boolean;
  tone: Tone;
  summary: string;
}

export function groupProgress(
  group: DownloadGroup,
  live: ReadonlyMap<number, JobProgress>,
  i18n: Translator,
): GroupProgress {
  const jobs = group.jobs.map((job) => liveJob(job, live.get(job.id)));
  const counted = jobs.filter((j) => j.state !== 'cancelled');
  const doneBytes = counted.reduce((s, j) => s + j.bytesDone, 0);
  const totalBytes = counted.every((j) => j.bytesTotal !== null)
    ? counted.reduce((s, j) => s + (j.bytesTotal ?? 0), 0)
    : null;
  const speed = counted.reduce((s, j) => s + (j.state === 'downloading' ? (j.speed ?? 0) : 0), 0);
  // Paused and failed tracks are not on their way: only what is moving counts toward the ETA.
  const remainingBytes = counted
    .filter((j) => j.state === 'queued' || j.state === 'downloading' || j.state === 'verifying')
    .reduce((s, j) => s + Math.max(0, (j.bytesTotal ?? j.bytesDone) - j.bytesDone), 0);
  const eta = speed > 0 ? remainingBytes / speed : null;
  const doneCount = counted.filter((j) => j.state === 'done').length;
  const failed = jobs.filter((j) => j.state === 'failed');
  const pausable = jobs.filter((j) => PAUSABLE.includes(j.state)).map((j) => j.id);
  const paused = jobs.filter((j) => j.state === 'paused').map((j) => j.id);
  const cancellable = jobs.filter((j) => !FINISHED.includes(j.state)).map((j) => j.id);
  const base = {
    jobs,
    doneBytes,
    totalBytes,
    speed,
    remainingBytes,
    eta,
    doneCount,
    trackCount: counted.length,
    failed,
    pausable,
    paused,
    cancellable,
  };
  const of = { done: doneCount, total: counted.length };
  const is = (state: JobState) => jobs.some((j) => j.state === state);

  if (group.purchaseState === 'failed') {
    return {
      ...base,
      finished: true,
      tone: 'failed',
      summary: group.error
        ? i18n.t('downloads.summary.orderFailed', { reason: describeError(group.error, i18n) })
        : i18n.t('downloads.summary.orderRefused'),
    };
  }
  if (group.purchaseState === 'pending' || jobs.length === 0) {
    return { ...base, finished: false, tone: 'waiting', summary: i18n.t('downloads.summary.ordering') };
  }
  if (jobs.every((j) => FINISHED.includes(j.state))) {
    return doneCount > 0
      ? { ...base, finished: true, tone: 'done', summary: i18n.t('downloads.summary.done', of) }
      : { ...base, finished: true, tone: 'cancelled', summary: i18n.t('downloads.summary.cancelled') };
  }
  if (failed.length > 0) {
    const first = failed[0]!;
    const reason = first.error ? describeError(first.error, i18n) : i18n.t('downloads.summary.unknownError');
    return {
      ...base,
      finished: false,
      tone: 'failed',
      summary:
        failed.length > 1
          ? i18n.t('downloads.summary.failedMany', { reason, count: failed.length })
          : i18n.t('downloads.summary.failed', { reason }),
    };
  }
  if (is('downloading') || is('verifying')) {
    return { ...base, finished: false, tone: 'active', summary: i18n.t('downloads.summary.downloading', of) };
  }
  if (is('queued')) {
    return { ...base, finished: false, tone: 'waiting', summary: i18n.t('downloads.summary.queued', of) };
  }
  if (is('waiting_encode')) {
    return { ...base, finished: false, tone: 'waiting', summary: i18n.t('downloads.summary.waiting') };
  }
  return { ...base, finished: false, tone: 'paused', summary: i18n.t('downloads.summary.paused', of) };
}

/** A track's state in words. */
export function jobStateLabel(state: JobState, i18n: Translator): string {
  return i18n.t(`downloads.state.${state}`);
}
