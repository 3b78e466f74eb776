// Words of the store's album page for releases it does not sell: taken down, or not licensed in the
// listener's country; and what becomes of the copy the listener owns.
import type { Translator } from '../../../i18n/index.ts';

export function saleText(i18n: Translator) {
  return {
    notForSale: i18n.t('store.sale.notForSale'),
    takenDown: i18n.t('store.sale.takenDown'),
    notInCountry: i18n.t('store.sale.notInCountry'),
    notLicensed: i18n.t('store.sale.notLicensed'),
    reasonLabel: i18n.t('store.sale.reasonLabel'),
    notice: i18n.t('store.sale.notice'),
    unknownTitle: i18n.t('store.sale.unknownTitle'),
    owned: (count: number) => i18n.t('store.sale.owned', { count }),
    missing: (count: number) => i18n.t('store.sale.missing', { count }),
    openInLibrary: i18n.t('store.sale.openInLibrary'),
    downloadAgain: i18n.t('store.sale.downloadAgain'),
    downloading: i18n.t('store.sale.downloading'),
    downloadAgainHint: i18n.t('store.sale.downloadAgainHint'),
    requeued: (count: number) =>
      count === 0 ? i18n.t('store.sale.nothingToDownload') : i18n.t('store.sale.requeued', { count }),
    withdrawn: i18n.t('store.sale.withdrawn'),
    goToDownloads: i18n.t('store.goToDownloads'),
  };
}
