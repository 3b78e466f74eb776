// The account queries: the ledger (balance history) and the spend report. Both follow the balance,
// which changes on top-ups, reservations and charges.
import { useApi } from '../../app/api-context.tsx';
import { useQuery } from '../../app/use-query.ts';

export function useLedger() {
  const api = useApi();
  return useQuery(() => api['account.ledger']({}), [api], { reloadOn: ['balance', 'album-filed'] });
}

export function useSpend() {
  const api = useApi();
  return useQuery(() => api['account.spend']({}), [api], { reloadOn: ['balance', 'album-filed'] });
}
