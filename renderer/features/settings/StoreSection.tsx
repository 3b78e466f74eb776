// Store setting: the address the app talks to when none is given.
import { useI18n } from '../../app/i18n-context.tsx';
import { SettingField } from './SettingField.tsx';
import type { SettingsForm } from './use-settings-form.ts';

export function StoreSection({ form }: { form: SettingsForm }) {
  const i18n = useI18n();
  const v = form.values!;
  return (
    <section className="card settings-section" aria-labelledby="settings-store">
      <h2 id="settings-store">{i18n.t('settings.store')}</h2>
      <SettingField
        id="store-url"
        label={i18n.t('settings.storeUrl')}
        hint={i18n.t('settings.storeUrl.hint')}
        error={form.errors.storeUrl}
      >
        {(control) => (
          <input
            {...control}
            type="url"
            value={v.storeUrl}
            placeholder={i18n.t('settings.storeUrl.placeholder')}
            spellCheck={false}
            autoComplete="url"
            onChange={(e) => form.set('storeUrl', e.target.value)}
          />
        )}
      </SettingField>
    </section>
  );
}
