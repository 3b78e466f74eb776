// One track of a download group: its state, progress, size, speed and ETA, and the actions that
// apply to it now (pause, resume, retry with the reason it failed, cancel).
import type { JobState } from '../../../electron/shared/app-api/domain.ts';
import { describeError } from '../../components/error-messages.ts';
import { formatBytes, formatEta, formatSpeed } from '../../components/format.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { jobStateLabel, type LiveJob, PAUSABLE } from './group-progress.ts';

export interface JobHandlers {
  pause: (ids: number[]) => void;
  resume: (ids: number[]) => void;
  retry: (ids: number[]) => void;
  cancel: (what: string, ids: number[]) => void;
}

const TONES: Partial<Record<JobState, string>> = {
  done: 'tag-ok',
  failed: 'tag-error',
  paused: 'tag-warn',
  waiting_encode: 'tag-warn',
};

export function JobRow({ job, handlers }: { job: LiveJob; handlers: JobHandlers }) {
  const size =
    job.bytesTotal === null
      ? 'size not known yet'
      : job.state === 'done'
        ? formatBytes(job.bytesTotal)
        : `${formatBytes(job.bytesDone)} / ${formatBytes(job.bytesTotal)}`;
  return (
    <tr className={`dl-job dl-job-${job.state}`} data-job-id={job.id}>
      <th scope="row" className="dl-job-title">
        <span className="dl-job-name">{job.title}</span>
        {job.state === 'failed' && job.error ? (
          <span className="dl-job-error">
            {describeError(job.error)}
            <code className="error-code">{job.error.code}</code>
          </span>
        ) : null}
      </th>
      <td>
        <span className={`tag ${TONES[job.state] ?? ''}`}>{jobStateLabel(job.state)}</span>
      </td>
      <td className="dl-job-bar">
        {job.state === 'cancelled' ? null : (
          <ProgressBar value={job.bytesDone} max={job.bytesTotal} label={`${job.title} progress`} />
        )}
      </td>
      <td className="num">{size}</td>
      <td className="num">
        {job.speed !== null && job.state === 'downloading' ? formatSpeed(job.speed) : '—'}
      </td>
      <td className="num">{job.state === 'downloading' ? formatEta(job.eta) : '—'}</td>
      <td className="dl-job-actions">
        <JobActions job={job} handlers={handlers} />
      </td>
    </tr>
  );
}

/**
 * Pause, Resume and Retry share one button, so the focus stays on it when the job changes state
 * under a keyboard user's fingers.
 */
function JobActions({ job, handlers }: { job: LiveJob; handlers: JobHandlers }) {
  const primary = PAUSABLE.includes(job.state)
    ? { label: 'Pause', run: handlers.pause }
    : job.state === 'paused'
      ? { label: 'Resume', run: handlers.resume }
      : job.state === 'failed'
        ? { label: 'Retry', run: handlers.retry }
        : null;
  const open = job.state !== 'done' && job.state !== 'cancelled';
  return (
    <>
      {primary ? (
        <button
          type="button"
          className="button dl-small"
          onClick={() => primary.run([job.id])}
          aria-label={`${primary.label} ${job.title}`}
        >
          {primary.label}
        </button>
      ) : null}
      {open ? (
        <button
          type="button"
          className="button dl-small dl-quiet"
          onClick={() => handlers.cancel(job.title, [job.id])}
          aria-label={`Cancel ${job.title}`}
        >
          Cancel
        </button>
      ) : null}
    </>
  );
}
