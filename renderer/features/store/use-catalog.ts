// The store's catalog queries for the screens (home, search, artist, album), each fetched again by
// itself once the store answers after being unreachable.
import { useApi } from '../../app/api-context.tsx';
import { useEvent } from '../../app/use-event.ts';
import { type QueryState, useQuery } from '../../app/use-query.ts';

/** A failed catalog query tries again when the connection comes back. */
function useRetryOnReconnect<T>(query: QueryState<T>): QueryState<T> {
  useEvent('connection', (e) => {
    if (e.online && query.error) query.reload();
  });
  return query;
}

export function useStoreHome() {
  const api = useApi();
  return useRetryOnReconnect(useQuery(() => api['store.home']({}), [api]));
}

/**
 * Results for q. useQuery drops the answer of any query that was superseded before it arrived,
 * so typing fast never shows the results of an older query under a newer one.
 */
export function useStoreSearch(q: string) {
  const api = useApi();
  const enabled = q.trim() !== '';
  return useRetryOnReconnect(useQuery(() => api['store.search']({ q }), [api, q], { enabled }));
}

export function useStoreArtist(id: number) {
  const api = useApi();
  return useRetryOnReconnect(useQuery(() => api['store.artist']({ id }), [api, id]));
}

export function useStoreAlbum(id: number) {
  const api = useApi();
  return useRetryOnReconnect(useQuery(() => api['store.album']({ id }), [api, id]));
}
