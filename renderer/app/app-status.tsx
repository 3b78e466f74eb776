// App-wide status every screen may show: who is logged in, the balance, whether the store answers.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { BalanceView } from '../../electron/shared/app-api/domain.ts';
import type { AppInfo } from '../../electron/shared/app-api/views.ts';
import { useApi } from './api-context.tsx';

export interface AppStatus {
  info: AppInfo | null;
  balance: BalanceView | null;
  online: boolean;
  offlineReason: string | null;
  refresh: () => void;
}

const StatusContext = createContext<AppStatus | null>(null);

export function AppStatusProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [balance, setBalance] = useState<BalanceView | null>(null);
  const [online, setOnline] = useState(true);
  const [offlineReason, setOfflineReason] = useState<string | null>(null);

  const refresh = useCallback(() => {
    api['app.info']({}).then(setInfo, () => undefined);
    api['account.balance']({}).then(
      (b) => {
        setBalance(b);
        setOnline(!b.offline);
        if (!b.offline) setOfflineReason(null);
      },
      (e: { code?: string; message: string }) => {
        if (e.code === 'STORE_UNREACHABLE') setOnline(false);
      },
    );
  }, [api]);

  useEffect(() => {
    refresh();
    return api.onEvent((event) => {
      if (event.name === 'balance') {
        setBalance(event.payload.balance);
        setOnline(!event.payload.balance.offline);
      } else if (event.name === 'connection') {
        setOnline(event.payload.online);
        setOfflineReason(event.payload.message);
        if (event.payload.online) refresh();
      }
    });
  }, [api, refresh]);

  const value = useMemo(
    () => ({ info, balance, online, offlineReason, refresh }),
    [info, balance, online, offlineReason, refresh],
  );
  return <StatusContext.Provider value={value}>{children}</StatusContext.Provider>;
}

export function useAppStatus(): AppStatus {
  const status = useContext(StatusContext);
  if (!status) throw new Error('useAppStatus outside AppStatusProvider');
  return status;
}
