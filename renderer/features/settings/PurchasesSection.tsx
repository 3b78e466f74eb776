// Purchase settings: the encoding album pages preselect.

import type { EncodingId } from '../../../api/encodings.ts';
import { SettingField } from './SettingField.tsx';
import { useEncodingChoices } from './use-encodings.ts';
import type { SettingsForm } from './use-settings-form.ts';

export function PurchasesSection({ form }: { form: SettingsForm }) {
  const { choices, fromStore } = useEncodingChoices();
  const v = form.values!;
  return (
    <section className="card settings-section" aria-labelledby="settings-purchases">
      <h2 id="settings-purchases">Purchases</h2>
      <SettingField
        id="default-encoding"
        label="Default encoding"
        hint={
          fromStore
            ? 'Preselected on album pages; you can pick another for each purchase.'
            : 'Preselected on album pages. The store is not answering, so this is the built-in list.'
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
                {c.unavailable ? `${c.label} (unavailable: ${c.unavailable})` : c.label}
              </option>
            ))}
          </select>
        )}
      </SettingField>
    </section>
  );
}
