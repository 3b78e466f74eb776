// One purchase in the queue: cover, artist — album, encoding, overall progress, speed and ETA, its
// state in words, the actions that apply, and its tracks when expanded. Draggable to reorder, with
// Move up / Move down buttons (and Alt+↑/↓) doing the same from the keyboard.
import { type DragEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { ENCODINGS } from '../../../api/schemas/encoding-catalog.ts';
import type { DownloadGroup } from '../../../electron/shared/app-api/views.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { Cover } from '../../components/Cover.tsx';
import { etaText } from '../../components/format.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import type { GroupProgress } from './group-progress.ts';
import { type JobHandlers, JobRow } from './JobRow.tsx';
import './download-groups.css';

export type Direction = 'up' | 'down';

export interface GroupDrag {
  draggable: boolean;
  dropSide: 'before' | 'after' | null;
  dragging: boolean;
  onDragStart: () => void;
  onDragOver: () => void;
  onDrop: () => void;
  onDragEnd: () => void;
}

export function DownloadGroupItem({
  group,
  progress,
  handlers,
  move,
  drag,
  libraryHref,
  focusMove,
}: {
  group: DownloadGroup;
  progress: GroupProgress;
  handlers: JobHandlers;
  /** Absent for finished groups, which stay where they are. */
  move?: { canUp: boolean; canDown: boolean; onMove: (direction: Direction) => void };
  drag?: GroupDrag;
  libraryHref: string | null;
  /** Set right after this group moved (a new object each time): the focus returns to its buttons. */
  focusMove: { direction: Direction } | null;
}) {
  const i18n = useI18n();
  const [expanded, setExpanded] = useState(false);
  const tracksId = useId();
  const upRef = useRef<HTMLButtonElement>(null);
  const focused = useRef<object | null>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const name = `${group.artistName} — ${group.albumTitle}`;
  const p = progress;

  useEffect(() => {
    // Once per move: the request stays set until the next one.
    if (!focusMove || focused.current === focusMove) return;
    focused.current = focusMove;
    const wanted = focusMove.direction === 'up' ? upRef.current : downRef.current;
    const other = focusMove.direction === 'up' ? downRef.current : upRef.current;
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }, [focusMove]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (!move || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const direction: Direction = e.key === 'ArrowUp' ? 'up' : 'down';
    if (direction === 'up' ? move.canUp : move.canDown) move.onMove(direction);
  };
  const dragProps = drag?.draggable
    ? {
        draggable: true,
        onDragStart: (e: DragEvent) => {
          e.dataTransfer?.setData('text/plain', String(group.purchaseId));
          if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
          drag.onDragStart();
        },
        onDragEnd: drag.onDragEnd,
      }
    : {};
  const dropProps = drag
    ? {
        onDragOver: (e: DragEvent) => {
          e.preventDefault();
          drag.onDragOver();
        },
        onDrop: (e: DragEvent) => {
          e.preventDefault();
          drag.onDrop();
        },
      }
    : {};

  const primary =
    p.pausable.length > 0
      ? {
          label: i18n.t('downloads.action.pause'),
          name: i18n.t('downloads.action.pauseLabel', { name }),
          run: () => handlers.pause(p.pausable),
        }
      : p.paused.length > 0
        ? {
            label: i18n.t('downloads.action.resume'),
            name: i18n.t('downloads.action.resumeLabel', { name }),
            run: () => handlers.resume(p.paused),
          }
        : null;
  const classes = [
    'dl-group',
    `dl-tone-${p.tone}`,
    drag?.dragging ? 'dl-dragging' : '',
    drag?.dropSide ? `dl-drop-${drag.dropSide}` : '',
  ].join(' ');

  return (
    // Alt+arrow is a shortcut only: every move is also a button inside.
    <li
      className={classes}
      data-purchase-id={group.purchaseId}
      onKeyDown={onKeyDown}
      {...dragProps}
      {...dropProps}
    >
      <div className="dl-group-main">
        <span
          className="dl-grip"
          aria-hidden="true"
          title={drag?.draggable ? i18n.t('downloads.group.dragHint') : undefined}
        >
          {drag?.draggable ? '⋮⋮' : ''}
        </span>
        <div className="dl-group-cover">
          <Cover source="store" albumId={group.albumId} size={150} title={group.albumTitle} />
        </div>
        <div className="dl-group-body">
          <div className="dl-group-head">
            <h3 className="dl-group-title">{name}</h3>
            <span className="tag">{ENCODINGS[group.encoding]?.label ?? group.encoding}</span>
          </div>
          {p.finished ? null : (
            <ProgressBar
              value={p.doneBytes}
              max={p.totalBytes}
              label={i18n.t('downloads.group.progress', { name })}
            />
          )}
          <div className="dl-group-meta">
            <span className="dl-summary" data-testid="group-summary">
              {p.summary}
            </span>
            <span className="num">
              {p.totalBytes !== null
                ? i18n.t('downloads.group.bytes', {
                    done: i18n.bytes(p.doneBytes),
                    total: i18n.bytes(p.totalBytes),
                  })
                : p.doneBytes > 0
                  ? i18n.t('downloads.group.bytesSoFar', { done: i18n.bytes(p.doneBytes) })
                  : i18n.t('downloads.group.sizeUnknown')}
            </span>
            {p.speed > 0 ? (
              <span className="num" data-testid="group-speed">
                {i18n.speed(p.speed)}
              </span>
            ) : null}
            {p.speed > 0 ? (
              <span className="num">{i18n.t('downloads.group.left', { eta: etaText(i18n, p.eta) })}</span>
            ) : null}
            {libraryHref && p.tone === 'done' ? (
              <a className="dl-library-link" href={libraryHref}>
                {i18n.t('downloads.group.inLibrary')}
              </a>
            ) : null}
          </div>
        </div>
        <div className="dl-group-actions">
          {primary ? (
            <button type="button" className="button dl-small" onClick={primary.run} aria-label={primary.name}>
              {primary.label}
            </button>
          ) : null}
          {p.failed.length > 0 ? (
            <button
              type="button"
              className="button dl-small"
              onClick={() => handlers.retry(p.failed.map((j) => j.id))}
              aria-label={i18n.t('downloads.group.retryFailedLabel', { name })}
            >
              {i18n.t('downloads.group.retryFailed')}
            </button>
          ) : null}
          {p.cancellable.length > 0 ? (
            <button
              type="button"
              className="button dl-small dl-quiet"
              onClick={() => handlers.cancel(group.albumTitle, p.cancellable)}
              aria-label={i18n.t('downloads.action.cancelLabel', { name })}
            >
              {i18n.t('downloads.action.cancel')}
            </button>
          ) : null}
          {move ? (
            <span className="dl-move">
              <button
                ref={upRef}
                type="button"
                className="button dl-small dl-icon"
                disabled={!move.canUp}
                onClick={() => move.onMove('up')}
                aria-label={i18n.t('downloads.group.moveUpLabel', { name })}
                title={i18n.t('downloads.group.moveUpTitle')}
              >
                ↑
              </button>
              <button
                ref={downRef}
                type="button"
                className="button dl-small dl-icon"
                disabled={!move.canDown}
                onClick={() => move.onMove('down')}
                aria-label={i18n.t('downloads.group.moveDownLabel', { name })}
                title={i18n.t('downloads.group.moveDownTitle')}
              >
                ↓
              </button>
            </span>
          ) : null}
          {group.jobs.length > 0 ? (
            <button
              type="button"
              className="button dl-small dl-quiet"
              aria-expanded={expanded}
              aria-controls={expanded ? tracksId : undefined}
              onClick={() => setExpanded((x) => !x)}
            >
              {expanded
                ? i18n.t('downloads.group.hideTracks')
                : i18n.t('common.count.tracks', { count: group.jobs.length })}
            </button>
          ) : null}
        </div>
      </div>
      {expanded ? (
        <div id={tracksId} className="dl-jobs-wrap">
          <table className="table dl-jobs">
            <caption className="visually-hidden">{i18n.t('downloads.group.tracksCaption', { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('downloads.jobs.track')}</th>
                <th scope="col">{i18n.t('downloads.jobs.state')}</th>
                <th scope="col">{i18n.t('downloads.jobs.progress')}</th>
                <th scope="col" className="num">
                  {i18n.t('downloads.jobs.size')}
                </th>
                <th scope="col" className="num">
                  {i18n.t('downloads.jobs.speed')}
                </th>
                <th scope="col" className="num">
                  {i18n.t('downloads.jobs.eta')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{i18n.t('downloads.jobs.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.jobs.map((job) => (
                <JobRow key={job.id} job={job} handlers={handlers} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </li>
  );
}
