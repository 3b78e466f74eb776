// Words of the library for owned albums the store no longer sells.
import type { Translator } from '../../../i18n/index.ts';

export function librarySaleText(i18n: Translator) {
  return {
    badge: i18n.t('library.sale.badge'),
    notInCountry: i18n.t('library.sale.notInCountry'),
    heading: i18n.t('library.sale.heading'),
    intro: i18n.t('library.sale.intro'),
    redownload: i18n.t('library.sale.redownload'),
    withdrawn: i18n.t('library.sale.withdrawn'),
    notice: i18n.t('library.sale.notice'),
    asOf: (iso: string) => i18n.t('library.sale.asOf', { date: i18n.dateTime(iso) }),
    storePage: i18n.t('library.sale.storePage'),
  };
}
