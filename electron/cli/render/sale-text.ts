// The CLI's words for releases the store does not sell: taken down, or not in the listener's country.
import type { Translator } from '../../../i18n/translator.ts';
import type { KnownAvailability } from '../../shared/app-api/domain.ts';
import type { StoreAlbumView } from '../../shared/app-api/views.ts';
import { CliError } from '../context/cli-error.ts';

/** One line: why a taken-down album is not for sale, the notice, and what becomes of owned files. */
export function notForSaleLine(i18n: Translator, view: StoreAlbumView): string {
  const { availability: a, owned } = view;
  // Separate statements, each whole in the catalog, joined as the store's reason is: by "; ".
  const parts = [i18n.t('cli.sale.notForSale', { reason: a.reason ?? i18n.t('cli.sale.takenDown') })];
  if (a.noticeUrl) parts.push(i18n.t('cli.sale.notice', { url: a.noticeUrl }));
  if (owned) {
    parts.push(
      a.redownload
        ? i18n.t('cli.sale.ownedRedownload', { files: owned.fileCount })
        : i18n.t('cli.sale.ownedWithdrawn', { files: owned.fileCount }),
    );
  }
  return parts.join('; ');
}

export function notInCountryLine(i18n: Translator, view: StoreAlbumView): string {
  return i18n.t('cli.sale.notInCountry', {
    reason: view.availability.reason ?? i18n.t('cli.sale.notLicensed'),
  });
}

/** Throws the refusal of a purchase as the store would, in one line with its own exit code. */
export function assertOnSale(i18n: Translator, view: StoreAlbumView): void {
  const { state } = view.availability;
  if (state === 'taken_down') throw new CliError('TAKEN_DOWN', notForSaleLine(i18n, view));
  if (state === 'not_in_territory') throw new CliError('NOT_IN_TERRITORY', notInCountryLine(i18n, view));
}

/** The library's mark for an album the store no longer sells to this listener; '' when it does. */
export function saleMark(i18n: Translator, availability: KnownAvailability | null | undefined): string {
  if (availability?.state === 'taken_down') return i18n.t('cli.sale.noLongerSold');
  if (availability?.state === 'not_in_territory') return i18n.t('cli.sale.notSoldHere');
  return '';
}
