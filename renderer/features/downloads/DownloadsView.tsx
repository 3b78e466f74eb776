// The Downloads screen: the queue album by album with live progress, the commands over it, the
// transfer settings, and finished albums collapsed at the bottom.
import { useCallback, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import { hrefOf } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { etaText } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { CancelDialog, type CancelRequest } from './CancelDialog.tsx';
import { DownloadGroupItem } from './DownloadGroupItem.tsx';
import { groupProgress } from './group-progress.ts';
import type { JobHandlers } from './JobRow.tsx';
import { QueueList, type QueueRow } from './QueueList.tsx';
import { TransferControls } from './TransferControls.tsx';
import { useDownloadActions } from './use-download-actions.ts';
import { useDownloads } from './use-downloads.ts';
import { useLibraryLinks } from './use-library-links.ts';
import './downloads.css';

const FINISHED_SHOWN = 10;

export function DownloadsView() {
  const i18n = useI18n();
  const { data, error, reload, live } = useDownloads();
  const actions = useDownloadActions(reload);
  const [cancelling, setCancelling] = useState<CancelRequest | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [allFinished, setAllFinished] = useState(false);

  const rows: QueueRow[] = useMemo(
    () => (data?.groups ?? []).map((group) => ({ group, progress: groupProgress(group, live, i18n) })),
    [data, live, i18n],
  );
  const active = rows.filter((r) => !r.progress.finished);
  // Every purchase ever stays in the list: newest first, and only the latest few unless asked.
  const finished = rows
    .filter((r) => r.progress.finished)
    .sort((a, b) => b.group.purchaseId - a.group.purchaseId);
  const shownFinished = allFinished ? finished : finished.slice(0, FINISHED_SHOWN);
  const libraryHref = useLibraryLinks(finished.filter((r) => r.progress.tone === 'done').length);

  const { pause, resume, retry, cancel, move } = actions;
  const handlers: JobHandlers = useMemo(
    () => ({
      pause: (ids) => void pause(ids),
      resume: (ids) => void resume(ids),
      retry: (ids) => void retry(ids),
      cancel: (what, jobIds) => setCancelling({ what, jobIds }),
    }),
    [pause, resume, retry],
  );
  const closeCancel = useCallback(() => setCancelling(null), []);

  if (error && !data) {
    return (
      <>
        <h1>{i18n.t('downloads.title')}</h1>
        <ErrorNotice error={error} onRetry={reload} />
      </>
    );
  }
  if (!data) return <Loading label={i18n.t('downloads.loading')} />;

  const speed = active.reduce((s, r) => s + r.progress.speed, 0);
  const remaining = active.reduce((s, r) => s + r.progress.remainingBytes, 0);
  const anyPausable = active.some((r) => r.progress.pausable.length > 0);
  const pausedIds = active.flatMap((r) => r.progress.paused);

  return (
    <div className="dl">
      <header className="dl-header">
        <div>
          <h1>{i18n.t('downloads.title')}</h1>
          {active.length > 0 ? (
            <p className="muted dl-overview" data-testid="downloads-overview">
              {speed > 0
                ? i18n.t('downloads.overview.moving', {
                    count: active.length,
                    speed: i18n.speed(speed),
                    eta: etaText(i18n, remaining / speed),
                  })
                : i18n.t('downloads.overview', { count: active.length })}
            </p>
          ) : null}
        </div>
        {active.length > 0 ? (
          <div className="dl-header-actions">
            <button
              type="button"
              className="button"
              disabled={!anyPausable}
              onClick={() => void pause('all')}
            >
              {i18n.t('downloads.pauseAll')}
            </button>
            <button
              type="button"
              className="button"
              disabled={pausedIds.length === 0}
              onClick={() => void resume(pausedIds)}
            >
              {i18n.t('downloads.resumeAll')}
            </button>
          </div>
        ) : null}
      </header>
      <TransferControls />
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>

      {active.length === 0 ? (
        <div className="dl-empty">
          <p>{i18n.t('downloads.empty')}</p>
          <a className="button button-primary" href={hrefOf({ view: 'store', page: 'home' })}>
            {i18n.t('downloads.goToStore')}
          </a>
        </div>
      ) : null}

      {active.length > 0 ? (
        <section aria-labelledby="dl-queue-title">
          <div className="dl-section-head">
            <h2 id="dl-queue-title">{i18n.t('downloads.queue')}</h2>
            {active.length > 1 ? <p className="hint muted">{i18n.t('downloads.queue.hint')}</p> : null}
          </div>
          <QueueList
            allGroups={data.groups}
            rows={active}
            handlers={handlers}
            move={move}
            announce={setAnnouncement}
          />
        </section>
      ) : null}

      {finished.length > 0 ? (
        <section aria-labelledby="dl-finished-title" className="dl-finished">
          <div className="dl-section-head">
            <h2 id="dl-finished-title">{i18n.t('downloads.finished')}</h2>
            <span className="dl-count">{finished.length}</span>
          </div>
          <ol className="dl-groups">
            {shownFinished.map((row) => (
              <DownloadGroupItem
                key={row.group.purchaseId}
                group={row.group}
                progress={row.progress}
                handlers={handlers}
                libraryHref={libraryHref(row.group)}
                focusMove={null}
              />
            ))}
          </ol>
          {finished.length > shownFinished.length ? (
            <button type="button" className="button dl-show-all" onClick={() => setAllFinished(true)}>
              {i18n.t('downloads.finished.showAll', { count: finished.length })}
            </button>
          ) : null}
        </section>
      ) : null}

      {cancelling ? (
        <CancelDialog
          request={cancelling}
          onClose={closeCancel}
          onConfirm={() => {
            setCancelling(null);
            void cancel(cancelling.jobIds);
          }}
        />
      ) : null}
    </div>
  );
}
