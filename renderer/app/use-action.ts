// One user action against the app API: whether it is running, the error it ended with, and a guard
// so that starting it again while it runs (two clicks in the same tick) does nothing.
import { useCallback, useRef, useState } from 'react';
import type { MegadiscError } from '../../electron/shared/errors.ts';

export type ActionResult<T> = { ok: true; value: T } | { ok: false };

export function useAction() {
  // A ref, not state: two clicks in the same tick both see the state from before the first one.
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MegadiscError | null>(null);

  const run = useCallback(async <T>(action: () => Promise<T>): Promise<ActionResult<T>> => {
    if (inFlight.current) return { ok: false };
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      return { ok: true, value: await action() };
    } catch (e) {
      setError(e as MegadiscError);
      return { ok: false };
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
