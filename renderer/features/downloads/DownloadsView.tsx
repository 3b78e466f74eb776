// The Downloads screen: the queue album by album with live progress, the commands over it, the
// transfer settings, and finished albums collapsed at the bottom.
import { useCallback, useMemo, useState } from 'react';
import { hrefOf } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatEta, formatSpeed } from '../../components/format.ts';
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
  const { data, error, reload, live } = useDownloads();
  const actions = useDownloadActions(reload);
  const [cancelling, setCancelling] = useState<CancelRequest | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [allFinished, setAllFinished] = useState(false);

  const rows: QueueRow[] = useMemo(
    () => (data?.groups ?? []).map((group) => ({ group, progress: groupProgress(group, live) })),
    [data, live],
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
        <h1>Downloads</h1>
        <ErrorNotice error={error} onRetry={reload} />
      </>
    );
  }
  if (!data) return <Loading label="Loading the queue…" />;

  const speed = active.reduce((s, r) => s + r.progress.speed, 0);
  const remaining = active.reduce((s, r) => s + r.progress.remainingBytes, 0);
  const anyPausable = active.some((r) => r.progress.pausable.length > 0);
  const pausedIds = active.flatMap((r) => r.progress.paused);

  return (
    <div className="dl">
      <header className="dl-header">
        <div>
          <h1>Downloads</h1>
          {active.length > 0 ? (
            <p className="muted dl-overview" data-testid="downloads-overview">
              {`${active.length} ${active.length === 1 ? 'album' : 'albums'} in the queue`}
              {speed > 0 ? ` · ${formatSpeed(speed)} · ${formatEta(remaining / speed)} left` : ''}
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
              Pause all
            </button>
            <button
              type="button"
              className="button"
              disabled={pausedIds.length === 0}
              onClick={() => void resume(pausedIds)}
            >
              Resume all
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
          <p>Nothing downloading. Buy an album in the Store.</p>
          <a className="button button-primary" href={hrefOf({ view: 'store', page: 'home' })}>
            Go to the Store
          </a>
        </div>
      ) : null}

      {active.length > 0 ? (
        <section aria-labelledby="dl-queue-title">
          <div className="dl-section-head">
            <h2 id="dl-queue-title">Queue</h2>
            {active.length > 1 ? (
              <p className="hint muted">Drag albums to reorder, or use ↑ ↓ (Alt+↑ / Alt+↓).</p>
            ) : null}
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
            <h2 id="dl-finished-title">Finished</h2>
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
              Show all {finished.length} finished
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
