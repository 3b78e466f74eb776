// What the fake store says about selling each album (takedowns, territories), and what follows from
// it for the store's album page and the library, as the core builds them.
import type { Album } from '../../../api/schemas/catalog.ts';
import type {
  AlbumAvailability,
  KnownAvailability,
  LibraryAlbum,
} from '../../../electron/shared/app-api/domain.ts';
import type { OwnedCopy, StoreAlbumView } from '../../../electron/shared/app-api/views.ts';
import { MegadiscError } from '../../../electron/shared/errors.ts';

export const ON_SALE: AlbumAvailability = {
  state: 'on_sale',
  reason: null,
  noticeUrl: null,
  redownload: true,
};

/** When the fake's store answered: a fixed time, so tests can name it. */
export const CHECKED_AT = '2026-11-20T09:30:00.000Z';

export function takenDown(
  reason = 'Taken down after a notice on behalf of Ferro Publishing (TD-7Q2M9K4X)',
  options: { redownload?: boolean; noticeUrl?: string | null } = {},
): AlbumAvailability {
  return {
    state: 'taken_down',
    reason,
    noticeUrl:
      options.noticeUrl === undefined ? 'http://127.0.0.1:8700/v1/takedowns/TD-7Q2M9K4X' : options.noticeUrl,
    redownload: options.redownload ?? true,
  };
}

export function notInTerritory(
  reason = 'Licensed for sale only in DE, AT, CH; your account’s country is US',
): AlbumAvailability {
  return { state: 'not_in_territory', reason, noticeUrl: null, redownload: true };
}

export function ownedCopyOf(library: LibraryAlbum[], storeAlbumId: number): OwnedCopy | null {
  const album = library.find((a) => a.storeAlbumId === storeAlbumId);
  if (!album) return null;
  const files = album.tracks.flatMap((t) => t.files);
  return {
    libraryAlbumId: album.id,
    title: album.title,
    albumArtist: album.albumArtist,
    fileCount: files.length,
    missingFiles: files.filter((f) => f.status === 'missing').length,
  };
}

export function storeAlbumView(
  album: Album,
  availability: AlbumAvailability,
  library: LibraryAlbum[],
): StoreAlbumView {
  return {
    albumId: album.id,
    // As the store: a taken-down album has no page any more.
    album: availability.state === 'taken_down' ? null : album,
    availability,
    owned: ownedCopyOf(library, album.id),
  };
}

/** As the store's 451: prices and orders of an album not on sale are refused. */
export function assertOnSale(availability: AlbumAvailability): void {
  if (availability.state === 'on_sale') return;
  throw new MegadiscError(
    availability.state === 'taken_down' ? 'TAKEN_DOWN' : 'NOT_IN_TERRITORY',
    availability.reason ?? 'not for sale',
  );
}

export function known(availability: AlbumAvailability | undefined): KnownAvailability | null {
  return availability ? { ...availability, checkedAt: CHECKED_AT } : null;
}
