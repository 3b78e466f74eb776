// Buying: one purchase at a time, whatever the mouse does, so a double click cannot charge twice.
import { useCallback, useRef, useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../electron/shared/app-api/contract.ts';
import type { MegadiscError } from '../../../electron/shared/errors.ts';
import { useApi } from '../../app/api-context.tsx';

export function useBuy() {
  const api = useApi();
  // A ref, not state: two clicks in the same tick both see the state from before the first one.
  const inFlight = useRef(false);
  const [buying, setBuying] = useState(false);
  const [error, setError] = useState<MegadiscError | null>(null);

  const buy = useCallback(
    async (input: MethodInput<'store.buy'>): Promise<MethodOutput<'store.buy'> | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setBuying(true);
      setError(null);
      try {
        return await api['store.buy'](input);
      } catch (e) {
        setError(e as MegadiscError);
        return null;
      } finally {
        inFlight.current = false;
        setBuying(false);
      }
    },
    [api],
  );
  const clearError = useCallback(() => setError(null), []);
  return { buy, buying, error, clearError };
}
