// The library queries the screens read: album cards and one album. Both come from the local index,
// so they work offline; they reload when a purchase is filed or the store's word on an album changes.

import { useEffect, useState } from 'react';
import type { MethodInput } from '../../../electron/shared/app-api/contract.ts';
import { useApi } from '../../app/api-context.tsx';
import { useEvent } from '../../app/use-event.ts';
import { useQuery } from '../../app/use-query.ts';

export type AlbumSort = NonNullable<MethodInput<'library.albums'>['sort']>;

export function useLibraryAlbums(q: string, sort: AlbumSort) {
  const api = useApi();
  return useQuery(() => api['library.albums']({ ...(q ? { q } : {}), sort }), [api, q, sort], {
    reloadOn: ['album-filed', 'library-availability'],
  });
}

export function useLibraryAlbum(id: number) {
  const api = useApi();
  return useQuery(() => api['library.album']({ id }), [api, id], {
    reloadOn: ['album-filed', 'library-availability'],
  });
}

/**
 * Asks the store, once per visit to the library and again when it comes back online, whether owned
 * albums are still sold; the core keeps the answers and announces changes, so the views reload.
 */
export function useAvailabilityCheck() {
  const api = useApi();
  const [round, setRound] = useState(0);
  useEvent('connection', (e) => {
    if (e.online) setRound((r) => r + 1);
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: round is the trigger to ask again
  useEffect(() => {
    // Nothing to show when it fails: the last known answers are already on screen.
    api['library.availability']({}).catch(() => undefined);
  }, [api, round]);
}
