// The store's availability answer in the app's terms: the notice id becomes the notice's public page.
import { routes } from '../../../api/routes.ts';
import type { Availability } from '../../../api/schemas/rights.ts';
import type { AlbumAvailability } from '../../shared/app-api/domain.ts';
import type { StoreClient } from '../store-client/store-client.ts';

export function noticeUrl(client: StoreClient, noticeId: string): string {
  return client.url(routes.publicNotice.path.replace('{id}', encodeURIComponent(noticeId)).slice(1));
}

export function fromStore(client: StoreClient, a: Availability): AlbumAvailability {
  return {
    state: a.state,
    reason: a.reason,
    noticeUrl: a.noticeId ? noticeUrl(client, a.noticeId) : null,
    redownload: a.redownload,
  };
}
