// Buying: one purchase at a time, whatever the mouse does, so a double click cannot charge twice.
import { useCallback } from 'react';
import type { MethodInput, MethodOutput } from '../../../electron/shared/app-api/contract.ts';
import { useApi } from '../../app/api-context.tsx';
import { useAction } from '../../app/use-action.ts';

export function useBuy() {
  const api = useApi();
  const { busy, error, run, clearError } = useAction();
  const buy = useCallback(
    async (input: MethodInput<'store.buy'>): Promise<MethodOutput<'store.buy'> | null> => {
      const result = await run(() => api['store.buy'](input));
      return result.ok ? result.value : null;
    },
    [api, run],
  );
  return { buy, buying: busy, error, clearError };
}
