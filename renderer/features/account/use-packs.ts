// The store's packs priced for this account. Loyalty moves only when a pack is paid for, so the
// table reloads then (the caller says so) and when the store comes back, not on every balance change.
import { useApi } from '../../app/api-context.tsx';
import { useQuery } from '../../app/use-query.ts';

export function usePacks() {
  const api = useApi();
  return useQuery(() => api['account.packs']({}), [api], { reloadOn: ['connection'] });
}
