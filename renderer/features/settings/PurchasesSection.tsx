// Purchase settings: the encoding album pages preselect.
import type { EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { SettingField } from './SettingField.tsx';
import { useEncodingChoices } from './use-encodings.ts';
import type { SettingsForm } from './use-settings-form.ts';

export function PurchasesSection({ form }: { form: SettingsForm }) {
  const i18n = useI18n();
  const { choices, fromStore } = useEncodingChoices();
  const v = form.values!;
  return (
    <section className="card settings-section" aria-labelledby="settings-purchases">
      <h2 id="settings-purchases">{i18n.t('settings.purchases')}</h2>
      <SettingField
        id="default-encoding"
        label={i18n.t('settings.defaultEncoding')}
        hint={
          fromStore ? i18n.t('settings.defaultEncoding.hint') : i18n.t('settings.defaultEncoding.builtIn')
        }
      >
        {(control) => (
          <select
            {...control}
            value={v.defaultEncoding}
            onChange={(e) => form.set('defaultEncoding', e.target.value as EncodingId)}
          >
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.available
                  ? c.label
                  : i18n.t('settings.defaultEncoding.unavailable', {
                      label: c.label,
                      reason: c.unavailableReason ?? i18n.t('settings.defaultEncoding.notAvailable'),
                    })}
              </option>
            ))}
          </select>
        )}
      </SettingField>
    </section>
  );
}
