// The encoding table for an album or a selection of its tracks, asked again whenever the selection,
// the queue or the balance changes.
import type { BalanceView } from '../../../electron/shared/app-api/domain.ts';
import { useApi } from '../../app/api-context.tsx';
import { useEvent } from '../../app/use-event.ts';
import { useQuery } from '../../app/use-query.ts';

const sameFigures = (a: BalanceView, b: BalanceView) =>
  a.balanceBytes === b.balanceBytes && a.reservedBytes === b.reservedBytes;

export function useQuotes(albumId: number, trackIds: number[] | undefined) {
  const api = useApi();
  const key = trackIds?.join(',') ?? 'all';
  const enabled = trackIds === undefined || trackIds.length > 0;
  const query = useQuery(
    () => api['store.quotes'](trackIds ? { albumId, trackIds } : { albumId }),
    [api, albumId, key],
    // Other purchases change what the queue holds back.
    { enabled, reloadOn: ['queue-changed'] },
  );
  // Top-ups and settled orders change what fits. Asking for quotes syncs the balance itself (and the
  // core announces a change it finds there), so only figures that differ from the table's are news.
  useEvent('balance', ({ balance }) => {
    const shown = query.data?.balance;
    if (enabled && (!shown || !sameFigures(shown, balance))) query.reload();
  });
  return query;
}
