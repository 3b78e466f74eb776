// Logging in to a store and out again; the app status (who is logged in, the balance) follows.
import { useCallback, useState } from 'react';
import type { MegadiscError } from '../../../electron/shared/errors.ts';
import { useApi } from '../../app/api-context.tsx';
import { useAppStatus } from '../../app/app-status.tsx';

export function useSession(onChanged: () => void) {
  const api = useApi();
  const status = useAppStatus();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MegadiscError | null>(null);

  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await action();
        status.refresh();
        onChanged();
        return true;
      } catch (e) {
        setError(e as MegadiscError);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [status.refresh, onChanged],
  );

  const login = useCallback(
    (input: { storeUrl: string; email: string; password: string }) => run(() => api['session.login'](input)),
    [api, run],
  );
  const logout = useCallback(() => run(() => api['session.logout']({})), [api, run]);

  return { session: status.info?.session ?? null, known: status.info !== null, busy, error, login, logout };
}
