// Loads a value from the app API, reloads on demand or on chosen events, and keeps the last good
// value while reloading so screens do not flash.
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import type { AppEventName } from '../../electron/shared/app-api/events.ts';
import type { MegadiscError } from '../../electron/shared/errors.ts';
import { useApi } from './api-context.tsx';

export interface QueryState<T> {
  data: T | undefined;
  error: MegadiscError | null;
  loading: boolean;
  reload: () => void;
}

export function useQuery<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  options: { reloadOn?: AppEventName[]; enabled?: boolean } = {},
): QueryState<T> {
  const api = useApi();
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<MegadiscError | null>(null);
  const [loading, setLoading] = useState(options.enabled !== false);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: deps are the caller's, plus reloads
  useEffect(() => {
    if (options.enabled === false) return;
    let live = true;
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (e: MegadiscError) => {
        if (!live) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, generation, options.enabled]);

  const reloadOn = options.reloadOn?.join(',') ?? '';
  useEffect(() => {
    if (!reloadOn) return;
    const names = reloadOn.split(',');
    return api.onEvent((event) => {
      if (names.includes(event.name)) reload();
    });
  }, [api, reloadOn, reload]);

  return { data, error, loading, reload };
}
