// The mark on an owned album the store no longer sells (taken down) or does not sell where the
// listener is: words, not a colour alone.
import type { KnownAvailability } from '../../../electron/shared/app-api/domain.ts';
import { LIBRARY_SALE_TEXT } from './sale-text.ts';

export function SaleBadge({ availability }: { availability: KnownAvailability | null }) {
  if (availability?.state === 'taken_down') {
    return <span className="tag tag-warn sale-badge">{LIBRARY_SALE_TEXT.badge}</span>;
  }
  if (availability?.state === 'not_in_territory') {
    return <span className="tag sale-badge">{LIBRARY_SALE_TEXT.notInCountry}</span>;
  }
  return null;
}
