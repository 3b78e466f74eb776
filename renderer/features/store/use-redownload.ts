// "Download again" on the album page of a release the store no longer sells: the library's missing
// files, fetched through the purchase at no charge.
import { useCallback, useState } from 'react';
import { useApi } from '../../app/api-context.tsx';
import { useAction } from '../../app/use-action.ts';

export function useRedownload(libraryAlbumId: number) {
  const api = useApi();
  const { busy, error, run } = useAction();
  const [requeued, setRequeued] = useState<number | null>(null);
  const redownload = useCallback(async () => {
    const result = await run(() => api['library.redownload']({ albumId: libraryAlbumId }));
    if (result.ok) setRequeued(result.value.requeued);
  }, [api, run, libraryAlbumId]);
  return { redownload, busy, error, requeued };
}
