// Gives feature hooks the app API; components never reach for a transport themselves.
import { createContext, type ReactNode, useContext } from 'react';
import type { AppClient } from '../api/app-client.ts';

const ApiContext = createContext<AppClient | null>(null);

export function ApiProvider({ api, children }: { api: AppClient; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): AppClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
