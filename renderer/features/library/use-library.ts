// The library queries the screens read: album cards and one album. Both come from the local index,
// so they work offline; they reload when a purchase is filed.
import type { MethodInput } from '../../../electron/shared/app-api/contract.ts';
import { useApi } from '../../app/api-context.tsx';
import { useQuery } from '../../app/use-query.ts';

export type AlbumSort = NonNullable<MethodInput<'library.albums'>['sort']>;

export function useLibraryAlbums(q: string, sort: AlbumSort) {
  const api = useApi();
  return useQuery(() => api['library.albums']({ ...(q ? { q } : {}), sort }), [api, q, sort], {
    reloadOn: ['album-filed'],
  });
}

export function useLibraryAlbum(id: number) {
  const api = useApi();
  return useQuery(() => api['library.album']({ id }), [api, id], { reloadOn: ['album-filed'] });
}
