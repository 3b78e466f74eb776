// The mark on an owned album the store no longer sells (taken down) or does not sell where the
// listener is: words, not a colour alone.
import type { KnownAvailability } from '../../../electron/shared/app-api/domain.ts';
import { useI18n } from '../../app/i18n-context.tsx';

export function SaleBadge({ availability }: { availability: KnownAvailability | null }) {
  const i18n = useI18n();
  if (availability?.state === 'taken_down') {
    return <span className="tag tag-warn sale-badge">{i18n.t('library.sale.badge')}</span>;
  }
  if (availability?.state === 'not_in_territory') {
    return <span className="tag sale-badge">{i18n.t('library.sale.notInCountry')}</span>;
  }
  return null;
}
