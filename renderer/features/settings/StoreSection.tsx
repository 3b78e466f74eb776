// Store setting: the address the app talks to when none is given.
import { SettingField } from './SettingField.tsx';
import type { SettingsForm } from './use-settings-form.ts';

export function StoreSection({ form }: { form: SettingsForm }) {
  const v = form.values!;
  return (
    <section className="card settings-section" aria-labelledby="settings-store">
      <h2 id="settings-store">Store</h2>
      <SettingField
        id="store-url"
        label="Default store address"
        hint="Where new logins go unless another address is given. Logging in below sets it too."
        error={form.errors.storeUrl}
      >
        {(control) => (
          <input
            {...control}
            type="url"
            value={v.storeUrl}
            placeholder="https://store.example"
            spellCheck={false}
            autoComplete="url"
            onChange={(e) => form.set('storeUrl', e.target.value)}
          />
        )}
      </SettingField>
    </section>
  );
}
