// What a screen shows while its data loads.
import { useI18n } from '../app/i18n-context.tsx';

export function Loading({ label }: { label?: string }) {
  const i18n = useI18n();
  return (
    <p className="loading" role="status">
      {label ?? i18n.t('common.loading')}
    </p>
  );
}
