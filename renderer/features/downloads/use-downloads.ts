// The queue for the Downloads screen: the grouped list, fetched again when jobs change state or the
// queue changes, and the live progress of running jobs merged in without refetching on each tick.
import { useEffect, useRef, useState } from 'react';
import type { AppEventName } from '../../../electron/shared/app-api/events.ts';
import { useApi } from '../../app/api-context.tsx';
import { useEvent } from '../../app/use-event.ts';
import { useQuery } from '../../app/use-query.ts';
import type { JobProgress } from './group-progress.ts';

/** Progress events arrive ~10 a second per job; the screen redraws at most this often. */
const FLUSH_MS = 250;

const RELOAD_ON: AppEventName[] = ['queue-changed', 'job-state', 'purchase-state', 'album-filed'];
/** A finishing album sends a burst of state changes; the list is fetched once per burst. */
const RELOAD_MS = 150;

export function useDownloads() {
  const api = useApi();
  const list = useQuery(() => api['downloads.list']({}), [api]);
  const { reload } = list;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const later = () => {
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        reload();
      }, RELOAD_MS);
    };
    const off = api.onEvent((event) => {
      if (RELOAD_ON.includes(event.name)) later();
    });
    return () => {
      off();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [api, reload]);

  const live = useLiveProgress();
  return { ...list, live };
}

function useLiveProgress(): ReadonlyMap<number, JobProgress> {
  const [live, setLive] = useState<ReadonlyMap<number, JobProgress>>(() => new Map());
  const pending = useRef(new Map<number, JobProgress>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  useEvent('job-progress', (progress) => {
    pending.current.set(progress.jobId, progress);
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      const batch = pending.current;
      pending.current = new Map();
      setLive((previous) => new Map([...previous, ...batch]));
    }, FLUSH_MS);
  });

  // A job that stops, pauses or fails has no speed any more; its figures come from the list again.
  useEvent('job-state', ({ job }) => {
    if (job.state === 'downloading') return;
    pending.current.delete(job.id);
    setLive((previous) => {
      if (!previous.has(job.id)) return previous;
      const next = new Map(previous);
      next.delete(job.id);
      return next;
    });
  });
  return live;
}
