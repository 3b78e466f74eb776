// One track of a download group: its state, progress, size, speed and ETA, and the actions that
// apply to it now (pause, resume, retry with the reason it failed, cancel).
import type { JobState } from '../../../electron/shared/app-api/domain.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { describeError } from '../../components/error-messages.ts';
import { etaText } from '../../components/format.ts';
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
  const i18n = useI18n();
  const none = i18n.t('common.none');
  const size =
    job.bytesTotal === null
      ? i18n.t('downloads.job.sizeUnknown')
      : job.state === 'done'
        ? i18n.bytes(job.bytesTotal)
        : i18n.t('downloads.job.bytes', {
            done: i18n.bytes(job.bytesDone),
            total: i18n.bytes(job.bytesTotal),
          });
  return (
    <tr className={`dl-job dl-job-${job.state}`} data-job-id={job.id}>
      <th scope="row" className="dl-job-title">
        <span className="dl-job-name">{job.title}</span>
        {job.state === 'failed' && job.error ? (
          <span className="dl-job-error">
            {describeError(job.error, i18n)}
            <code className="error-code">{job.error.code}</code>
          </span>
        ) : null}
      </th>
      <td>
        <span className={`tag ${TONES[job.state] ?? ''}`}>{jobStateLabel(job.state, i18n)}</span>
      </td>
      <td className="dl-job-bar">
        {job.state === 'cancelled' ? null : (
          <ProgressBar
            value={job.bytesDone}
            max={job.bytesTotal}
            label={i18n.t('downloads.job.progress', { name: job.title })}
          />
        )}
      </td>
      <td className="num">{size}</td>
      <td className="num">
        {job.speed !== null && job.state === 'downloading' ? i18n.speed(job.speed) : none}
      </td>
      <td className="num">{job.state === 'downloading' ? etaText(i18n, job.eta) : none}</td>
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
  const i18n = useI18n();
  const name = job.title;
  const primary = PAUSABLE.includes(job.state)
    ? {
        label: i18n.t('downloads.action.pause'),
        name: i18n.t('downloads.action.pauseLabel', { name }),
        run: handlers.pause,
      }
    : job.state === 'paused'
      ? {
          label: i18n.t('downloads.action.resume'),
          name: i18n.t('downloads.action.resumeLabel', { name }),
          run: handlers.resume,
        }
      : job.state === 'failed'
        ? {
            label: i18n.t('downloads.action.retry'),
            name: i18n.t('downloads.action.retryLabel', { name }),
            run: handlers.retry,
          }
        : null;
  const open = job.state !== 'done' && job.state !== 'cancelled';
  return (
    <>
      {primary ? (
        <button
          type="button"
          className="button dl-small"
          onClick={() => primary.run([job.id])}
          aria-label={primary.name}
        >
          {primary.label}
        </button>
      ) : null}
      {open ? (
        <button
          type="button"
          className="button dl-small dl-quiet"
          onClick={() => handlers.cancel(job.title, [job.id])}
          aria-label={i18n.t('downloads.action.cancelLabel', { name })}
        >
          {i18n.t('downloads.action.cancel')}
        </button>
      ) : null}
    </>
  );
}
