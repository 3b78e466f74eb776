// The CLI's words for releases the store does not sell: taken down, or not in the listener's country.
import type { KnownAvailability } from '../../shared/app-api/domain.ts';
import type { StoreAlbumView } from '../../shared/app-api/views.ts';
import { MegadiscError } from '../../shared/errors.ts';

const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

/** One line: why a taken-down album is not for sale, the notice, and what becomes of owned files. */
export function notForSaleLine(view: StoreAlbumView): string {
  const { availability: a, owned } = view;
  const parts = [`not for sale: ${a.reason ?? 'the release was taken down'}`];
  if (a.noticeUrl) parts.push(`notice: ${a.noticeUrl}`);
  if (owned) {
    parts.push(
      a.redownload
        ? `you own ${files(owned.fileCount)} of it; "megadisc library redownload" fetches missing ones at no charge`
        : `the ${files(owned.fileCount)} you own stay in your library, but the store withdrew re-downloads`,
    );
  }
  return parts.join('; ');
}

export function notInCountryLine(view: StoreAlbumView): string {
  return `not available in your country: ${view.availability.reason ?? 'not licensed where your account is'}`;
}

/** Throws the refusal of a purchase as the store would, in one line with its own exit code. */
export function assertOnSale(view: StoreAlbumView): void {
  const { state } = view.availability;
  if (state === 'taken_down') throw new MegadiscError('TAKEN_DOWN', notForSaleLine(view));
  if (state === 'not_in_territory') throw new MegadiscError('NOT_IN_TERRITORY', notInCountryLine(view));
}

/** The library's mark for an album the store no longer sells to this listener; '' when it does. */
export function saleMark(availability: KnownAvailability | null | undefined): string {
  if (availability?.state === 'taken_down') return 'no longer sold';
  if (availability?.state === 'not_in_territory') return 'not sold in your country';
  return '';
}
