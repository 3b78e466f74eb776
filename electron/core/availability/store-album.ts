// An album page in the store with whether it is on sale here. The album route answers 451 once a
// release is taken down; the availability route says why, and whether owned files download again.
import type { Album } from '../../../api/schemas/catalog.ts';
import type { AlbumAvailability } from '../../shared/app-api/domain.ts';
import { MegadiscError } from '../../shared/errors.ts';
import { routes, type StoreClient } from '../store-client/store-client.ts';
import { fromStore } from './from-store.ts';

/** A 451: the store refuses for legal reasons, not because something failed. */
export function isLegalRefusal(error: unknown): error is MegadiscError {
  return error instanceof MegadiscError && (error.code === 'TAKEN_DOWN' || error.code === 'NOT_IN_TERRITORY');
}

/** What a refusal alone says, for a store that does not answer availability. */
function fromRefusal(error: MegadiscError): AlbumAvailability {
  const takenDown = error.code === 'TAKEN_DOWN';
  return {
    state: takenDown ? 'taken_down' : 'not_in_territory',
    reason: error.message,
    noticeUrl: takenDown ? (error.link ?? null) : null,
    redownload: true,
  };
}

export async function loadStoreAlbum(
  client: StoreClient,
  id: number,
  signal?: AbortSignal,
): Promise<{ album: Album | null; availability: AlbumAvailability }> {
  const [page, answer] = await Promise.allSettled([
    client.call(routes.album, { params: { id }, signal }),
    client.availability([id], signal),
  ]);
  if (page.status === 'rejected' && !isLegalRefusal(page.reason)) throw page.reason;
  const album = page.status === 'fulfilled' ? page.value : null;
  const refusal = page.status === 'rejected' ? (page.reason as MegadiscError) : null;
  // A store without the availability route (or a failed ask) still says enough through the album.
  const said = answer.status === 'fulfilled' ? answer.value.find((a) => a.albumId === id) : undefined;
  if (!said) {
    const availability = refusal
      ? fromRefusal(refusal)
      : { state: 'on_sale' as const, reason: null, noticeUrl: null, redownload: true };
    return { album, availability };
  }
  const availability = fromStore(client, said);
  // The refusal is the later word if the two disagree (a takedown between the two answers).
  if (refusal && availability.state === 'on_sale') return { album, availability: fromRefusal(refusal) };
  // The store's own blocked-by link names the notice best.
  if (refusal?.link && availability.state === 'taken_down') availability.noticeUrl = refusal.link;
  return { album, availability };
}
