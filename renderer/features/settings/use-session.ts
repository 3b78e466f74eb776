// Logging in to a store and out again; the app status (who is logged in, the balance) follows.
import { useCallback } from 'react';
import { useApi } from '../../app/api-context.tsx';
import { useAppStatus } from '../../app/app-status.tsx';
import { useAction } from '../../app/use-action.ts';

export function useSession(onChanged: () => void) {
  const api = useApi();
  const status = useAppStatus();
  const action = useAction();
  const { busy, error } = action;

  const run = useCallback(
    async (call: () => Promise<unknown>): Promise<boolean> => {
      const result = await action.run(call);
      if (!result.ok) return false;
      status.refresh();
      onChanged();
      return true;
    },
    [action.run, status.refresh, onChanged],
  );

  const login = useCallback(
    (input: { storeUrl: string; email: string; password: string }) => run(() => api['session.login'](input)),
    [api, run],
  );
  const logout = useCallback(() => run(() => api['session.logout']({})), [api, run]);

  return { session: status.info?.session ?? null, known: status.info !== null, busy, error, login, logout };
}
