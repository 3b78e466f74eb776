// Download settings: how many files at once, and an optional speed limit.
import { useI18n } from '../../app/i18n-context.tsx';
import { SettingField } from './SettingField.tsx';
import type { SettingsForm } from './use-settings-form.ts';

export function DownloadsSection({ form }: { form: SettingsForm }) {
  const i18n = useI18n();
  const v = form.values!;
  const { errors, set } = form;
  return (
    <section className="card settings-section" aria-labelledby="settings-downloads">
      <h2 id="settings-downloads">{i18n.t('settings.downloads')}</h2>
      <div className="field-grid">
        <SettingField
          id="concurrency"
          label={i18n.t('settings.concurrency')}
          hint={i18n.t('settings.concurrency.hint')}
          error={errors.concurrency}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={1}
              max={16}
              step={1}
              value={v.concurrency}
              onChange={(e) => set('concurrency', e.target.value)}
            />
          )}
        </SettingField>
      </div>
      <fieldset className="bandwidth">
        <legend>{i18n.t('settings.bandwidth')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={v.bandwidthOn}
            onChange={(e) => set('bandwidthOn', e.target.checked)}
          />
          {i18n.t('settings.bandwidth.limit')}
        </label>
        <div className="row bandwidth-row">
          <label htmlFor="bandwidth-value" className="visually-hidden">
            {i18n.t('settings.bandwidth.value')}
          </label>
          <input
            id="bandwidth-value"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            disabled={!v.bandwidthOn}
            value={v.bandwidthValue}
            placeholder={
              v.bandwidthOn ? i18n.t('settings.bandwidth.example') : i18n.t('settings.bandwidth.none')
            }
            aria-invalid={errors.bandwidthValue ? true : undefined}
            aria-describedby={errors.bandwidthValue ? 'bandwidth-error' : undefined}
            onChange={(e) => set('bandwidthValue', e.target.value)}
          />
          <label htmlFor="bandwidth-unit" className="visually-hidden">
            {i18n.t('settings.bandwidth.unit')}
          </label>
          <select
            id="bandwidth-unit"
            disabled={!v.bandwidthOn}
            value={v.bandwidthUnit}
            onChange={(e) => set('bandwidthUnit', e.target.value as 'kB' | 'MB')}
          >
            <option value="kB">{i18n.t('settings.bandwidth.kBps')}</option>
            <option value="MB">{i18n.t('settings.bandwidth.MBps')}</option>
          </select>
        </div>
        {errors.bandwidthValue ? (
          <span id="bandwidth-error" className="field-error">
            {errors.bandwidthValue}
          </span>
        ) : null}
      </fieldset>
    </section>
  );
}
