// Pages of the library's track list, fetched for the range the list shows and kept in a cache.
// One request runs at a time and always serves the latest range, so dragging the scrollbar across
// 100k rows asks for the pages where it stops, not every page it passed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LibraryTrackRow } from '../../../electron/shared/app-api/views.ts';
import type { MegadiscError } from '../../../electron/shared/errors.ts';
import { useApi } from '../../app/api-context.tsx';
import { useEvent } from '../../app/use-event.ts';

export const TRACK_PAGE_SIZE = 200;
/** Pages kept around: 10,000 rows; the farthest from view go first. */
const MAX_PAGES = 50;
/** Rows beyond the visible range worth having before they scroll in. */
const PREFETCH_ROWS = 60;

export interface TrackPages {
  /** Null until the first page answered. */
  total: number | null;
  error: MegadiscError | null;
  /** Changes whenever a page arrives, so the list knows to draw the new rows. */
  version: number;
  rowAt: (index: number) => LibraryTrackRow | undefined;
  onRangeChange: (first: number, last: number) => void;
  reload: () => void;
}

export function useTrackPages(q: string): TrackPages {
  const api = useApi();
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<MegadiscError | null>(null);
  const [version, setVersion] = useState(0);
  const [generation, setGeneration] = useState(0);
  const pages = useRef(new Map<number, LibraryTrackRow[]>());
  const range = useRef<[number, number]>([0, 0]);
  const busy = useRef(false);
  const current = useRef(0);
  const totalRef = useRef<number | null>(null);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEvent('album-filed', reload);

  const evict = useCallback(() => {
    if (pages.current.size <= MAX_PAGES) return;
    const middle = Math.floor((range.current[0] + range.current[1]) / 2 / TRACK_PAGE_SIZE);
    const byDistance = [...pages.current.keys()].sort((a, b) => Math.abs(b - middle) - Math.abs(a - middle));
    for (const page of byDistance.slice(0, pages.current.size - MAX_PAGES)) pages.current.delete(page);
  }, []);

  // Fetches the first page the current range still lacks, then looks again.
  const pump = useCallback(() => {
    if (busy.current) return;
    const [first, last] = range.current;
    const from = Math.floor(Math.max(0, first - PREFETCH_ROWS) / TRACK_PAGE_SIZE);
    const to = Math.floor((last + PREFETCH_ROWS) / TRACK_PAGE_SIZE);
    const known = totalRef.current;
    let page = -1;
    // The first page comes first: it tells how many rows there are.
    if (known === null) page = pages.current.has(0) ? -1 : 0;
    for (let p = from; known !== null && p <= to && p * TRACK_PAGE_SIZE < known && page < 0; p++) {
      if (!pages.current.has(p)) page = p;
    }
    if (page < 0) return;
    busy.current = true;
    const asked = current.current;
    api['library.tracks']({
      ...(q ? { q } : {}),
      offset: page * TRACK_PAGE_SIZE,
      limit: TRACK_PAGE_SIZE,
    }).then(
      (result) => {
        if (asked !== current.current) return;
        busy.current = false;
        pages.current.set(page, result.rows);
        totalRef.current = result.total;
        evict();
        setTotal(result.total);
        setError(null);
        setVersion((v) => v + 1);
        pump();
      },
      (e: MegadiscError) => {
        if (asked !== current.current) return;
        busy.current = false;
        setError(e);
      },
    );
  }, [api, q, evict]);

  // A new filter or a reload starts over: old pages describe another list. The old total stays on
  // screen until the first new page answers, so the list does not collapse in between.
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the reload trigger
  useEffect(() => {
    current.current++;
    busy.current = false;
    pages.current = new Map();
    totalRef.current = null;
    setError(null);
    setVersion((v) => v + 1);
    pump();
  }, [pump, generation]);

  const onRangeChange = useCallback(
    (first: number, last: number) => {
      range.current = [first, last];
      pump();
    },
    [pump],
  );

  const rowAt = useCallback(
    (index: number) => pages.current.get(Math.floor(index / TRACK_PAGE_SIZE))?.[index % TRACK_PAGE_SIZE],
    [],
  );

  return { total, error, version, rowAt, onRangeChange, reload };
}
