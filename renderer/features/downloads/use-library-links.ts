// Where a finished download is in the library. The queue knows the store's album, the library its
// own ids, so albums are matched by title and artist; without a match the link goes to the Library.
import { useCallback } from 'react';
import type { DownloadGroup } from '../../../electron/shared/app-api/views.ts';
import { useApi } from '../../app/api-context.tsx';
import { hrefOf } from '../../app/router.ts';
import { useQuery } from '../../app/use-query.ts';

const keyOf = (title: string, artist: string) => `${title.toLowerCase()}\u0000${artist.toLowerCase()}`;

export function useLibraryLinks(filedCount: number): (group: DownloadGroup) => string {
  const api = useApi();
  const { data } = useQuery(() => api['library.albums']({}), [api, filedCount], {
    enabled: filedCount > 0,
    reloadOn: ['album-filed'],
  });
  return useCallback(
    (group: DownloadGroup) => {
      const album = data?.find(
        (a) => keyOf(a.title, a.albumArtist) === keyOf(group.albumTitle, group.artistName),
      );
      return album
        ? hrefOf({ view: 'library', page: 'album', id: album.id })
        : hrefOf({ view: 'library', page: 'albums' });
    },
    [data],
  );
}
